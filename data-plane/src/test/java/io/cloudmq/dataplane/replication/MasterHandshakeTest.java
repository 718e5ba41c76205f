package io.cloudmq.dataplane.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.replication.ReplicationFrame.Hello;
import io.cloudmq.dataplane.replication.ReplicationFrame.Welcome;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master's answer to a HELLO: version, authentication, refusals, and the common point it tells the slave to cut
 * at.
 */
class MasterHandshakeTest {
    private static final ReplicationKey KEY = ReplicationKey.of("cluster-node-token");
    private static final ReplicationConfig CONFIG = ReplicationConfig.defaults(KEY);

    @TempDir
    Path root;

    private DefaultMessageStore master;
    private long promotedAt;

    @BeforeEach
    void openPromotedMaster() {
        master = DefaultMessageStore.open(TestStores.config(root));
        master.startEpoch(1);
        for (int i = 0; i < 10; i++) {
            master.put(TestMessages.message(300, i));
        }
        promotedAt = master.commitLogMaxOffset();
        master.startEpoch(2);
        for (int i = 10; i < 20; i++) {
            master.put(TestMessages.message(300, i));
        }
    }

    @AfterEach
    void close() {
        master.close();
    }

    /** An authenticated HELLO of slave "s", written now. */
    private Hello hello(int minVersion, int maxVersion, long end, List<EpochEntry> epochs) {
        long now = System.currentTimeMillis();
        return new Hello(minVersion, maxVersion, end, master.commitLogFileSize(), epochs, "s", now,
                KEY.prove("s", now));
    }

    private HandshakeStatus statusOf(Hello hello) {
        return MasterSession.welcome(hello, master, CONFIG).status();
    }

    @Test
    void aVersion3SlaveIsAnsweredInVersion3AndSlavesThatCannotAuthenticateAreRefused() {
        assertThat(MasterSession.welcome(hello(1, 3, 0, List.of()), master, CONFIG).version()).isEqualTo(3);
        assertThat(statusOf(hello(1, 2, 0, List.of()))).as("a version-2 slave sends no proof")
                .isEqualTo(HandshakeStatus.UNAUTHENTICATED);
        assertThat(statusOf(hello(1, 1, 0, List.of()))).isEqualTo(HandshakeStatus.UNAUTHENTICATED);
    }

    @Test
    void aHelloWithAWrongKeyAnotherNameAStaleClockOrNoProofIsRefused() {
        long now = System.currentTimeMillis();
        long stale = now - ReplicationKey.MAX_CLOCK_SKEW.toMillis() - 1_000;
        int fileSize = master.commitLogFileSize();
        Hello wrongKey = new Hello(1, 3, 0, fileSize, List.of(), "s", now,
                ReplicationKey.of("another-cluster").prove("s", now));
        Hello otherName = new Hello(1, 3, 0, fileSize, List.of(), "s", now, KEY.prove("t", now));
        Hello staleClock = new Hello(1, 3, 0, fileSize, List.of(), "s", stale, KEY.prove("s", stale));
        Hello noProof = new Hello(1, 3, 0, fileSize, List.of(), "s");

        assertThat(List.of(wrongKey, otherName, staleClock, noProof)).extracting(this::statusOf)
                .containsOnly(HandshakeStatus.UNAUTHENTICATED);
    }

    @Test
    void aSlaveWithoutACommonVersionOrWithAnotherFileSizeIsRefused() {
        assertThat(statusOf(hello(4, 5, 0, List.of()))).isEqualTo(HandshakeStatus.VERSION_UNSUPPORTED);
        long now = System.currentTimeMillis();
        Hello otherFiles = new Hello(1, 3, 0, 1 << 30, List.of(), "s", now, KEY.prove("s", now));
        assertThat(statusOf(otherFiles)).isEqualTo(HandshakeStatus.FILE_SIZE_MISMATCH);
    }

    @Test
    void anOldMasterWithAnEqualLengthLogButAnotherTailIsCutWhereThePromotionStarted() {
        Welcome welcome = MasterSession.welcome(hello(1, 3, master.commitLogMaxOffset(),
                List.of(new EpochEntry(1, 0))), master, CONFIG);

        assertThat(welcome.status()).isEqualTo(HandshakeStatus.OK);
        assertThat(welcome.commonOffset()).isEqualTo(promotedAt);
        assertThat(welcome.startOffset()).isEqualTo(promotedAt);
        assertThat(welcome.masterEndOffset()).isEqualTo(master.commitLogMaxOffset());
        assertThat(welcome.epochs()).containsExactly(new EpochEntry(1, 0), new EpochEntry(2, promotedAt));
    }

    @Test
    void aSlaveBehindInTheSameTermsStreamsFromItsOwnEnd() {
        long slaveEnd = master.queryByUniqueId("T", "U3").get(0).physicalOffset();

        Welcome welcome = MasterSession.welcome(hello(1, 3, slaveEnd, List.of(new EpochEntry(1, 0))), master, CONFIG);

        assertThat(welcome.commonOffset()).isEqualTo(slaveEnd);
        assertThat(welcome.startOffset()).isEqualTo(slaveEnd);
    }
}
