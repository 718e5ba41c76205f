package io.cloudmq.dataplane.store.commitlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import org.apache.rocketmq.common.message.MessageClientExt;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    @Test
    void encodedRecordDecodesWithTheOfficialClientDecoder() {
        IncomingMessage message = TestMessages.message("TopicA", 3, "tagA", "k1 k2", "UNIQ1", 100, 7);
        ByteBuffer record = encode(message, TestMessages.STORE_HOST, 4096, 42, 1_700_000_123_456L);

        MessageClientExt ext = (MessageClientExt) MessageDecoder.decode(record.duplicate(), true, true, true);

        assertThat(ext.getTopic()).isEqualTo("TopicA");
        assertThat(ext.getQueueId()).isEqualTo(3);
        assertThat(ext.getQueueOffset()).isEqualTo(42);
        assertThat(ext.getCommitLogOffset()).isEqualTo(4096);
        assertThat(ext.getStoreTimestamp()).isEqualTo(1_700_000_123_456L);
        assertThat(ext.getBody()).isEqualTo(message.body());
        assertThat(ext.getTags()).isEqualTo("tagA");
        assertThat(ext.getKeys()).isEqualTo("k1 k2");
        assertThat(ext.getMsgId()).isEqualTo("UNIQ1");
        assertThat(ext.getStoreHost()).isEqualTo(TestMessages.STORE_HOST);
        assertThat(ext.getBornHost()).isEqualTo(TestMessages.BORN_HOST);
        assertThat(ext.getBodyCRC()).isEqualTo(RecordCodec.bodyCrc(ByteBuffer.wrap(message.body())));
        assertThat(ext.getOffsetMsgId()).isEqualTo(OffsetMessageId.of(TestMessages.STORE_HOST, 4096));
    }

    @Test
    void ipv6HostsSetTheirSysFlagBitsAndStillDecode() {
        InetSocketAddress v6 = TestMessages.address("fe80::1", 10911);
        IncomingMessage message = new IncomingMessage("T", 0, 0, new byte[] {1, 2}, "", 0, 1L, v6, 0, 0);
        ByteBuffer record = encode(message, v6, 0, 0, 2L);

        MessageExt ext = MessageDecoder.decodes(record.duplicate()).get(0);

        assertThat(ext.getSysFlag() & 0x30).isEqualTo(0x30);
        assertThat(ext.getStoreHost()).isEqualTo(v6);
        assertThat(OffsetMessageId.of(v6, 5)).hasSize(56);
    }

    @Test
    void scanAcceptsAValidRecordAndReportsItsFields() {
        IncomingMessage message = TestMessages.message(10, 1);
        ByteBuffer record = encode(message, TestMessages.STORE_HOST, 128, 5, 9L);

        RecordScan scan = RecordCodec.scan(record, 0, record.capacity());

        assertThat(scan.status()).isEqualTo(RecordScan.Status.RECORD);
        assertThat(scan.headerOrThrow())
                .isEqualTo(new RecordHeader(record.capacity(), "T", 0, 5, 128, 9L, message.properties()));
    }

    @Test
    void scanRejectsABodyWhoseCrcDoesNotMatch() {
        ByteBuffer record = encode(TestMessages.message(10, 1), TestMessages.STORE_HOST, 0, 0, 9L);
        int bodyStart = record.capacity() - 10 - 2 - TestMessages.message(10, 1).properties().length() - 2;
        record.put(bodyStart, (byte) (record.get(bodyStart) ^ 0x5A));

        assertThat(RecordCodec.scan(record, 0, record.capacity()).status()).isEqualTo(RecordScan.Status.CORRUPT);
    }

    @Test
    void scanRejectsAHalfWrittenRecord() {
        ByteBuffer record = encode(TestMessages.message(50, 1), TestMessages.STORE_HOST, 0, 0, 9L);
        ByteBuffer torn = ByteBuffer.allocate(record.capacity());
        torn.put(record.duplicate().limit(record.capacity() / 2)).clear();

        assertThat(RecordCodec.scan(torn, 0, torn.capacity()).status()).isEqualTo(RecordScan.Status.CORRUPT);
    }

    @Test
    void scanRejectsLengthFieldsThatPointOutsideTheRecord() {
        ByteBuffer garbage = ByteBuffer.allocate(80);
        garbage.putInt(0, 80).putInt(4, RecordCodec.MESSAGE_MAGIC_V1).putInt(36, 0x30);
        ByteBuffer hugeBody = encode(TestMessages.message(10, 1), TestMessages.STORE_HOST, 0, 0, 9L);
        hugeBody.putInt(84, Integer.MAX_VALUE);

        assertThat(RecordCodec.scan(garbage, 0, 80).status()).isEqualTo(RecordScan.Status.CORRUPT);
        assertThat(RecordCodec.scan(hugeBody, 0, hugeBody.capacity()).status()).isEqualTo(RecordScan.Status.CORRUPT);
    }

    @Test
    void blankCarriesItsSizeAndTheLastStoreTime() {
        ByteBuffer blank = ByteBuffer.allocate(40);
        RecordCodec.encodeBlank(77L, blank);

        RecordScan scan = RecordCodec.scan(blank, 0, 40);

        assertThat(scan.status()).isEqualTo(RecordScan.Status.END_OF_FILE);
        assertThat(scan.size()).isEqualTo(40);
        assertThat(blank.getLong(32)).isEqualTo(77L);
    }

    @Test
    void zerosMeanNoMoreData() {
        assertThat(RecordCodec.scan(ByteBuffer.allocate(64), 0, 64).status())
                .isEqualTo(RecordScan.Status.NO_MORE_DATA);
    }

    @Test
    void offsetMessageIdRoundTripsThePhysicalOffset() throws Exception {
        String id = OffsetMessageId.of(TestMessages.STORE_HOST, 123_456_789L);

        assertThat(id).hasSize(32).isUpperCase();
        assertThat(OffsetMessageId.physicalOffsetOf(id)).isEqualTo(123_456_789L);
        assertThat(MessageDecoder.decodeMessageId(id).getOffset()).isEqualTo(123_456_789L);
    }

    private static ByteBuffer encode(IncomingMessage message, InetSocketAddress storeHost, long physicalOffset,
            long queueOffset, long storeTimestamp) {
        ByteBuffer buffer = ByteBuffer.allocate(RecordCodec.sizeOf(message, storeHost));
        RecordCodec.encode(message, storeHost, physicalOffset, queueOffset, storeTimestamp, buffer);
        assertThat(buffer.hasRemaining()).isFalse();
        return buffer.flip();
    }
}
