package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.broker.FailoverGroup.Member;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_MASTER failover with real node processes and the official client (default settings): producers on
 * four threads record every acknowledged message; in each of three rounds the master is SIGKILLed after a
 * different number of new acknowledgements, and the test plays the control plane (promote the slave whose
 * log covers the master's last acknowledged offset, in the next epoch). While the old master is still down,
 * the route's broker id 0 is the former slave and every message acknowledged so far is read from it with
 * identical bytes; the producers reach it. The old master restarted with its stale configuration is refused
 * by the name server (the route keeps the new master). It then becomes a slave of the new master, in odd
 * rounds restarted so by the control plane (node.properties with role SLAVE and the current epoch), in even
 * rounds by itself on the refusal; either way it truncates to the common point, catches up, and the
 * producers' sends are acknowledged again. A push consumer (clustering, default settings) runs throughout: after
 * the last round it has received every acknowledged message; its redeliveries are counted and printed. At the end
 * both commit logs are byte-identical.
 */
class FailoverIT {
    private static final Logger log = LoggerFactory.getLogger(FailoverIT.class);
    private static final int QUEUES = 4;
    private static final int PRODUCER_THREADS = 4;
    /** New acknowledgements before the kill of each round: the kill points vary. */
    private static final int[] KILL_AFTER_ACKS = {400, 40, 1200};
    private static final long TIMEOUT_MILLIS = 3000;
    private static final String READER_GROUP = "failover-reader";

    @TempDir
    Path dir;

    @Test
    void aKilledSyncMastersAcknowledgedMessagesAreServedByThePromotedSlaveAndTheOldMasterRejoinsFenced()
            throws Exception {
        String topic = BrokerCluster.uniqueName("failover");
        try (FailoverGroup group = FailoverGroup.start(dir, topic, QUEUES, READER_GROUP)) {
            group.awaitInSync(group.member(0));
            DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"),
                    TestCredentials.operatorHook());
            producer.setNamesrvAddr(group.nameServerAddress());
            DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group.consumerGroup(),
                    TestCredentials.operatorHook());
            consumer.setNamesrvAddr(group.nameServerAddress());
            Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(message -> received.computeIfAbsent(message.getMsgId(), id -> new AtomicInteger())
                        .incrementAndGet());
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            Member master = group.member(0);
            Member slave = group.member(1);
            consumer.start();
            producer.start();
            // its retry topic's queue is in the same table once that route arrived: count the topic's only
            await("the consumer owns every queue before the load starts").atMost(FailoverGroup.DEADLINE).until(() ->
                    consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet().stream()
                            .filter(queue -> queue.getTopic().equals(topic)).count() == QUEUES);
            try (AcknowledgedLoad load = new AcknowledgedLoad(producer, topic, PRODUCER_THREADS)) {
                for (int round = 1; round <= KILL_AFTER_ACKS.length; round++) {
                    failOver(group, load, api(producer), topic, master, slave, round);
                    Member promoted = slave;
                    slave = master;
                    master = promoted;
                }
                load.close();
                log.info("acknowledged {}, other statuses {}, failed sends {}", load.acknowledgedCount(),
                        load.otherStatuses(), load.failures());
                assertThat(group.readAll(topic).keySet()).containsAll(load.acknowledged().keySet());
                await("the consumer received every acknowledged message").atMost(FailoverGroup.DEADLINE)
                        .until(() -> received.keySet().containsAll(load.acknowledged().keySet()));
                long redelivered = received.values().stream().mapToInt(count -> count.get() - 1).sum();
                log.info("consumer: {} distinct messages received, {} redelivered ({} % of the acknowledged)",
                        received.size(), redelivered, String.format("%.3f", 100.0 * redelivered
                                / load.acknowledgedCount()));
            } finally {
                consumer.shutdown();
                producer.shutdown();
            }
            Member finalMaster = master;
            Member finalSlave = slave;
            await("the slave converges").atMost(FailoverGroup.DEADLINE).until(() ->
                    group.replication(finalSlave).endOffset() == group.replication(finalMaster).endOffset());
            long end = group.replication(master).endOffset();
            assertThat(commitLog(slave, end)).as("the rejoined old master's commit log")
                    .isEqualTo(commitLog(master, end));
        }
    }

    private static void failOver(FailoverGroup group, AcknowledgedLoad load, MQClientAPIImpl api, String topic,
            Member master, Member slave, int epoch) throws Exception {
        int before = load.acknowledgedCount();
        int killAfter = KILL_AFTER_ACKS[epoch - 1];
        await().atMost(FailoverGroup.DEADLINE).until(() -> load.acknowledgedCount() >= before + killAfter);
        long lastAcknowledged = group.replication(master).syncAckedOffset();
        group.kill(master);

        ReplicationView candidate = group.replication(slave);
        assertThat(candidate.endOffset()).as("the slave covers the master's last acknowledged offset")
                .isGreaterThanOrEqualTo(lastAcknowledged);
        HttpResponse<String> promotion = group.promote(slave, epoch);
        assertThat(promotion.statusCode()).as(promotion.body()).isEqualTo(200);
        ReplicationView promoted = group.replication(slave);
        assertThat(promoted.brokerRole()).isEqualTo("SYNC_MASTER");
        assertThat(promoted.brokerId()).isZero();
        assertThat(promoted.epoch()).isEqualTo(epoch);
        assertThat(promoted.endOffset()).isGreaterThanOrEqualTo(candidate.endOffset());
        assertThat(group.health(slave).brokerId()).as("health shows the promoted broker id").isZero();

        await("the route names the former slave as broker id 0").atMost(FailoverGroup.DEADLINE).ignoreExceptions()
                .until(() -> slave.address().equals(masterAddress(api, topic)));
        Map<String, byte[]> acknowledged = load.acknowledged();
        Map<String, byte[]> read = group.readAll(topic);
        assertThat(read.keySet()).as("acknowledged messages on the new master").containsAll(acknowledged.keySet());
        acknowledged.forEach((id, body) -> assertThat(read.get(id)).as("body of %s", id).isEqualTo(body));
        long storedBefore = load.otherStatuses() + load.acknowledgedCount();
        await("the producers reach the new master").atMost(FailoverGroup.DEADLINE)
                .until(() -> load.otherStatuses() + load.acknowledgedCount() > storedBefore);

        group.startMaster(master, epoch - 1);
        await("the name server refuses the stale master").atMost(FailoverGroup.DEADLINE)
                .until(() -> group.output(master).contains("stale epoch"));
        assertThat(masterAddress(api, topic)).isEqualTo(slave.address());
        if (epoch % 2 == 0) {
            await("the refused master follows the new one as its slave").atMost(FailoverGroup.DEADLINE)
                    .ignoreExceptions().until(() -> group.replication(master).brokerRole().equals("SLAVE"));
            assertThat(group.health(master).brokerId()).as("health shows the demoted broker id").isPositive();
        } else {
            group.stop(master);
            group.startSlave(master, slave, epoch);
        }
        group.awaitInSync(slave);
        int rejoined = load.acknowledgedCount();
        await("sends are acknowledged again").atMost(FailoverGroup.DEADLINE)
                .until(() -> load.acknowledgedCount() > rejoined);
    }

    private static String masterAddress(MQClientAPIImpl api, String topic) throws Exception {
        return api.getTopicRouteInfoFromNameServer(topic, TIMEOUT_MILLIS).getBrokerDatas().get(0).getBrokerAddrs()
                .get(MixAll.MASTER_ID);
    }

    private static byte[] commitLog(Member member, long end) throws Exception {
        try (FileChannel file = FileChannel.open(member.dataDir().resolve("store/commitlog/00000000000000000000"))) {
            ByteBuffer bytes = ByteBuffer.allocate(Math.toIntExact(end));
            while (bytes.hasRemaining() && file.read(bytes) >= 0) {
                // read until the buffer is full or the file ends
            }
            return bytes.array();
        }
    }

    private static MQClientAPIImpl api(DefaultMQProducer producer) {
        return producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }
}
