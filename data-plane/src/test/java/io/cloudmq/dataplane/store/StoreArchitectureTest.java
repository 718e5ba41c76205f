package io.cloudmq.dataplane.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StoreArchitectureTest {
    private final JavaClasses storeClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cloudmq.dataplane.store");

    @Test
    void storeDependsOnNeitherNettyNorRemoting() {
        noClasses().that().resideInAPackage("io.cloudmq.dataplane.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.cloudmq.dataplane.remoting..",
                        "io.cloudmq.dataplane.broker..")
                .check(storeClasses);
    }
}
