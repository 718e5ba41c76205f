package io.cloudmq.dataplane.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.cloudmq.dataplane.store.recovery.RecoveryMode;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultMessageStoreTest {
    @TempDir
    Path root;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
    private DefaultMessageStore store;

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(root, clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void putAssignsConsecutiveQueueOffsetsPerQueue() {
        PutResult first = store.put(TestMessages.message("T", 0, "a", "k", "U1", 10, 1));
        PutResult other = store.put(TestMessages.message("T", 1, "a", "k", "U2", 10, 2));
        PutResult second = store.put(TestMessages.message("T", 0, "a", "k", "U3", 10, 3));

        assertThat(first.status()).isEqualTo(PutStatus.PUT_OK);
        assertThat(List.of(first.queueOffset(), other.queueOffset(), second.queueOffset())).containsExactly(0L, 0L, 1L);
        assertThat(store.maxOffset("T", 0)).isEqualTo(2);
        assertThat(store.minOffset("T", 0)).isZero();
        assertThat(first.offsetMessageIds())
                .containsExactly(OffsetMessageId.of(TestMessages.STORE_HOST, first.records().get(0).physicalOffset()));
    }

    @Test
    void getReturnsStoredBytesThatTheClientDecodes() {
        IncomingMessage message = TestMessages.message("T", 0, "a", "k", "U1", 100, 1);
        store.put(message);

        GetResult result = store.getMessages("T", 0, 0, 32, 256 * 1024, TagFilter.ALL);

        assertThat(result.status()).isEqualTo(GetStatus.FOUND);
        assertThat(result.nextBeginOffset()).isEqualTo(1);
        MessageExt decoded = MessageDecoder.decode(result.messages().get(0).bytes(), true, true, true);
        assertThat(decoded.getBody()).isEqualTo(message.body());
        assertThat(decoded.getQueueOffset()).isZero();
        assertThat(decoded.getStoreTimestamp()).isEqualTo(clock.millis());
    }

    @Test
    void getIsBoundedByCountAndBytesButReturnsAtLeastOneMessage() {
        for (int i = 0; i < 10; i++) {
            store.put(TestMessages.message(200, i));
        }

        GetResult byCount = store.getMessages("T", 0, 2, 3, Integer.MAX_VALUE, TagFilter.ALL);
        GetResult byBytes = store.getMessages("T", 0, 0, 32, 1, TagFilter.ALL);

        assertThat(byCount.messages()).extracting(StoredMessage::queueOffset).containsExactly(2L, 3L, 4L);
        assertThat(byCount.nextBeginOffset()).isEqualTo(5);
        assertThat(byBytes.messages()).hasSize(1);
        assertThat(byBytes.nextBeginOffset()).isEqualTo(1);
    }

    @Test
    void tagFilterSkipsNonMatchingEntriesAndAdvancesTheNextOffset() {
        store.put(TestMessages.message("T", 0, "a", "k", "U1", 10, 1));
        store.put(TestMessages.message("T", 0, "b", "k", "U2", 10, 2));
        store.put(TestMessages.message("T", 0, "a", "k", "U3", 10, 3));

        GetResult onlyB = store.getMessages("T", 0, 0, 32, Integer.MAX_VALUE, TagFilter.anyOf(Set.of("b".hashCode())));
        GetResult noneAfter = store.getMessages("T", 0, 2, 32, Integer.MAX_VALUE, TagFilter.anyOf(Set.of("b".hashCode())));

        assertThat(onlyB.messages()).extracting(StoredMessage::queueOffset).containsExactly(1L);
        assertThat(onlyB.nextBeginOffset()).isEqualTo(3);
        assertThat(noneAfter.status()).isEqualTo(GetStatus.NO_MATCHED_MESSAGE);
        assertThat(noneAfter.nextBeginOffset()).isEqualTo(3);
    }

    @Test
    void getReportsOffsetsOutsideTheQueue() {
        store.put(TestMessages.message(10, 1));

        assertThat(store.getMessages("T", 0, 1, 32, 1000, TagFilter.ALL))
                .extracting(GetResult::status, GetResult::nextBeginOffset)
                .containsExactly(GetStatus.OFFSET_OVERFLOW_ONE, 1L);
        assertThat(store.getMessages("T", 0, 5, 32, 1000, TagFilter.ALL))
                .extracting(GetResult::status, GetResult::nextBeginOffset)
                .containsExactly(GetStatus.OFFSET_OVERFLOW_BADLY, 1L);
        assertThat(store.getMessages("Unknown", 0, 3, 32, 1000, TagFilter.ALL))
                .extracting(GetResult::status, GetResult::nextBeginOffset)
                .containsExactly(GetStatus.NO_MESSAGE_IN_QUEUE, 0L);
    }

    @Test
    void batchGetsConsecutiveOffsetsAndCommaJoinedIds() {
        List<IncomingMessage> batch = List.of(TestMessages.message(10, 1), TestMessages.message(10, 2),
                TestMessages.message(10, 3));

        PutResult result = store.putBatch(batch);

        assertThat(result.records()).extracting(r -> r.queueOffset()).containsExactly(0L, 1L, 2L);
        assertThat(result.joinedOffsetMessageIds().split(",")).hasSize(3);
    }

    @Test
    void batchMixingQueuesOrLargerThanAFileIsRefusedWhole() {
        PutResult mixed = store.putBatch(List.of(TestMessages.message("T", 0, "a", "k", "U", 10, 1),
                TestMessages.message("T", 1, "a", "k", "U", 10, 2)));
        List<IncomingMessage> huge = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            huge.add(TestMessages.message(30_000, i));
        }

        assertThat(mixed.status()).isEqualTo(PutStatus.MESSAGE_ILLEGAL);
        assertThat(store.putBatch(huge).status()).isEqualTo(PutStatus.MESSAGE_ILLEGAL);
        assertThat(store.commitLogMaxOffset()).isZero();
    }

    @Test
    void invalidMessagesAreRefusedWithAStatus() {
        IncomingMessage longTopic = TestMessages.message("T".repeat(128), 0, "a", "k", "U", 10, 1);
        IncomingMessage bigBody = TestMessages.message(4 * 1024 * 1024 + 1, 1);
        IncomingMessage base = TestMessages.message(10, 1);
        IncomingMessage bigProperties = new IncomingMessage("T", 0, 0, new byte[1], "x".repeat(40_000), 0, 1,
                base.bornHost(), 0, 0);

        assertThat(store.put(longTopic).status()).isEqualTo(PutStatus.MESSAGE_ILLEGAL);
        assertThat(store.put(bigBody).status()).isEqualTo(PutStatus.MESSAGE_ILLEGAL);
        assertThat(store.put(bigProperties).status()).isEqualTo(PutStatus.PROPERTIES_SIZE_EXCEEDED);
    }

    @Test
    void lookupByPhysicalOffsetReturnsTheRecord() {
        PutResult put = store.put(TestMessages.message(10, 1));
        long physicalOffset = OffsetMessageId.physicalOffsetOf(put.offsetMessageIds().get(0));

        StoredMessage found = store.getByPhysicalOffset(physicalOffset).orElseThrow();

        assertThat(found.queueOffset()).isZero();
        assertThat(found.size()).isEqualTo(put.records().get(0).size());
        assertThat(store.getByPhysicalOffset(physicalOffset + 1)).isEmpty();
    }

    @Test
    void lookupByKeyFindsEveryKeyOfTheTopicNewestFirst() {
        store.put(TestMessages.message("T", 0, "a", "order-1 customer-9", "U1", 10, 1));
        store.put(TestMessages.message("T", 1, "a", "order-1", "U2", 10, 2));
        store.put(TestMessages.message("Other", 0, "a", "order-1", "U3", 10, 3));

        List<StoredMessage> byOrder = store.queryByKey("T", "order-1", 10);

        assertThat(byOrder).hasSize(2);
        assertThat(byOrder.get(0).physicalOffset()).isGreaterThan(byOrder.get(1).physicalOffset());
        assertThat(store.queryByKey("T", "customer-9", 10)).hasSize(1);
        assertThat(store.queryByKey("T", "missing", 10)).isEmpty();
    }

    @Test
    void lookupByUniqueIdReturnsAtMostTheNewest64() {
        for (int i = 0; i < 70; i++) {
            store.put(TestMessages.message("T", 0, "a", "k" + i, "SAME", 10, i));
        }

        List<StoredMessage> found = store.queryByUniqueId("T", "SAME");

        assertThat(found).hasSize(64);
        assertThat(found.get(0).queueOffset()).isEqualTo(69);
        assertThat(found.get(63).queueOffset()).isEqualTo(6);
    }

    @Test
    void offsetByTimestampFollowsLowerAndUpperBoundaries() {
        for (int i = 0; i < 5; i++) {
            store.put(TestMessages.message(10, i));
            clock.advanceMillis(i == 1 ? 0 : 1000);
        }
        long t0 = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
        // store times: 0: t0, 1: t0+1000, 2: t0+1000, 3: t0+2000, 4: t0+3000

        assertThat(store.offsetByTimestamp("T", 0, t0 + 1000, BoundaryType.LOWER)).isEqualTo(1);
        assertThat(store.offsetByTimestamp("T", 0, t0 + 1000, BoundaryType.UPPER)).isEqualTo(2);
        assertThat(store.offsetByTimestamp("T", 0, t0 + 1500, BoundaryType.LOWER)).isEqualTo(3);
        assertThat(store.offsetByTimestamp("T", 0, t0 + 9999, BoundaryType.LOWER)).isEqualTo(5);
        assertThat(store.offsetByTimestamp("T", 0, t0 - 1, BoundaryType.LOWER)).isZero();
        assertThat(store.offsetByTimestamp("T", 0, t0 - 1, BoundaryType.UPPER)).isZero();
        assertThat(store.offsetByTimestamp("T", 0, t0 + 9999, BoundaryType.UPPER)).isEqualTo(4);
        assertThat(store.earliestStoreTime("T", 0)).isEqualTo(t0);
        assertThat(store.earliestStoreTime("T", 1)).isEqualTo(-1);
    }

    @Test
    void arrivalListenersHearEveryNewEntry() {
        List<String> heard = new ArrayList<>();
        store.addArrivalListener((topic, queueId, maxOffset, tagsCode) -> heard.add(topic + "/" + queueId + "@" + maxOffset));

        store.put(TestMessages.message(10, 1));
        store.put(TestMessages.message(10, 2));

        assertThat(heard).containsExactly("T/0@1", "T/0@2");
    }

    @Test
    void reopenAfterCleanCloseIsANormalRecoveryThatKeepsEverything() {
        for (int i = 0; i < 300; i++) {
            store.put(TestMessages.message(300, i));
        }
        GetResult before = store.getMessages("T", 0, 0, 300, Integer.MAX_VALUE, TagFilter.ALL);
        store.close();

        store = DefaultMessageStore.open(TestStores.config(root, clock));

        assertThat(store.recoveryReport().mode()).isEqualTo(RecoveryMode.NORMAL);
        GetResult after = store.getMessages("T", 0, 0, 300, Integer.MAX_VALUE, TagFilter.ALL);
        assertThat(after.messages()).hasSize(300);
        assertThat(after.messages()).extracting(m -> bytes(m.bytes()))
                .containsExactlyElementsOf(before.messages().stream().map(m -> bytes(m.bytes())).toList());
        assertThat(store.put(TestMessages.message(10, 999)).queueOffset()).isEqualTo(300);
        assertThat(store.queryByUniqueId("T", "U7")).hasSize(1);
    }

    @Test
    void epochHistoryRecordsTheLogEndAtEachRoleChange() {
        store.startEpoch(1);
        PutResult put = store.put(TestMessages.message(10, 1));
        store.startEpoch(2);

        assertThat(store.epochHistory()).extracting(e -> e.startOffset()).containsExactly(0L, put.endOffset());
    }

    @Test
    void putsAfterCloseAreRefused() {
        store.close();

        assertThat(store.put(TestMessages.message(10, 1)).status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }
}
