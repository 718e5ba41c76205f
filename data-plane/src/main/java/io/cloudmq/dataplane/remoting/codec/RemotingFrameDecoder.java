package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits the byte stream into remoting frames and decodes each into a
 * {@link io.cloudmq.dataplane.remoting.protocol.RemotingCommand} (spec §1.2). All integers big-endian.
 *
 * <pre>
 * | field               | size          | notes                                              |
 * |---------------------|---------------|----------------------------------------------------|
 * | totalLength         | 4             | 4 + headerLength + bodyLength; excludes itself     |
 * | serializeTypeAndLen | 4             | type (0 JSON, 1 ROCKETMQ) &lt;&lt; 24 | headerLength   |
 * | header              | headerLength  | {@link JsonHeaderReader} or {@link BinaryHeaderCodec} |
 * | body                | the rest      | copied into the command; may be empty              |
 * </pre>
 *
 * A frame longer than {@code maxFrameLength} (prefix included, as the client's decoder counts it) fails
 * as soon as its prefix arrives, without buffering it; a length below 4, a header longer than the frame,
 * an unknown serialize type or an unreadable header fail the frame as corrupted. After a failure every
 * further byte is discarded, since the stream can no longer be re-synchronised; the connection's guard
 * handler closes the channel. One instance per channel; not thread-safe (runs on the channel's event
 * loop).
 */
public final class RemotingFrameDecoder extends ByteToMessageDecoder {
    private static final int LENGTH_FIELD = 4;
    private static final int TYPE_AND_LENGTH_FIELD = 4;
    private static final int HEADER_LENGTH_MASK = 0x00FFFFFF;

    private final int maxFrameLength;
    private boolean failed;

    public RemotingFrameDecoder(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            decodeFrame(in, out);
        } catch (RuntimeException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void decodeFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < LENGTH_FIELD) {
            return;
        }
        int totalLength = in.getInt(in.readerIndex());
        if (totalLength < TYPE_AND_LENGTH_FIELD) {
            throw new CorruptedFrameException("frame length " + totalLength + " is below " + TYPE_AND_LENGTH_FIELD);
        }
        if (totalLength > maxFrameLength - LENGTH_FIELD) {
            throw new TooLongFrameException(
                    "frame of " + (totalLength + (long) LENGTH_FIELD) + " bytes exceeds " + maxFrameLength);
        }
        if (in.readableBytes() < LENGTH_FIELD + totalLength) {
            return;
        }
        in.skipBytes(LENGTH_FIELD);
        int typeAndLength = in.readInt();
        int headerLength = typeAndLength & HEADER_LENGTH_MASK;
        int bodyLength = totalLength - TYPE_AND_LENGTH_FIELD - headerLength;
        if (bodyLength < 0) {
            throw new CorruptedFrameException("header length " + headerLength + " exceeds frame length " + totalLength);
        }
        SerializeType type = SerializeType.fromCode(typeAndLength >>> 24);
        if (type == null) {
            throw new CorruptedFrameException("unknown serialize type " + (typeAndLength >>> 24));
        }
        ByteBuf header = in.readSlice(headerLength);
        byte[] body = new byte[bodyLength];
        in.readBytes(body);
        out.add(type == SerializeType.JSON
                ? JsonHeaderReader.read(header, body)
                : BinaryHeaderCodec.decode(header, headerLength, body));
    }
}
