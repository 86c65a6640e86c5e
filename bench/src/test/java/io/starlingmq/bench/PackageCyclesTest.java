package io.starlingmq.bench;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of the bench's main code depend one way: no package reaches back, directly or through
 * others, to a package that depends on it. A plain unit test: it reads the compiled classes, nothing starts.
 */
class PackageCyclesTest {

    @Test
    void packagesDependOneWay() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.starlingmq.bench");
        // Every package is a slice of its own, the bench's own package (BenchMain, on top of all) too.
        slices().matching("io.starlingmq.(**)").should().beFreeOfCycles().check(classes);
    }
}
