package io.cloudmq.dataplane.replication;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ReplicationArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cloudmq.dataplane");

    @Test
    void replicationIsSelfContainedAndSeesTheStoreOnlyThroughItsReplicationApi() {
        noClasses().that().resideInAPackage("io.cloudmq.dataplane.replication..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "io.cloudmq.dataplane.remoting..",
                        "io.cloudmq.dataplane.broker..", "io.cloudmq.dataplane.store.commitlog..",
                        "io.cloudmq.dataplane.store.file..", "io.cloudmq.dataplane.store.index..",
                        "io.cloudmq.dataplane.store.flush..", "io.cloudmq.dataplane.store.recovery..")
                .check(classes);
    }
}
