package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.codec.RemotingFrameDecoder;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.rpchook.NamespaceRpcHook;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.netty.NettyEncoder;
import org.apache.rocketmq.remoting.protocol.SerializeType;
import org.jspecify.annotations.Nullable;

/**
 * Requests built as the official 5.5.0 client builds them: its header classes, its hooks in its order
 * (namespaceV2 hook, then {@link AclClientRPCHook}), its encoder; the bytes are then decoded by our codec,
 * so every test that uses them goes through the real wire format.
 */
final class OfficialRequests {
    private static final String BROKER = "127.0.0.1:10911";

    private OfficialRequests() {}

    static org.apache.rocketmq.remoting.protocol.RemotingCommand request(
            int code, @Nullable CommandCustomHeader header, byte @Nullable [] body) {
        org.apache.rocketmq.remoting.protocol.RemotingCommand request =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createRequestCommand(code, header);
        request.setBody(body);
        return request;
    }

    /** Signed with {@code accessKey}/{@code secretKey}, sent in JSON, decoded by our codec. */
    static RemotingCommand signed(
            org.apache.rocketmq.remoting.protocol.RemotingCommand request, String accessKey, String secretKey) {
        new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)).doBeforeRequest(BROKER, request);
        return onTheWire(request);
    }

    /** As a client with {@code namespaceV2} set sends it: the namespace hook runs before the ACL hook. */
    static RemotingCommand signedWithNamespaceV2(
            org.apache.rocketmq.remoting.protocol.RemotingCommand request, String namespace, String accessKey,
            String secretKey) {
        ClientConfig config = new ClientConfig();
        config.setNamespaceV2(namespace);
        new NamespaceRpcHook(config).doBeforeRequest(BROKER, request);
        return signed(request, accessKey, secretKey);
    }

    /** Signed, then sent in the ROCKETMQ binary header format. */
    static RemotingCommand signedBinary(
            org.apache.rocketmq.remoting.protocol.RemotingCommand request, String accessKey, String secretKey) {
        request.setSerializeTypeCurrentRPC(SerializeType.ROCKETMQ);
        return signed(request, accessKey, secretKey);
    }

    /** Encoded by the official client's encoder and decoded by ours. */
    static RemotingCommand onTheWire(org.apache.rocketmq.remoting.protocol.RemotingCommand request) {
        EmbeddedChannel client = new EmbeddedChannel(new NettyEncoder());
        EmbeddedChannel server = new EmbeddedChannel(new RemotingFrameDecoder(16 << 20));
        try {
            client.writeOutbound(request);
            ByteBuf frame = client.readOutbound();
            server.writeInbound(frame);
            return server.readInbound();
        } finally {
            client.finishAndReleaseAll();
            server.finishAndReleaseAll();
        }
    }
}
