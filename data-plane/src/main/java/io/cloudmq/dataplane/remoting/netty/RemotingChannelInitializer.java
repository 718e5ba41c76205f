package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.codec.RemotingFrameDecoder;
import io.cloudmq.dataplane.remoting.codec.RemotingFrameEncoder;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Builds the pipeline of a remoting connection, the same for server and client:
 * idle detection → frame decoder → frame encoder → command handler → guard. Thread-safe; per-channel
 * handlers are created for each connection.
 */
final class RemotingChannelInitializer extends ChannelInitializer<SocketChannel> {
    private static final RemotingFrameEncoder ENCODER = new RemotingFrameEncoder();
    private static final ConnectionGuardHandler GUARD = new ConnectionGuardHandler();

    private final RemotingEndpoint endpoint;
    private final int maxFrameLength;
    private final Duration idleTimeout;

    RemotingChannelInitializer(RemotingEndpoint endpoint, int maxFrameLength, Duration idleTimeout) {
        this.endpoint = endpoint;
        this.maxFrameLength = maxFrameLength;
        this.idleTimeout = idleTimeout;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        channel.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .addLast("decoder", new RemotingFrameDecoder(maxFrameLength))
                .addLast("encoder", ENCODER)
                .addLast("commands", endpoint.newCommandHandler())
                .addLast("guard", GUARD);
    }
}
