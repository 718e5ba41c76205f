package io.cloudmq.dataplane.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** Builds raw frames for codec tests. */
final class Frames {
    private Frames() {}

    static ByteBuf hex(String hex) {
        return Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
    }

    /** A JSON-header frame around {@code json} with {@code body}. */
    static ByteBuf json(String json, byte[] body) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.buffer();
        frame.writeInt(4 + header.length + body.length);
        frame.writeInt(header.length);
        frame.writeBytes(header);
        frame.writeBytes(body);
        return frame;
    }

    static ByteBuf json(String json) {
        return json(json, new byte[0]);
    }
}
