package io.starlingmq.launcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of the launcher's main code depend one way: no package reaches back, directly or through
 * others, to a package that depends on it. A plain unit test: it reads the compiled classes, nothing starts.
 */
class PackageCyclesTest {

    @Test
    void packagesDependOneWay() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.starlingmq.launcher");
        // Every package is a slice of its own: the launcher's own package (the processes and parts) is a layer
        // too, below up, so a pattern of sub-packages only would leave it out.
        slices().matching("io.starlingmq.(**)").should().beFreeOfCycles().check(classes);
    }
}
