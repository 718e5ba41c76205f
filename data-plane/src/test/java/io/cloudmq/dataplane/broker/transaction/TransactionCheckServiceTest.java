package io.cloudmq.dataplane.broker.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.TestClock;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.TestMessages;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionCheckServiceTest {
    private static final TransactionCheckSettings SETTINGS =
            new TransactionCheckSettings(Duration.ofSeconds(30), Duration.ofSeconds(6), 2);

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Channel producer = new EmbeddedChannel();
    private final List<RemotingCommand> sent = new CopyOnWriteArrayList<>();
    private List<Channel> online = List.of(producer);
    private DefaultMessageStore store;
    private TransactionOpLog opLog;
    private TransactionCheckService service;

    @BeforeEach
    void open() {
        store = DefaultMessageStore.open(TestStores.config(dir.resolve("store"), clock));
        opLog = TransactionOpLog.open(store, TestMessages.STORE_HOST);
        service = new TransactionCheckService(store, opLog, group -> group.equals("PG") ? online : List.of(),
                (channel, request) -> sent.add(request), clock, SETTINGS, TestMessages.STORE_HOST);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PutResult half(String uniqueId) {
        IncomingMessage plain = TestMessages.message("T", 3, "tagA", "k", uniqueId, 20, 1);
        return store.put(HalfMessages.toHalf(new IncomingMessage("T", 3, 0, plain.body(),
                plain.properties() + "TRAN_MSG\u0001true\u0002PGROUP\u0001PG\u0002", 0x4, plain.bornTimestamp(),
                plain.bornHost(), 0, 0)));
    }

    @Test
    void aHalfOlderThanTheTimeoutIsCheckedWithItsRealTopicInTheBody() {
        PutResult half = half("U1");
        clock.advanceMillis(5_999);
        assertThat(service.checkOnce()).isZero();

        clock.advanceMillis(1);
        assertThat(service.checkOnce()).isEqualTo(1);

        RemotingCommand check = sent.get(0);
        assertThat(check.code()).isEqualTo(RequestCode.CHECK_TRANSACTION_STATE);
        assertThat(check.isOneway()).isTrue();
        assertThat(check.extFields()).containsEntry("commitLogOffset", Long.toString(half.records().get(0).physicalOffset()))
                .containsEntry("tranStateTableOffset", "0").containsEntry("transactionId", "U1")
                .containsEntry("topic", HalfMessages.HALF_TOPIC);
        MessageExt body = MessageDecoder.decode(ByteBuffer.wrap(check.body()), true, true, true);
        assertThat(body.getTopic()).isEqualTo("T");
        assertThat(body.getQueueId()).isEqualTo(3);
        assertThat(body.getProperties()).containsEntry("PGROUP", "PG").containsEntry("UNIQ_KEY", "U1");
    }

    @Test
    void aResolvedHalfIsNotCheckedAgain() {
        PutResult half = half("U1");
        opLog.resolve(half.queueOffset(), () -> true);
        clock.advanceMillis(60_000);

        assertThat(service.checkOnce()).isZero();
        assertThat(sent).isEmpty();
    }

    @Test
    void afterTheMaximumNumberOfChecksTheHalfIsRolledBackAndKeptForAudit() {
        online = List.of();
        PutResult half = half("U1");
        clock.advanceMillis(60_000);

        service.checkOnce();
        service.checkOnce();
        assertThat(store.maxOffset(TransactionCheckService.CHECK_MAX_TOPIC, 0)).isZero();
        service.checkOnce();

        assertThat(store.maxOffset(TransactionCheckService.CHECK_MAX_TOPIC, 0)).isEqualTo(1);
        assertThat(opLog.isResolved(half.queueOffset())).isTrue();
        assertThat(sent).isEmpty();
        assertThat(service.checkOnce()).isZero();
    }
}
