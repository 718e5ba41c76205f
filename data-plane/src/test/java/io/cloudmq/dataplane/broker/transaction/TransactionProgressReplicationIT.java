package io.cloudmq.dataplane.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.replication.ReplicationConfig;
import io.cloudmq.dataplane.replication.ReplicationKey;
import io.cloudmq.dataplane.replication.ReplicationMaster;
import io.cloudmq.dataplane.replication.ReplicationSlave;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transaction progress replicates with the commit log: halves and the op records that resolve them are ordinary
 * records of the replicated log, so a slave promoted after its master's loss knows which halves are resolved and
 * checks exactly the others with their producers, as its master would have.
 */
class TransactionProgressReplicationIT {
    private static final ReplicationConfig REPLICATION =
            ReplicationConfig.defaults(ReplicationKey.of("transaction-progress-it-token"));
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final TransactionCheckSettings SETTINGS = TransactionCheckSettings.defaults();

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));

    @Test
    void aPromotedSlaveChecksTheHalvesItsMasterLeftUnresolvedAndNoOther() throws Exception {
        try (DefaultMessageStore master = DefaultMessageStore.open(TestStores.config(dir.resolve("master"), clock));
                DefaultMessageStore slave = DefaultMessageStore.open(TestStores.config(dir.resolve("slave"), clock))) {
            TransactionOpLog masterOps = TransactionOpLog.open(master, TestMessages.STORE_HOST);
            PutResult committed = half(master, "committed");
            PutResult rolledBack = half(master, "rolled-back");
            half(master, "pending-1");
            half(master, "pending-2");
            assertThat(masterOps.resolve(committed.queueOffset(), () -> true)).isTrue();
            assertThat(masterOps.resolve(rolledBack.queueOffset(), () -> true)).isTrue();

            try (ReplicationMaster server = new ReplicationMaster(master,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), REPLICATION,
                    new SimpleMeterRegistry())) {
                server.start();
                try (ReplicationSlave replica = new ReplicationSlave(slave,
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), "slave-1",
                        REPLICATION, new SimpleMeterRegistry())) {
                    replica.start();
                    await("the slave holds the master's log").atMost(DEADLINE)
                            .until(() -> slave.commitLogMaxOffset() == master.commitLogMaxOffset());
                }
            }

            List<RemotingCommand> checks = new CopyOnWriteArrayList<>();
            Channel producer = new EmbeddedChannel();
            TransactionCheckService promoted = new TransactionCheckService(slave,
                    TransactionOpLog.open(slave, TestMessages.STORE_HOST),
                    group -> group.equals("PG") ? List.of(producer) : List.of(),
                    (channel, request) -> checks.add(request), clock, SETTINGS, TestMessages.STORE_HOST);
            clock.advanceMillis(SETTINGS.timeout().toMillis());

            assertThat(promoted.checkOnce()).isEqualTo(2);
            assertThat(checks).extracting(check -> check.extField("transactionId"))
                    .containsExactlyInAnyOrder("pending-1", "pending-2");
        }
    }

    /** Stores a half message of producer group {@code PG} whose unique id is {@code id}. */
    private static PutResult half(DefaultMessageStore store, String id) {
        IncomingMessage plain = TestMessages.message("T", 1, "tagA", "k", id, 20, 1);
        return store.put(HalfMessages.toHalf(new IncomingMessage("T", 1, 0, plain.body(),
                plain.properties() + "TRAN_MSG\u0001true\u0002PGROUP\u0001PG\u0002", 0x4, plain.bornTimestamp(),
                plain.bornHost(), 0, 0)));
    }
}
