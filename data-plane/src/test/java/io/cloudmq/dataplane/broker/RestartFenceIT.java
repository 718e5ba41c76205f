package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.NodeRecoveryView;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.broker.FailoverGroup.Member;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.constant.PermName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SYNC_MASTER that names its slave ({@code slave.addr}, as the standalone launcher starts masters) and is
 * restarted after a SIGKILL while its slave is down starts write-fenced: health says fenced and the route
 * (official client, default settings) carries no write permission for its queues, and stays so while the slave
 * is down. Once the slave is back and in sync, the master opens writes: health unfenced, route writable. Health
 * also shows how the store recovered at each start: {@code NORMAL} at the first start, {@code CRASH} after the
 * SIGKILL.
 */
class RestartFenceIT {
    private static final String READER_GROUP = "restart-fence-reader";
    private static final Duration FENCE_HOLDS = Duration.ofSeconds(2);
    private static final long TIMEOUT_MILLIS = 3000;

    @TempDir
    Path dir;

    @Test
    void aSyncMasterKilledAndRestartedWithoutItsSlaveStaysWriteFencedUntilTheSlaveIsInSync() throws Exception {
        String topic = BrokerCluster.uniqueName("restart-fence");
        try (FailoverGroup group = FailoverGroup.start(dir, topic, 2, READER_GROUP)) {
            Member master = group.member(0);
            Member slave = group.member(1);
            group.awaitInSync(master);
            NodeRecoveryView firstStart = Objects.requireNonNull(group.health(master).recovery());
            DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"),
                    TestCredentials.operatorHook());
            producer.setNamesrvAddr(group.nameServerAddress());
            producer.start();
            try {
                MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
                await("the master is routed writable").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                        .until(() -> routedWritable(api, topic));

                group.kill(slave);
                group.kill(master);
                group.startMasterNaming(master, slave);
                NodeHealthView restarted = await("the restarted broker role serves").atMost(FailoverGroup.DEADLINE)
                        .until(() -> group.health(master), health -> health.recovery() != null);

                assertThat(firstStart.mode()).isEqualTo("NORMAL");
                assertThat(Objects.requireNonNull(restarted.recovery()).mode()).isEqualTo("CRASH");
                assertThat(Objects.requireNonNull(restarted.serving()).fenced()).as("fenced at start").isTrue();
                await("the restarted master is routed without write permission").atMost(FailoverGroup.DEADLINE)
                        .ignoreExceptions().until(() -> !routedWritable(api, topic));
                await("fenced while the slave is down").during(FENCE_HOLDS).atMost(FENCE_HOLDS.multipliedBy(3))
                        .until(() -> fenced(group, master) && !routedWritable(api, topic));

                group.startSlave(slave, master, 0);
                group.awaitInSync(master);
                await("writes open once the slave is in sync").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                        .until(() -> !fenced(group, master) && routedWritable(api, topic));
                assertThat(group.output(master)).contains("FENCED_UNTIL_SLAVE_IN_SYNC", "a slave is in sync");
            } finally {
                producer.shutdown();
            }
        }
    }

    private static boolean fenced(FailoverGroup group, Member member) throws Exception {
        return Objects.requireNonNull(group.health(member).serving()).fenced();
    }

    private static boolean routedWritable(MQClientAPIImpl api, String topic) throws Exception {
        return api.getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS).getQueueDatas().stream()
                .allMatch(queues -> PermName.isWriteable(queues.getPerm()));
    }
}
