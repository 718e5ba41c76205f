package io.cloudmq.dataplane.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeRolledBackHalf;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolledBackHalvesTest {
    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private RolledBackHalves halves;

    @BeforeEach
    void keptHalvesOfTwoNamespaces() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")));
        halves = new RolledBackHalves(store, TestMessages.STORE_HOST);
        store.put(kept("MQ_A%orders", "U1"));
        store.put(kept("MQ_B%orders", "U2"));
        store.put(kept("MQ_A%payments", "U3"));
        store.put(kept("MQ_A%orders", "U4"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A half as the check service keeps it: its properties name the real topic and the producer group. */
    private static IncomingMessage kept(String realTopic, String uniqueId) {
        IncomingMessage plain = TestMessages.message(TransactionCheckService.CHECK_MAX_TOPIC, 0, "tagA", "key-" + uniqueId,
                uniqueId, 10, uniqueId.hashCode());
        return new IncomingMessage(plain.topic(), 0, 0, plain.body(), plain.properties() + "REAL_TOPIC\u0001" + realTopic
                + "\u0002REAL_QID\u00011\u0002PGROUP\u0001tx-producers\u0002", 0, plain.bornTimestamp(),
                plain.bornHost(), 0, 0);
    }

    @Test
    void listsTheHalvesOfTheNamespacesTopicsOldestFirstWithTheirTransactionFacts() {
        List<NodeRolledBackHalf> listed = halves.list("MQ_A%", 10);

        assertThat(listed).extracting(NodeRolledBackHalf::transactionMessageId).containsExactly("U1", "U3", "U4");
        NodeRolledBackHalf first = listed.get(0);
        assertThat(first.topic()).isEqualTo("MQ_A%orders");
        assertThat(first.producerGroup()).isEqualTo("tx-producers");
        assertThat(first.keys()).isEqualTo("key-U1");
        assertThat(first.tags()).isEqualTo("tagA");
        assertThat(first.queueOffset()).isZero();
        assertThat(first.messageId()).isEqualTo(OffsetMessageId.of(TestMessages.STORE_HOST,
                store.getMessages(TransactionCheckService.CHECK_MAX_TOPIC, 0, 0, 1, Integer.MAX_VALUE, tags -> true)
                        .messages().get(0).physicalOffset()));
    }

    @Test
    void answersAtMostMaxHalves() {
        assertThat(halves.list("MQ_A%", 2)).extracting(NodeRolledBackHalf::transactionMessageId)
                .containsExactly("U1", "U3");
        assertThat(halves.list("MQ_C%", 10)).isEmpty();
    }
}
