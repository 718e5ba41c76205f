package io.cloudmq.dataplane.store.commitlog;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Turns a stored record (layout in {@link RecordCodec}) back into the message a processor would store,
 * for re-storing it elsewhere (delay delivery, retry, dead letter): topic, queue, flag, body, properties,
 * sysFlag, born time and host, reconsume times. Store fields (offsets, store time and host) are dropped.
 *
 * <p>Threading: stateless.
 */
public final class StoredRecords {
    private static final int IPV4_HOST = 8;
    private static final int IPV6_HOST = 20;
    private static final int RECONSUME_AFTER_STORE_HOST = Long.BYTES;

    private StoredRecords() {}

    /** The message of a whole validated record (position at its first byte). */
    public static IncomingMessage toIncoming(ByteBuffer stored) {
        ByteBuffer record = stored.duplicate().slice();
        int sysFlag = record.getInt(RecordCodec.SYS_FLAG_POSITION);
        int bornHostSize = (sysFlag & RecordCodec.BORN_HOST_V6_FLAG) != 0 ? IPV6_HOST : IPV4_HOST;
        int storeHostSize = (sysFlag & RecordCodec.STORE_HOST_V6_FLAG) != 0 ? IPV6_HOST : IPV4_HOST;
        InetSocketAddress bornHost = host(record, RecordCodec.BORN_HOST_POSITION, bornHostSize);
        int reconsumePosition = RecordCodec.BORN_HOST_POSITION + bornHostSize + RECONSUME_AFTER_STORE_HOST
                + storeHostSize;
        int bodyLengthPosition = reconsumePosition + Integer.BYTES + Long.BYTES;
        byte[] body = new byte[record.getInt(bodyLengthPosition)];
        record.get(bodyLengthPosition + Integer.BYTES, body);
        int topicLengthPosition = bodyLengthPosition + Integer.BYTES + body.length;
        byte[] topic = new byte[record.get(topicLengthPosition)];
        record.get(topicLengthPosition + 1, topic);
        int propertiesLengthPosition = topicLengthPosition + 1 + topic.length;
        byte[] properties = new byte[record.getShort(propertiesLengthPosition)];
        record.get(propertiesLengthPosition + Short.BYTES, properties);
        return new IncomingMessage(new String(topic, StandardCharsets.UTF_8), record.getInt(RecordCodec.QUEUE_ID_POSITION),
                record.getInt(RecordCodec.QUEUE_ID_POSITION + Integer.BYTES), body,
                new String(properties, StandardCharsets.UTF_8),
                sysFlag & ~(RecordCodec.BORN_HOST_V6_FLAG | RecordCodec.STORE_HOST_V6_FLAG),
                record.getLong(RecordCodec.SYS_FLAG_POSITION + Integer.BYTES), bornHost,
                record.getInt(reconsumePosition), 0);
    }

    /** The store host of a whole validated record (position at its first byte): where its offset message id points. */
    public static InetSocketAddress storeHostOf(ByteBuffer stored) {
        ByteBuffer record = stored.duplicate().slice();
        int sysFlag = record.getInt(RecordCodec.SYS_FLAG_POSITION);
        int bornHostSize = (sysFlag & RecordCodec.BORN_HOST_V6_FLAG) != 0 ? IPV6_HOST : IPV4_HOST;
        int storeHostSize = (sysFlag & RecordCodec.STORE_HOST_V6_FLAG) != 0 ? IPV6_HOST : IPV4_HOST;
        return host(record, RecordCodec.BORN_HOST_POSITION + bornHostSize + Long.BYTES, storeHostSize);
    }

    private static InetSocketAddress host(ByteBuffer record, int position, int size) {
        byte[] address = new byte[size - Integer.BYTES];
        record.get(position, address);
        try {
            return new InetSocketAddress(InetAddress.getByAddress(address), record.getInt(position + address.length));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of " + address.length + " bytes", e);
        }
    }
}
