package io.cloudmq.dataplane.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.file.Path;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndTransactionProcessorTest {
    private static final int COMMIT = 8;
    private static final int ROLLBACK = 12;

    @TempDir
    Path dir;

    private DefaultMessageStore store;
    private final RequestContext context = new RequestContext(new EmbeddedChannel());

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private EndTransactionProcessor processor() {
        return new EndTransactionProcessor(store, TransactionOpLog.open(store, TestMessages.STORE_HOST));
    }

    private PutResult half(String uniqueId) {
        IncomingMessage plain = TestMessages.message("T", 3, "tagA", "k", uniqueId, 20, 1);
        return store.put(HalfMessages.toHalf(new IncomingMessage("T", 3, 0, plain.body(),
                plain.properties() + "TRAN_MSG\u0001true\u0002PGROUP\u0001PG\u0002", 0x4, plain.bornTimestamp(),
                plain.bornHost(), 0, 0)));
    }

    private static RemotingCommand end(String group, PutResult half, int state) {
        return RemotingCommand.request(RequestCode.END_TRANSACTION, HeaderFields.writer().put("producerGroup", group)
                .put("tranStateTableOffset", half.queueOffset()).put("commitLogOffset", half.records().get(0).physicalOffset())
                .put("commitOrRollback", state).put("fromTransactionCheck", false).build()).asOneway();
    }

    @Test
    void theHalfIsInvisibleUntilACommitStoresItOnceInItsRealQueue() {
        PutResult half = half("U1");
        assertThat(store.maxOffset("T", 3)).isZero();
        assertThat(store.maxOffset(HalfMessages.HALF_TOPIC, 0)).isEqualTo(1);

        EndTransactionProcessor processor = processor();
        processor.handle(context, end("PG", half, COMMIT));
        processor.handle(context, end("PG", half, COMMIT));
        processor().handle(context, end("PG", half, COMMIT));

        assertThat(store.maxOffset("T", 3)).isEqualTo(1);
        MessageExt committed = MessageDecoder.decode(
                store.getMessages("T", 3, 0, 1, Integer.MAX_VALUE, TagFilter.ALL).messages().get(0).bytes(), true, true, true);
        assertThat(committed.getSysFlag() & 0xC).isEqualTo(COMMIT);
        assertThat(committed.getPreparedTransactionOffset()).isEqualTo(half.records().get(0).physicalOffset());
        assertThat(committed.getProperties()).doesNotContainKeys("REAL_TOPIC", "REAL_QID")
                .containsEntry("__transactionId__", "U1").containsEntry("UNIQ_KEY", "U1");
    }

    @Test
    void aCommitWhoseRealMessageACrashLeftWithoutOpRecordStoresItNoSecondTime() {
        PutResult half = half("U1");
        long halfOffset = half.records().get(0).physicalOffset();
        IncomingMessage stored = StoredRecords.toIncoming(store.getByPhysicalOffset(halfOffset).orElseThrow().bytes());
        store.put(HalfMessages.committed(stored, halfOffset));

        processor().handle(context, end("PG", half, COMMIT));

        assertThat(store.maxOffset("T", 3)).isEqualTo(1);
        assertThat(store.maxOffset(TransactionOpLog.OP_TOPIC, 0)).as("the half is resolved").isEqualTo(1);
    }

    @Test
    void aRollbackStoresNothingAndACommitAfterItIsIgnored() {
        PutResult half = half("U1");

        processor().handle(context, end("PG", half, ROLLBACK));
        processor().handle(context, end("PG", half, COMMIT));

        assertThat(store.maxOffset("T", 3)).isZero();
        assertThat(store.maxOffset(TransactionOpLog.OP_TOPIC, 0)).isEqualTo(1);
    }

    @Test
    void anEndForAnotherGroupOrAnUnknownHalfIsRefusedAndChangesNothing() {
        PutResult half = half("U1");
        long end = store.commitLogMaxOffset();

        assertThat(processor().handle(context, end("other", half, COMMIT)).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        RemotingCommand unknown = RemotingCommand.request(RequestCode.END_TRANSACTION, HeaderFields.writer()
                .put("producerGroup", "PG").put("tranStateTableOffset", 5).put("commitLogOffset", 99_999)
                .put("commitOrRollback", COMMIT).build());
        assertThat(processor().handle(context, unknown).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(store.commitLogMaxOffset()).isEqualTo(end);
    }
}
