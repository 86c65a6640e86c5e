package io.starlingmq.bridge;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The bridge's packages depend one way (runtime assembles kafka, mqtt, template, rule). Nothing starts. */
class PackageCyclesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.starlingmq.bridge");

    @Test
    void packagesDependOneWay() {
        slices().matching("io.starlingmq.bridge.(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}
