package io.cloudmq.dataplane.store.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.flush.FlushMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Kills a child JVM that is putting messages with SIGKILL at a random moment, ten times per flush mode
 * on one store directory, and checks after each reopen that every acknowledged record is there with
 * identical bytes, that consume queues and index agree with the commit log, and that puts continue
 * after the last record.
 */
class CrashRecoveryIT {
    private static final int ROUNDS = 10;

    @TempDir
    Path root;

    /** One acknowledged record as the child reported it. */
    private record Ack(long physicalOffset, int size, int queueId, long queueOffset, String uniqueId, long crc) {
        static Ack parse(String line) {
            String[] f = line.split(" ");
            return new Ack(Long.parseLong(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]), Long.parseLong(f[4]),
                    f[5], Long.parseLong(f[6]));
        }
    }

    @ParameterizedTest
    @EnumSource(FlushMode.class)
    void everyAcknowledgedRecordSurvivesASigkillWithIdenticalBytes(FlushMode mode) throws Exception {
        Random random = new Random(mode.ordinal());
        List<Ack> acknowledged = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            acknowledged.addAll(runAndKill(mode, round, 20 + random.nextInt(300)));
            try (DefaultMessageStore store = DefaultMessageStore.open(CrashChild.config(root, mode))) {
                assertThat(store.recoveryReport().mode()).isEqualTo(RecoveryMode.CRASH);
                for (Ack ack : acknowledged) {
                    assertSurvived(store, ack);
                }
                assertQueuesAgreeWithTheCommitLog(store);
                long end = store.commitLogMaxOffset();
                long nextQueueOffset = store.maxOffset(CrashChild.TOPIC, 0);
                PutResult next = store.put(CrashChild.message(round, 0, 1_000_000 - 1));
                assertThat(next.status()).isEqualTo(PutStatus.PUT_OK);
                assertThat(next.records().get(0).physicalOffset()).isGreaterThanOrEqualTo(end);
                assertThat(next.queueOffset()).isEqualTo(nextQueueOffset);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * 20);
    }

    private List<Ack> runAndKill(FlushMode mode, int round, int killAfterAcks) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), root.toString(), mode.name(), String.valueOf(round))
                .redirectError(ProcessBuilder.Redirect.appendTo(root.resolve("child-stderr.log").toFile()))
                .start();
        // a child that stops printing must not hang the build: kill it after a generous deadline
        CompletableFuture.runAsync(() -> child.toHandle().destroyForcibly(),
                CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS));
        List<Ack> acks = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("ACK ") && line.endsWith(" END")) {
                    acks.add(Ack.parse(line));
                    if (acks.size() == killAfterAcks) {
                        // SIGKILL through the handle: unlike Process.destroyForcibly() it leaves stdout
                        // open, so the acks the child printed before it died are still read
                        child.toHandle().destroyForcibly();
                    }
                }
            }
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acks).as("acks before the kill in round %d", round).hasSizeGreaterThanOrEqualTo(killAfterAcks);
        return acks;
    }

    private static void assertSurvived(DefaultMessageStore store, Ack ack) {
        StoredMessage stored = store.getByPhysicalOffset(ack.physicalOffset()).orElseThrow(
                () -> new AssertionError("acknowledged record lost: " + ack));
        assertThat(stored.size()).isEqualTo(ack.size());
        assertThat(CrashChild.crc(stored.bytes())).as("bytes of %s", ack).isEqualTo(ack.crc());
        GetResult viaQueue = store.getMessages(CrashChild.TOPIC, ack.queueId(), ack.queueOffset(), 1,
                Integer.MAX_VALUE, TagFilter.ALL);
        assertThat(viaQueue.messages()).extracting(StoredMessage::physicalOffset).containsExactly(ack.physicalOffset());
        assertThat(store.queryByUniqueId(CrashChild.TOPIC, ack.uniqueId()))
                .extracting(StoredMessage::physicalOffset).containsExactly(ack.physicalOffset());
    }

    private static void assertQueuesAgreeWithTheCommitLog(DefaultMessageStore store) {
        for (int queueId = 0; queueId < CrashChild.WRITERS; queueId++) {
            long offset = store.minOffset(CrashChild.TOPIC, queueId);
            long max = store.maxOffset(CrashChild.TOPIC, queueId);
            while (offset < max) {
                GetResult batch = store.getMessages(CrashChild.TOPIC, queueId, offset, 32, Integer.MAX_VALUE,
                        TagFilter.ALL);
                assertThat(batch.messages()).isNotEmpty();
                for (StoredMessage message : batch.messages()) {
                    assertThat(RecordCodec.hasValidBodyCrc(message.bytes())).isTrue();
                    assertThat(RecordCodec.queueOffsetOf(message.bytes())).isEqualTo(message.queueOffset());
                    assertThat(message.bytes().getInt(12)).as("queue id field").isEqualTo(queueId);
                }
                offset = batch.nextBeginOffset();
            }
        }
    }
}
