package io.cloudmq.dataplane.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.recovery.RecoveryMode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A slave in a child JVM ({@code -Xmx64m}, 64 KiB commit-log files) replicating from a master that keeps
 * writing is SIGKILLed twice: after each kill its store holds at least everything it had confirmed,
 * as a byte-identical prefix of the master's log, and once restarted far behind it catches up to an identical log,
 * its replication client's received-bytes metric equal to the bytes it appended since that start.
 */
class SlaveProcessIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path masterRoot;
    @TempDir
    Path slaveRoot;

    @Test
    void aSigkilledSlaveKeepsWhatItConfirmedAndCatchesUpAfterARestart() throws Exception {
        try (DefaultMessageStore master = DefaultMessageStore.open(TestStores.config(masterRoot));
                ReplicationMaster server = new ReplicationMaster(master,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ReplicationIT.CONFIG,
                        new SimpleMeterRegistry())) {
            server.start();
            AtomicBoolean writing = new AtomicBoolean(true);
            CompletableFuture<Integer> writer = CompletableFuture.supplyAsync(() -> write(master, writing));

            long confirmedAtFirstKill = runSlaveAndKill(server, master, 200 * 1024, false);
            assertConfirmedPrefixSurvived(master, confirmedAtFirstKill);

            await().atMost(DEADLINE).until(() -> master.commitLogMaxOffset() > confirmedAtFirstKill + 300 * 1024);
            writing.set(false);
            assertThat(writer.get()).isPositive();
            long confirmedAtSecondKill = runSlaveAndKill(server, master, master.commitLogMaxOffset(), true);

            assertThat(confirmedAtSecondKill).isEqualTo(master.commitLogMaxOffset());
            try (DefaultMessageStore slave = DefaultMessageStore.open(TestStores.config(slaveRoot))) {
                assertThat(slave.recoveryReport().mode()).isEqualTo(RecoveryMode.CRASH);
                assertThat(slave.commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
                assertThat(Arrays.equals(TestStores.wholeCommitLog(slave), TestStores.wholeCommitLog(master)))
                        .as("byte-identical commit logs").isTrue();
                for (int queue = 0; queue < 4; queue++) {
                    assertThat(slave.maxOffset("T", queue)).isEqualTo(master.maxOffset("T", queue));
                }
            }
        }
    }

    private static int write(DefaultMessageStore master, AtomicBoolean writing) {
        int count = 0;
        while (writing.get()) {
            assertThat(master.put(TestMessages.message("T", count % 4, "tag", "k" + count, "U" + count,
                    200 + count % 700, count)).status()).isEqualTo(PutStatus.PUT_OK);
            count++;
        }
        return count;
    }

    /**
     * Starts the child, waits until the master saw it confirm {@code confirmAtLeast} bytes (and, with
     * {@code everything}, the master's whole log), SIGKILLs it and returns the last confirmed offset.
     */
    private long runSlaveAndKill(ReplicationMaster server, DefaultMessageStore master, long confirmAtLeast,
            boolean everything) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                SlaveChild.class.getName(), slaveRoot.toString(), String.valueOf(server.port()))
                .redirectError(ProcessBuilder.Redirect.appendTo(slaveRoot.resolveSibling(
                        slaveRoot.getFileName() + "-child-stderr.log").toFile()))
                .start();
        BufferedReader lines = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        try {
            String ready = lines.readLine();
            assertThat(ready).startsWith("READY ");
            long startedAt = Long.parseLong(ready.substring("READY ".length()));
            AtomicLong received = follow(lines);
            await().atMost(DEADLINE).until(() -> confirmed(server) >= confirmAtLeast
                    && (!everything || confirmed(server) == master.commitLogMaxOffset()));
            if (everything) {
                await("the slave's received-bytes metric counts what it appended since its start").atMost(DEADLINE)
                        .until(() -> received.get() == master.commitLogMaxOffset() - startedAt);
            }
            long confirmed = confirmed(server);
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            return confirmed;
        } finally {
            child.destroyForcibly();
            // only now: the output's reader holds the stream until the child's death ends it
            lines.close();
        }
    }

    /** The child's last reported received-bytes count, kept up to date by a reader of its output. */
    private static AtomicLong follow(BufferedReader lines) {
        AtomicLong received = new AtomicLong(-1);
        Thread reader = new Thread(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("RECEIVED ")) {
                        received.set(Long.parseLong(line.substring("RECEIVED ".length())));
                    }
                }
            } catch (IOException e) {
                // the child was killed: its output ends
            }
        }, "slave-child-output");
        reader.setDaemon(true);
        reader.start();
        return received;
    }

    private static long confirmed(ReplicationMaster server) {
        return server.replicas().lags().stream().filter(lag -> lag.slave().equals(SlaveChild.NAME))
                .mapToLong(ReplicaLag::confirmedOffset).max().orElse(-1);
    }

    private void assertConfirmedPrefixSurvived(DefaultMessageStore master, long confirmed) {
        try (DefaultMessageStore slave = DefaultMessageStore.open(TestStores.config(slaveRoot))) {
            assertThat(slave.recoveryReport().mode()).isEqualTo(RecoveryMode.CRASH);
            assertThat(slave.commitLogMaxOffset()).isGreaterThanOrEqualTo(confirmed);
            byte[] slaveLog = TestStores.wholeCommitLog(slave);
            assertThat(Arrays.equals(slaveLog, Arrays.copyOf(TestStores.wholeCommitLog(master), slaveLog.length)))
                    .as("the killed slave's log is a prefix of the master's").isTrue();
        }
    }
}
