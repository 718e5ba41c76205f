package io.cloudmq.dataplane.broker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Requests flow remoting → processor → store: the broker's tables and client bookkeeping know neither the
 * store's message API nor (except client channels) Netty; only the processors and the assembly see both.
 */
class BrokerArchitectureTest {
    private final JavaClasses brokerClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cloudmq.dataplane.broker");

    @Test
    void tablesAndClientBookkeepingDoNotUseTheMessageStore() {
        noClasses().that().resideInAnyPackage("..broker.metadata..", "..broker.client..", "..broker.offset..")
                .should().dependOnClassesThat().resideInAnyPackage("io.cloudmq.dataplane.store",
                        "io.cloudmq.dataplane.store.commitlog..", "io.cloudmq.dataplane.store.queue..")
                .check(brokerClasses);
    }

    @Test
    void tablesAndOffsetsDoNotUseNetty() {
        noClasses().that().resideInAnyPackage("..broker.metadata..", "..broker.offset..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(brokerClasses);
    }
}
