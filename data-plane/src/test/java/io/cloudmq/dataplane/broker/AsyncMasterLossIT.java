package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.broker.FailoverGroup.Member;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASYNC_MASTER failover by opt-in, measured with real node processes and the official client (default
 * settings), with the figures the control plane's loss report is made of, read from the same replication
 * endpoints ({@code GET /admin/v1/replication}): the master's end offset in its last report before the kill,
 * and the slave's confirmed offset (its end, which the promotion keeps). After the report the slave is
 * stopped (SIGSTOP) while the master acknowledges more sends, then the master is SIGKILLed and the slave
 * resumed, so acknowledged messages are really lost. The test plays the control plane.
 *
 * <ul>
 *   <li>reported loss = the master's reported end − the slave's confirmed offset (at least 0);</li>
 *   <li>bytes written during the report's age = the dead master's log end (its commit log walked record by
 *       record on disk) − its reported end;</li>
 *   <li>measured loss = the stored bytes of the acknowledged messages the promoted slave does not serve.</li>
 * </ul>
 *
 * Asserted: measured loss ≤ reported loss + bytes written during the report's age; every lost acknowledged
 * message lies at or above the slave's confirmed offset (the slave lost nothing it confirmed); every other
 * acknowledged message is served by the promoted slave with identical bytes.
 */
class AsyncMasterLossIT {
    private static final Logger log = LoggerFactory.getLogger(AsyncMasterLossIT.class);
    private static final int QUEUES = 4;
    private static final int PRODUCER_THREADS = 4;
    private static final int ACKS_BEFORE_REPORT = 1500;
    /**
     * Acknowledgements between the master's last report and its kill, while the slave is stopped (SIGSTOP):
     * the report has an age, and the slave falls behind by more than the sockets buffer.
     */
    private static final int ACKS_AFTER_REPORT = 3000;
    private static final String READER_GROUP = "async-loss-reader";
    private static final int RECORD_MAGIC = 0xDAA320A7;

    @TempDir
    Path dir;

    @Test
    void theLossOfAKilledAsyncMasterIsAtMostItsReportedLossPlusTheBytesWrittenSinceTheReport() throws Exception {
        String topic = BrokerCluster.uniqueName("async-loss");
        try (FailoverGroup group = FailoverGroup.start(dir, topic, QUEUES, READER_GROUP, "ASYNC_MASTER")) {
            Member master = group.member(0);
            Member slave = group.member(1);
            group.awaitInSync(master);
            DefaultMQProducer producer = new DefaultMQProducer(BrokerCluster.uniqueName("producer"),
                    TestCredentials.operatorHook());
            producer.setNamesrvAddr(group.nameServerAddress());
            producer.start();
            Map<String, byte[]> acknowledged;
            Map<String, Long> offsets;
            ReplicationView report;
            try (AcknowledgedLoad load = new AcknowledgedLoad(producer, topic, PRODUCER_THREADS)) {
                await().atMost(FailoverGroup.DEADLINE).until(() -> load.acknowledgedCount() >= ACKS_BEFORE_REPORT);
                report = group.replication(master);
                int reportedAt = load.acknowledgedCount();
                group.signal(slave, "STOP");
                try {
                    await().atMost(FailoverGroup.DEADLINE)
                            .until(() -> load.acknowledgedCount() >= reportedAt + ACKS_AFTER_REPORT);
                    group.kill(master);
                } finally {
                    group.signal(slave, "CONT");
                }
                load.close();
                acknowledged = load.acknowledged();
                offsets = load.commitLogOffsets();
            } finally {
                producer.shutdown();
            }
            assertThat(report.brokerRole()).isEqualTo("ASYNC_MASTER");

            HttpResponse<String> promotion = group.promote(slave, 1);
            assertThat(promotion.statusCode()).as(promotion.body()).isEqualTo(200);
            long slaveConfirmed = group.replication(slave).endOffset();
            NavigableMap<Long, Integer> masterRecords = records(master);
            long masterEnd = masterRecords.isEmpty() ? 0
                    : masterRecords.lastKey() + masterRecords.lastEntry().getValue();
            Map<String, byte[]> served = await("the promoted slave serves the topic").atMost(FailoverGroup.DEADLINE)
                    .ignoreExceptions().until(() -> group.readAll(topic), read -> !read.isEmpty());

            Map<String, Long> lost = new TreeMap<>();
            acknowledged.forEach((id, body) -> {
                if (served.containsKey(id)) {
                    assertThat(served.get(id)).as("body of %s", id).isEqualTo(body);
                } else {
                    lost.put(id, offsets.get(id));
                }
            });
            long measuredLoss = lost.values().stream().mapToLong(offset -> masterRecords.get(offset)).sum();
            long reportedLoss = Math.max(0, report.endOffset() - slaveConfirmed);
            long writtenSinceReport = masterEnd - report.endOffset();
            log.info("acknowledged {}, lost {} ({} bytes); reported loss {} bytes (master's reported end {}, slave's "
                            + "confirmed {}); {} bytes written since the report (master's end {})",
                    acknowledged.size(), lost.size(), measuredLoss, reportedLoss, report.endOffset(), slaveConfirmed,
                    writtenSinceReport, masterEnd);
            assertThat(lost).as("acknowledged while the slave was stopped and lost").isNotEmpty();
            assertThat(lost.values()).as("lost acknowledged messages lie above the slave's confirmed offset")
                    .allMatch(offset -> offset >= slaveConfirmed);
            assertThat(measuredLoss).isLessThanOrEqualTo(reportedLoss + writtenSinceReport);
        }
    }

    /** Offset → size of every record of {@code member}'s first commit-log file, walked from its start. */
    private static NavigableMap<Long, Integer> records(Member member) throws IOException {
        NavigableMap<Long, Integer> records = new TreeMap<>();
        try (FileChannel file = FileChannel.open(member.dataDir().resolve("store/commitlog/00000000000000000000"))) {
            ByteBuffer header = ByteBuffer.allocate(8);
            long position = 0;
            while (true) {
                header.clear();
                if (file.read(header, position) < header.capacity()) {
                    return records;
                }
                int size = header.getInt(0);
                if (size <= 0 || header.getInt(4) != RECORD_MAGIC) {
                    return records;
                }
                records.put(position, size);
                position += size;
            }
        }
    }
}
