package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.remoting.protocol.InvalidHeaderException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code SEND_BATCH_MESSAGE} body into its messages (spec §3.5). Each message, big-endian:
 * <table>
 *   <caption>batch entry</caption>
 *   <tr><th>size</th><th>field</th></tr>
 *   <tr><td>4</td><td>totalSize (of this entry)</td></tr>
 *   <tr><td>4</td><td>magic (0, ignored)</td></tr>
 *   <tr><td>4</td><td>bodyCRC (0, ignored)</td></tr>
 *   <tr><td>4</td><td>flag</td></tr>
 *   <tr><td>4 + n</td><td>body length, body</td></tr>
 *   <tr><td>2 + n</td><td>properties length, properties (UTF-8)</td></tr>
 * </table>
 * Stateless.
 */
final class MessageBatchDecoder {
    /** One message of a batch. */
    record BatchEntry(int flag, byte[] body, String properties) {}

    private MessageBatchDecoder() {}

    /** @throws InvalidHeaderException if the body is not a well-formed batch */
    static List<BatchEntry> decode(byte[] batch) {
        ByteBuffer buffer = ByteBuffer.wrap(batch);
        List<BatchEntry> entries = new ArrayList<>();
        try {
            while (buffer.hasRemaining()) {
                int start = buffer.position();
                int totalSize = buffer.getInt();
                buffer.position(start + 12);
                int flag = buffer.getInt();
                byte[] body = new byte[buffer.getInt()];
                buffer.get(body);
                byte[] properties = new byte[Short.toUnsignedInt(buffer.getShort())];
                buffer.get(properties);
                if (buffer.position() - start != totalSize) {
                    throw new InvalidHeaderException("batch entry size " + totalSize + " does not match its content");
                }
                entries.add(new BatchEntry(flag, body, new String(properties, StandardCharsets.UTF_8)));
            }
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new InvalidHeaderException("malformed batch body: " + e);
        }
        return entries;
    }
}
