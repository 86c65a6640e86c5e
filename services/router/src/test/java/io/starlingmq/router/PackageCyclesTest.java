package io.starlingmq.router;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.starlingmq.store.ClientConnect;
import io.starlingmq.store.ClientInfo;
import io.starlingmq.store.Holder;
import io.starlingmq.store.Subscription;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of this module's main code depend one way: no package reaches back, directly or through
 * others, to a package that depends on it. A plain unit test: it reads the compiled classes, nothing starts.
 */
class PackageCyclesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.starlingmq.router");

    @Test
    void packagesDependOneWay() {
        slices().matching("io.starlingmq.router.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Matching and addressing work on the contract's Message: of the session store they know only the
     * facts of a session they index (its subscriptions, the connection that holds it, what listings show of
     * it), never a store call or the store's message record.
     */
    @Test
    void matchingAndAddressingUseTheStoreOnlyForTheSessionFactsTheyIndex() {
        noClasses().that().resideInAnyPackage("io.starlingmq.router.index..", "io.starlingmq.router.routing..")
                .should().dependOnClassesThat(resideInAPackage("io.starlingmq.store..")
                        .and(not(type(Subscription.class))).and(not(type(Holder.class)))
                        .and(not(type(ClientInfo.class))).and(not(type(ClientConnect.class))))
                .check(CLASSES);
    }
}
