package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A remoting client (broker → name server, tools): one connection per {@code host:port}, opened on first
 * use and re-opened on the next use after it closed; every request type is multiplexed over it and
 * matched by opaque. Requests the peer sends on such a connection are dispatched like a server's.
 *
 * <p>Thread-safe. Futures complete on an event loop or the JDK's timeout thread: do not block in their
 * callbacks. {@link #close()} fails what is pending.
 */
public final class RemotingClient implements AutoCloseable {
    /** Backpressure marks for requests a peer sends to this client; peers send few, so these never bind. */
    private static final int INFLIGHT_HIGH_WATER_MARK = 1024;
    private static final int INFLIGHT_LOW_WATER_MARK = 512;

    private final RemotingEndpoint endpoint;
    private final EventLoopGroup ioGroup;
    private final Bootstrap bootstrap;
    private final Map<String, CompletableFuture<Channel>> connections = new ConcurrentHashMap<>();

    public RemotingClient(RemotingClientConfig config, ProcessorRegistry registry) {
        this.endpoint = new RemotingEndpoint(
                registry, RequestAuthorizer.ALLOW_ALL, RequestTranslator.IDENTITY, RequestAdmission.OPEN, ConnectionListener.NONE,
                INFLIGHT_HIGH_WATER_MARK, INFLIGHT_LOW_WATER_MARK);
        this.ioGroup = new NioEventLoopGroup(config.ioThreads(), RequestExecutors.namedThreads("remoting-client"));
        this.bootstrap = new Bootstrap()
                .group(ioGroup)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .handler(new RemotingChannelInitializer(endpoint, config.maxFrameLength(), config.idleTimeout()));
    }

    /** Completes with the open connection to {@code address}, connecting if there is none. */
    public CompletableFuture<Channel> connect(String address) {
        return connections.compute(address, (key, existing) -> {
            if (existing != null && (!existing.isDone() || isActive(existing))) {
                return existing;
            }
            return openConnection(address);
        });
    }

    /** Whether a connection to {@code address} is open now. */
    public boolean isConnected(String address) {
        CompletableFuture<Channel> connection = connections.get(address);
        return connection != null && isActive(connection);
    }

    /** Sends a request and completes with the response; fails on timeout, connect or write failure. */
    public CompletableFuture<RemotingCommand> invoke(String address, RemotingCommand request, Duration timeout) {
        return connect(address).thenCompose(channel -> endpoint.responses().invoke(channel, request, timeout));
    }

    /** Sends a oneway request; completes when it is written. */
    public CompletableFuture<Void> invokeOneway(String address, RemotingCommand request) {
        return connect(address).thenCompose(channel -> endpoint.responses().invokeOneway(channel, request));
    }

    /** Closes every connection and the event loop; waits for them. */
    @Override
    public void close() {
        connections.values().forEach(connection -> connection.thenAccept(Channel::close));
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private CompletableFuture<Channel> openConnection(String address) {
        CompletableFuture<Channel> connection = new CompletableFuture<>();
        ChannelFuture connect = bootstrap.connect(RemotingAddresses.parse(address));
        connect.addListener(done -> {
            if (done.isSuccess()) {
                connection.complete(connect.channel());
            } else {
                connection.completeExceptionally(done.cause());
            }
        });
        return connection;
    }

    private static boolean isActive(CompletableFuture<Channel> connection) {
        return connection.isDone() && !connection.isCompletedExceptionally() && connection.join().isActive();
    }
}
