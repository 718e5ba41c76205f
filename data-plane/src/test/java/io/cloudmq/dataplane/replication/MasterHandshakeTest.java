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

/** The master's answer to a HELLO: version, refusals, and the common point it tells the slave to cut at. */
class MasterHandshakeTest {
    private static final ReplicationConfig CONFIG = ReplicationConfig.defaults();

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

    private Hello hello(int minVersion, int maxVersion, long end, List<EpochEntry> epochs) {
        return new Hello(minVersion, maxVersion, end, master.commitLogFileSize(), epochs, "s");
    }

    @Test
    void aVersion1SlaveIsAnsweredInVersion1AndAVersion2SlaveInVersion2() {
        assertThat(MasterSession.welcome(hello(1, 1, 0, List.of()), master, CONFIG).version()).isEqualTo(1);
        assertThat(MasterSession.welcome(hello(1, 2, 0, List.of()), master, CONFIG).version()).isEqualTo(2);
        assertThat(MasterSession.welcome(hello(1, 2, 0, List.of()), master, CONFIG.withVersions(1, 1)).version())
                .isEqualTo(1);
    }

    @Test
    void aSlaveWithoutACommonVersionOrWithAnotherFileSizeIsRefused() {
        assertThat(MasterSession.welcome(hello(3, 4, 0, List.of()), master, CONFIG).status())
                .isEqualTo(HandshakeStatus.VERSION_UNSUPPORTED);
        Hello otherFiles = new Hello(1, 2, 0, 1 << 30, List.of(), "s");
        assertThat(MasterSession.welcome(otherFiles, master, CONFIG).status())
                .isEqualTo(HandshakeStatus.FILE_SIZE_MISMATCH);
    }

    @Test
    void anOldMasterWithAnEqualLengthLogButAnotherTailIsCutWhereThePromotionStarted() {
        Welcome welcome = MasterSession.welcome(hello(1, 2, master.commitLogMaxOffset(),
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

        Welcome welcome = MasterSession.welcome(hello(1, 2, slaveEnd, List.of(new EpochEntry(1, 0))), master, CONFIG);

        assertThat(welcome.commonOffset()).isEqualTo(slaveEnd);
        assertThat(welcome.startOffset()).isEqualTo(slaveEnd);
    }
}
