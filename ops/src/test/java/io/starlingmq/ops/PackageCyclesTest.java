package io.starlingmq.ops;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The packages of ops's main code depend one way (api → routers, security → config). Nothing starts. */
class PackageCyclesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.starlingmq.ops");

    @Test
    void packagesDependOneWay() {
        slices().matching("io.starlingmq.ops.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
