package io.cloudmq.dataplane.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.config.NodeJson;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.file.StateFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.apache.rocketmq.remoting.protocol.body.ConsumerOffsetSerializeWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicatedOffsetsTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theAnswerCarriesVersionsAndResetsAndStillDecodesAsRocketMqsWrapper() throws Exception {
        ConsumerOffsetStore store = ConsumerOffsetStore.open(new StateFile(dir.resolve("offsets.json")),
                NodeJson.mapper(), () -> 2, new TestClock(START));
        store.commit("T", "G", 0, 12);
        store.reset("T", "G", 1, 7);

        byte[] body = RemotingJson.encode(ReplicatedOffsets.answer(store));
        ConsumerOffsetTable decoded = RemotingJson.decode(body, ConsumerOffsetTable.class);
        ConsumerOffsetSerializeWrapper official =
                RemotingSerializable.decode(body, ConsumerOffsetSerializeWrapper.class);

        assertThat(ReplicatedOffsets.entriesOf(decoded)).isEqualTo(store.entries());
        assertThat(decoded.resetTable()).isEqualTo(Map.of("T@G", Set.of(1)));
        assertThat(official.getOffsetTable()).isEqualTo(Map.of("T@G", Map.of(0, 12L, 1, 7L)));
    }

    @Test
    void aTableWithoutVersionsReadsAsUnversionedOffsets() {
        byte[] body = "{\"offsetTable\":{\"T@G\":{\"0\":12}}}".getBytes();

        ConsumerOffsetTable table = RemotingJson.decode(body, ConsumerOffsetTable.class);

        assertThat(table.versionTable()).isNull();
        assertThat(ReplicatedOffsets.entriesOf(table))
                .isEqualTo(Map.of("T@G", Map.of(0, CommittedOffset.unversioned(12))));
    }
}
