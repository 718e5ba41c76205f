package io.cloudmq.dataplane.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.replication.ReplicationFrame.Hello;
import io.cloudmq.dataplane.replication.ReplicationFrame.Welcome;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A master store and a slave store in one JVM, replicating over loopback. */
class ReplicationIT {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int QUEUES = 4;
    static final ReplicationConfig CONFIG = ReplicationConfig.defaults(ReplicationKey.of("replication-it-node-token"))
            .withTimings(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(20), Duration.ofMillis(200))
            .withMaxChunkBytes(16 * 1024);

    @TempDir
    Path masterRoot;
    @TempDir
    Path slaveRoot;

    private final List<AutoCloseable> resources = new ArrayList<>();
    private int sequence;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(resource);
        return resource;
    }

    private DefaultMessageStore open(Path root) {
        return closeLater(DefaultMessageStore.open(TestStores.config(root)));
    }

    private ReplicationMaster startMaster(DefaultMessageStore store, int port) throws IOException {
        ReplicationMaster master = closeLater(new ReplicationMaster(store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONFIG, new SimpleMeterRegistry()));
        master.start();
        return master;
    }

    private ReplicationSlave startSlave(DefaultMessageStore store, int port, SimpleMeterRegistry registry) {
        ReplicationSlave slave = closeLater(new ReplicationSlave(store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "slave-1", CONFIG, registry));
        slave.start();
        return slave;
    }

    private List<PutResult> put(DefaultMessageStore store, int count) {
        List<PutResult> results = new ArrayList<>();
        for (int i = 0; i < count; i++, sequence++) {
            PutResult result = store.put(TestMessages.message("T", sequence % QUEUES, "tag", "k" + sequence,
                    "U" + sequence, 500 + sequence % 1000, sequence));
            assertThat(result.status()).isEqualTo(PutStatus.PUT_OK);
            results.add(result);
        }
        return results;
    }

    private static void awaitCaughtUp(DefaultMessageStore slave, DefaultMessageStore master) {
        await().atMost(DEADLINE).until(() -> slave.commitLogMaxOffset() == master.commitLogMaxOffset());
    }

    private static void assertIdentical(DefaultMessageStore slave, DefaultMessageStore master) {
        assertThat(slave.commitLogMinOffset()).isEqualTo(master.commitLogMinOffset());
        assertThat(slave.commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
        assertThat(Arrays.equals(TestStores.wholeCommitLog(slave), TestStores.wholeCommitLog(master)))
                .as("byte-identical commit logs").isTrue();
        for (int queue = 0; queue < QUEUES; queue++) {
            assertThat(slave.maxOffset("T", queue)).isEqualTo(master.maxOffset("T", queue));
            assertThat(slave.minOffset("T", queue)).isEqualTo(master.minOffset("T", queue));
            assertThat(physicalOffsets(slave, queue)).isEqualTo(physicalOffsets(master, queue));
        }
    }

    private static List<Long> physicalOffsets(DefaultMessageStore store, int queue) {
        GetResult all = store.getMessages("T", queue, store.minOffset("T", queue), Integer.MAX_VALUE,
                Integer.MAX_VALUE, TagFilter.ALL);
        return all.messages().stream().map(StoredMessage::physicalOffset).toList();
    }

    private static double receivedBytes(SimpleMeterRegistry registry) {
        return registry.get(ReplicationSlave.RECEIVED_BYTES).counter().count();
    }

    @Test
    void anEmptySlaveCatchesUpToAByteIdenticalLogAndCountsEveryByte() throws IOException {
        DefaultMessageStore master = open(masterRoot);
        master.startEpoch(1);
        put(master, 300);
        ReplicationMaster server = startMaster(master, 0);
        DefaultMessageStore slave = open(slaveRoot);
        SimpleMeterRegistry slaveMetrics = new SimpleMeterRegistry();

        startSlave(slave, server.port(), slaveMetrics);

        awaitCaughtUp(slave, master);
        assertIdentical(slave, master);
        assertThat(receivedBytes(slaveMetrics)).isEqualTo(master.commitLogMaxOffset());
        assertThat(slaveMetrics.get(ReplicationSlave.SLAVE_LAG_BYTES).gauge().value()).isZero();
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(slaveMetrics.get(ReplicationSlave.SLAVE_LAG_TIME)
                .gauge().value()).as("holds the master's reported end").isZero());
        assertThat(slave.epochHistory()).isEqualTo(master.epochHistory());
        assertThat(slave.queryByUniqueId("T", "U299")).hasSize(1);
        await().atMost(DEADLINE).untilAsserted(() -> assertThat(server.replicas().lags()).singleElement()
                .satisfies(lag -> {
                    assertThat(lag.slave()).isEqualTo("slave-1");
                    assertThat(lag.confirmedOffset()).isEqualTo(master.commitLogMaxOffset());
                    assertThat(lag.lagBytes()).isZero();
                    assertThat(lag.inSync()).isTrue();
                }));
    }

    @Test
    void anEmptySlaveStartsAtTheOldestFileTheMasterStillHas() throws IOException {
        TestClock clock = new TestClock(Instant.parse("2026-01-01T04:00:00Z"));
        DefaultMessageStore master = closeLater(DefaultMessageStore.open(TestStores.config(masterRoot, clock)));
        put(master, 300);
        clock.advanceMillis(Duration.ofHours(72).plusMinutes(1).toMillis());
        assertThat(master.runRetention()).isPositive();
        ReplicationMaster server = startMaster(master, 0);
        DefaultMessageStore slave = open(slaveRoot);
        SimpleMeterRegistry slaveMetrics = new SimpleMeterRegistry();

        startSlave(slave, server.port(), slaveMetrics);

        awaitCaughtUp(slave, master);
        assertThat(slave.commitLogMinOffset()).isPositive();
        assertIdentical(slave, master);
        assertThat(receivedBytes(slaveMetrics)).isEqualTo(master.commitLogMaxOffset() - master.commitLogMinOffset());
    }

    @Test
    void syncMasterPutsFromSeveralThreadsAreAllConfirmedByTheSlave() throws Exception {
        DefaultMessageStore master = open(masterRoot);
        ReplicationMaster server = startMaster(master, 0);
        DefaultMessageStore slave = open(slaveRoot);
        startSlave(slave, server.port(), new SimpleMeterRegistry());
        await().atMost(DEADLINE).until(() -> server.replicas().anyInSync());
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ReplicaAckStatus>>> outcomes = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                outcomes.add(writers.submit(() -> {
                    List<ReplicaAckStatus> statuses = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        PutResult result = master.put(TestMessages.message("T", writer, "tag", "k", "W" + writer + "-" + i,
                                700, i));
                        CompletableFuture<ReplicaAckStatus> ack = server.ackWaiter().await(result.endOffset(), false);
                        statuses.add(ack.get());
                        assertThat(slave.commitLogMaxOffset()).isGreaterThanOrEqualTo(result.endOffset());
                    }
                    return statuses;
                }));
            }
            for (Future<List<ReplicaAckStatus>> outcome : outcomes) {
                assertThat(outcome.get()).hasSize(100).containsOnly(ReplicaAckStatus.REPLICATED);
            }
        } finally {
            writers.shutdownNow();
        }
        assertIdentical(slave, master);
    }

    /** A peer without the cluster's node token learns nothing but the refusal; real slaves are served meanwhile. */
    @Test
    void aPeerThatCannotProveTheClusterKeyIsRefusedAndGetsNoByteOfTheLog() throws IOException {
        DefaultMessageStore master = open(masterRoot);
        put(master, 100);
        ReplicationMaster server = startMaster(master, 0);
        long now = System.currentTimeMillis();
        Hello intruder = new Hello(FrameCodec.V1, FrameCodec.CURRENT, 0, master.commitLogFileSize(), List.of(),
                "intruder", now, ReplicationKey.of("another-cluster").prove("intruder", now));

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) DEADLINE.toMillis());
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            FrameCodec codec = new FrameCodec(FrameCodec.CURRENT);
            codec.write(out, intruder);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Welcome welcome = FrameCodec.expect(codec.read(in), Welcome.class);

            assertThat(welcome.status()).isEqualTo(HandshakeStatus.UNAUTHENTICATED);
            assertThat(welcome.epochs()).isEmpty();
            assertThat(in.read()).as("the master closed the connection after the refusal").isEqualTo(-1);
        }
        DefaultMessageStore slave = open(slaveRoot);
        startSlave(slave, server.port(), new SimpleMeterRegistry());
        awaitCaughtUp(slave, master);
        assertIdentical(slave, master);
    }

    @Test
    void aSlaveRestartedFarBehindCatchesUpAndCountsWhatItAppended() throws IOException {
        DefaultMessageStore master = open(masterRoot);
        ReplicationMaster server = startMaster(master, 0);
        DefaultMessageStore slave = DefaultMessageStore.open(TestStores.config(slaveRoot));
        ReplicationSlave client = new ReplicationSlave(slave,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), "slave-1", CONFIG,
                new SimpleMeterRegistry());
        client.start();
        put(master, 50);
        awaitCaughtUp(slave, master);
        client.close();
        slave.close();
        long slaveEnd = master.commitLogMaxOffset();

        put(master, 600);
        DefaultMessageStore restarted = open(slaveRoot);
        assertThat(restarted.commitLogMaxOffset()).isEqualTo(slaveEnd);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        startSlave(restarted, server.port(), metrics);

        awaitCaughtUp(restarted, master);
        assertThat(master.commitLogMaxOffset() - slaveEnd).as("far behind: several files")
                .isGreaterThan(5L * 64 * 1024);
        assertIdentical(restarted, master);
        assertThat(receivedBytes(metrics)).isEqualTo(master.commitLogMaxOffset() - slaveEnd);
    }

    @Test
    void aMasterClosedMidStreamLeavesTheSlaveAConsistentPrefixAndItResumesWhenTheMasterReturns()
            throws IOException {
        DefaultMessageStore master = open(masterRoot);
        put(master, 1500);
        GatedLog gated = new GatedLog(master);
        gated.allow(7);
        ReplicationMaster server = closeLater(new ReplicationMaster(gated,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CONFIG, new SimpleMeterRegistry()));
        server.start();
        int port = server.port();
        DefaultMessageStore slave = open(slaveRoot);
        startSlave(slave, port, new SimpleMeterRegistry());
        await().atMost(DEADLINE).until(() -> slave.commitLogMaxOffset() == gated.servedUpTo());

        server.close();
        long prefix = slave.commitLogMaxOffset();

        assertThat(prefix).isPositive().isLessThan(master.commitLogMaxOffset());
        byte[] slaveLog = TestStores.wholeCommitLog(slave);
        assertThat(Arrays.equals(slaveLog, Arrays.copyOf(TestStores.wholeCommitLog(master), slaveLog.length)))
                .as("slave log is a prefix of the master's").isTrue();
        for (int queue = 0; queue < QUEUES; queue++) {
            List<Long> slaveOffsets = physicalOffsets(slave, queue);
            assertThat(slaveOffsets).isEqualTo(physicalOffsets(master, queue).subList(0, slaveOffsets.size()));
            assertThat(slaveOffsets).allMatch(offset -> offset < prefix);
        }

        startMaster(master, port);
        awaitCaughtUp(slave, master);
        assertIdentical(slave, master);
    }

    @Test
    void aFrameCutShortByADyingMasterIsNeverAppended() throws Exception {
        DefaultMessageStore master = open(masterRoot);
        put(master, 100);
        DefaultMessageStore slave = open(slaveRoot);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> lastWholeChunk = CompletableFuture.supplyAsync(() -> {
                try {
                    return Version1Peer.serveAsMaster(server, master, 8 * 1024, 3);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            startSlave(slave, server.getLocalPort(), new SimpleMeterRegistry());

            long end = lastWholeChunk.get();
            await().atMost(DEADLINE).until(() -> slave.commitLogMaxOffset() == end);
            assertThat(end).isPositive();
            assertThat(TestStores.wholeCommitLog(slave)).isEqualTo(Arrays.copyOf(TestStores.wholeCommitLog(master),
                    (int) end));
        }
    }

    @Test
    void aNewerSlaveCatchesUpFromAVersion1Master() throws Exception {
        DefaultMessageStore master = open(masterRoot);
        put(master, 200);
        DefaultMessageStore slave = open(slaveRoot);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> served = CompletableFuture.supplyAsync(() -> {
                try {
                    return Version1Peer.serveAsMaster(server, master, 8 * 1024, -1);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            startSlave(slave, server.getLocalPort(), new SimpleMeterRegistry());

            assertThat(served.get()).isEqualTo(master.commitLogMaxOffset());
            awaitCaughtUp(slave, master);
            assertIdentical(slave, master);
        }
    }

    @Test
    void aVersion1SlaveCannotAuthenticateAndIsRefusedBeforeAnyByteOfTheLog() throws IOException {
        DefaultMessageStore master = open(masterRoot);
        put(master, 200);
        ReplicationMaster server = startMaster(master, 0);
        DefaultMessageStore slave = open(slaveRoot);

        assertThatThrownBy(() -> Version1Peer.replicateAsSlave(server.port(), slave, master.commitLogMaxOffset()))
                .isInstanceOf(IOException.class)
                .hasMessage("refused with status " + HandshakeStatus.UNAUTHENTICATED.code());
        assertThat(slave.commitLogMaxOffset()).isZero();
    }

    @Test
    void aDivergedOldMasterRejoinsAsSlaveCutToTheCommonPointOfTheEpochHistories() throws IOException {
        DefaultMessageStore oldMaster = open(masterRoot);
        oldMaster.startEpoch(1);
        put(oldMaster, 100);
        ReplicationMaster firstTerm = startMaster(oldMaster, 0);
        DefaultMessageStore promoted = open(slaveRoot);
        ReplicationSlave follower = startSlave(promoted, firstTerm.port(), new SimpleMeterRegistry());
        awaitCaughtUp(promoted, oldMaster);
        follower.close();
        firstTerm.close();
        long promotedAt = promoted.commitLogMaxOffset();
        int firstLost = sequence;
        put(oldMaster, 30);
        promoted.startEpoch(2);
        put(promoted, 20);

        ReplicationMaster secondTerm = startMaster(promoted, 0);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ReplicationSlave rejoined = new ReplicationSlave(oldMaster,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), secondTerm.port()), "old-master", CONFIG,
                metrics);
        closeLater(rejoined).start();

        awaitCaughtUp(oldMaster, promoted);
        assertIdentical(oldMaster, promoted);
        assertThat(oldMaster.epochHistory()).containsExactly(new EpochEntry(1, 0), new EpochEntry(2, promotedAt));
        assertThat(receivedBytes(metrics)).isEqualTo(promoted.commitLogMaxOffset() - promotedAt);
        for (int lost = firstLost; lost < firstLost + 30; lost++) {
            assertThat(oldMaster.queryByUniqueId("T", "U" + lost)).as("unreplicated tail message %d", lost).isEmpty();
        }
    }
}
