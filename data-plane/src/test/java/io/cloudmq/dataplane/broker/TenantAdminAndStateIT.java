package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.dataplane.TestCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Admin request codes need the operator credential; node state files hold secrets only sealed. */
@ExtendWith(SharedCluster.class)
class TenantAdminAndStateIT {
    private final BrokerCluster cluster;

    TenantAdminAndStateIT(BrokerCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void tenantCredentialCannotCreateATopicButTheOperatorCan() throws Exception {
        Tenant tenant = Tenant.create("nsadmin").register(cluster, "pub+sub", true);
        String topic = tenant.wireName("made-by-admin-code");
        DefaultMQProducer producer = tenant.rawProducer(cluster);
        DefaultMQProducer operator = new DefaultMQProducer(BrokerCluster.uniqueName("operator"),
                TestCredentials.operatorHook());
        operator.setNamesrvAddr(cluster.nameServerAddress());
        operator.start();
        try {
            assertThatThrownBy(() -> api(producer).createTopic(
                    cluster.brokerAddress(), "TBW102", new TopicConfig(topic, 1, 1), 3000))
                    .isInstanceOfSatisfying(MQClientException.class,
                            e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.NO_PERMISSION));

            api(operator).createTopic(cluster.brokerAddress(), "TBW102", new TopicConfig(topic, 1, 1), 3000);
        } finally {
            producer.shutdown();
            operator.shutdown();
        }
    }

    /** Every file but the message store (preallocated commit-log segments hold only messages). */
    @Test
    void nodeStateFilesHoldNoSecretInClear() throws Exception {
        Tenant tenant = Tenant.create("nsfiles").register(cluster, "pub", true);
        List<String> secrets = List.of(tenant.secretKey(), TestCredentials.OPERATOR_SECRET_KEY);

        for (Path dataDir : cluster.nodeDataDirs()) {
            String desiredState = Files.readString(dataDir.resolve("desired-state.json"));
            assertThat(desiredState).contains(tenant.accessKey(), "\"sealedSecret\":\"v1.");
            try (Stream<Path> files = Files.walk(dataDir)) {
                List<Path> stateFiles = files.filter(Files::isRegularFile)
                        .filter(file -> !file.startsWith(dataDir.resolve("store")))
                        .toList();
                assertThat(stateFiles).contains(dataDir.resolve("desired-state.json"));
                for (Path file : stateFiles) {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(secrets).as(file.toString()).noneMatch(content::contains);
                }
            }
        }
    }

    private static MQClientAPIImpl api(DefaultMQProducer producer) {
        return producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }
}
