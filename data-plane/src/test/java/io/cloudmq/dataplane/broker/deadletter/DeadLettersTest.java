package io.cloudmq.dataplane.broker.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredGroup;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.DesiredTopic;
import io.cloudmq.api.node.NodeDeadLetter;
import io.cloudmq.api.node.NodeResentLetters.ResentLetter;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {
    private static final String LETTER_PROPERTIES = "TAGS\u0001tagA\u0002KEYS\u0001order-1\u0002UNIQ_KEY\u0001ORIGINAL\u0002"
            + "RETRY_TOPIC\u0001orders\u0002REAL_TOPIC\u0001%RETRY%G\u0002REAL_QID\u00010\u0002color\u0001red\u0002";

    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private DeadLetters letters;
    private String letterId;

    @BeforeEach
    void storeOneDeadLetter() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")));
        TopicTable topics = new TopicTable();
        topics.apply(new DesiredState(1, List.of(new DesiredTopic("orders", 2, 6, "NORMAL", 1024)),
                List.of(new DesiredGroup("G", 0, false, false))));
        letters = new DeadLetters(topics, store, TestMessages.STORE_HOST);
        PutResult stored = store.put(new IncomingMessage("%DLQ%G", 0, 0, "poison".getBytes(StandardCharsets.UTF_8),
                LETTER_PROPERTIES, 0, 1_700_000_000_000L, TestMessages.BORN_HOST, 1, 0));
        letterId = stored.offsetMessageIds().get(0);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aListedLetterNamesItsOriginalTopicIdKeysTagsAndRetries() {
        List<NodeDeadLetter> listed = letters.list("G", 0, 10);

        assertThat(listed).singleElement().satisfies(letter -> {
            assertThat(letter.messageId()).isEqualTo(letterId);
            assertThat(letter.originalTopic()).isEqualTo("orders");
            assertThat(letter.originalMessageId()).isEqualTo("ORIGINAL");
            assertThat(letter.keys()).isEqualTo("order-1");
            assertThat(letter.tags()).isEqualTo("tagA");
            assertThat(letter.reconsumeTimes()).isEqualTo(1);
            assertThat(letter.queueOffset()).isZero();
        });
    }

    @Test
    void aRepeatedRequestIdStoresOneCopyAndANewRequestIdAnother() {
        List<ResentLetter> first = letters.resend("G", "request-1", List.of(letterId));
        List<ResentLetter> again = letters.resend("G", "request-1", List.of(letterId));

        assertThat(again).isEqualTo(first);
        assertThat(storedInOrders()).isEqualTo(1);
        assertThat(letters.resend("G", "request-2", List.of(letterId))).singleElement()
                .satisfies(resent -> assertThat(resent.newMessageId()).isNotEqualTo(first.get(0).newMessageId()));
        assertThat(storedInOrders()).isEqualTo(2);
    }

    @Test
    void theCopyKeepsBodyKeysTagsAndUserPropertiesWithANewIdAndTheOriginalOneAsOrigin() {
        ResentLetter resent = letters.resend("G", "request-1", List.of(letterId)).get(0);

        IncomingMessage copy = StoredRecords.toIncoming(
                store.queryByUniqueId("orders", resent.newMessageId()).get(0).bytes());
        Map<String, String> properties = MessageProperties.parse(copy.properties());
        assertThat(resent.topic()).isEqualTo("orders");
        assertThat(new String(copy.body(), StandardCharsets.UTF_8)).isEqualTo("poison");
        assertThat(copy.reconsumeTimes()).isZero();
        assertThat(properties).containsEntry("UNIQ_KEY", resent.newMessageId()).containsEntry("ORIGIN_MESSAGE_ID", "ORIGINAL")
                .containsEntry("KEYS", "order-1").containsEntry("TAGS", "tagA").containsEntry("color", "red")
                .doesNotContainKeys("RETRY_TOPIC", "REAL_TOPIC", "REAL_QID");
    }

    @Test
    void idsThatAreNotThisBrokersDeadLettersOfTheGroupAreSkipped() {
        String plain = store.put(TestMessages.message("orders", 0, "tagA", "k", "U1", 4, 1)).offsetMessageIds().get(0);
        String otherBroker = OffsetMessageId.of(TestMessages.address("10.0.0.8", 10911),
                OffsetMessageId.physicalOffsetOf(letterId));

        assertThat(letters.resend("G", "request-1", List.of(plain, otherBroker, "not-an-id"))).isEmpty();
        assertThat(letters.resend("H", "request-1", List.of(letterId))).isEmpty();
        assertThat(storedInOrders()).isEqualTo(1);
    }

    private long storedInOrders() {
        return store.maxOffset("orders", 0) + store.maxOffset("orders", 1);
    }
}
