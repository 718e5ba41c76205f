package io.cloudmq.dataplane.remoting.codec;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Writes a {@link RemotingCommand} as one remoting frame (layout in {@link RemotingFrameDecoder}), with
 * its header in the command's {@link SerializeType}. The body is not copied: it follows the prefix and
 * header as a wrapped buffer. Stateless, {@link Sharable}.
 */
@Sharable
public final class RemotingFrameEncoder extends MessageToMessageEncoder<RemotingCommand> {
    private static final int PREFIX = 8;
    private static final int TYPICAL_HEADER = 256;

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand command, List<Object> out) {
        ByteBuf frame = ctx.alloc().ioBuffer(PREFIX + TYPICAL_HEADER);
        try {
            frame.writerIndex(PREFIX);
            if (command.serializeType() == SerializeType.JSON) {
                JsonHeaderWriter.write(command, frame);
            } else {
                BinaryHeaderCodec.encode(command, frame);
            }
            int headerLength = frame.writerIndex() - PREFIX;
            frame.setInt(0, 4 + headerLength + command.body().length);
            frame.setInt(4, (command.serializeType().code() << 24) | headerLength);
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
        out.add(frame);
        if (command.body().length > 0) {
            out.add(Unpooled.wrappedBuffer(command.body()));
        }
    }
}
