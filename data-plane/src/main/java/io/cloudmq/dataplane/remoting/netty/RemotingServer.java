package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting server: accepts connections, dispatches their requests to the processors of a
 * {@link ProcessorRegistry} through a {@link RequestAdmission}, a {@link RequestAuthorizer} and a
 * {@link RequestTranslator}, and sends server-initiated requests to connected clients ({@link #invoke},
 * {@link #invokeOneway}; spec §1.7). Requests it sends are JSON and
 * numbered by the server's own opaque counter.
 *
 * <p>Thread-safe. Lifecycle: {@link #start()} once, then {@link #close()}; the processors' executors
 * belong to the caller.
 */
public final class RemotingServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RemotingServer.class);

    private final RemotingServerConfig config;
    private final RemotingEndpoint endpoint;
    private final EventLoopGroup bossGroup = new NioEventLoopGroup(1, RequestExecutors.namedThreads("remoting-accept"));
    private final EventLoopGroup ioGroup;
    private @Nullable Channel serverChannel;
    private boolean closed;

    public RemotingServer(
            RemotingServerConfig config, ProcessorRegistry registry, RequestAuthorizer authorizer,
            ConnectionListener listener) {
        this(config, registry, authorizer, RequestTranslator.IDENTITY, RequestAdmission.OPEN, listener);
    }

    /**
     * A server whose requests first pass {@code admission} (a draining broker's GO_AWAY gate) and, once
     * authorized, {@code translator} (namespaceV2 names).
     */
    public RemotingServer(
            RemotingServerConfig config, ProcessorRegistry registry, RequestAuthorizer authorizer,
            RequestTranslator translator, RequestAdmission admission, ConnectionListener listener) {
        this.config = config;
        this.endpoint = new RemotingEndpoint(registry, authorizer, translator, admission, listener,
                config.inflightHighWaterMark(), config.inflightLowWaterMark());
        this.ioGroup = new NioEventLoopGroup(config.ioThreads(), RequestExecutors.namedThreads("remoting-io"));
    }

    /** Binds the port; fails with {@link UncheckedIOException} when it is taken. */
    public synchronized void start() {
        if (serverChannel != null || closed) {
            throw new IllegalStateException("already started or closed");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, ioGroup)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new RemotingChannelInitializer(endpoint, config.maxFrameLength(), config.idleTimeout()));
        ChannelFuture bound = bootstrap.bind(config.bindAddress(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            close();
            IOException cause = bound.cause() instanceof IOException io ? io : new IOException(bound.cause());
            throw new UncheckedIOException("cannot listen on " + config.bindAddress() + ":" + config.port(), cause);
        }
        serverChannel = bound.channel();
        log.info("remoting server listening on {}:{}", config.bindAddress(), port());
    }

    /** The bound port; the chosen one when the config asked for port 0. */
    public int port() {
        Channel channel = serverChannel;
        if (channel == null) {
            throw new IllegalStateException("not started");
        }
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Sends a request to a connected client and completes with its response (or times out). */
    public CompletableFuture<RemotingCommand> invoke(Channel channel, RemotingCommand request, Duration timeout) {
        return endpoint.responses().invoke(channel, request, timeout);
    }

    /** Sends a oneway request; completes when it is written. */
    public CompletableFuture<Void> invokeOneway(Channel channel, RemotingCommand request) {
        return endpoint.responses().invokeOneway(channel, request);
    }

    /**
     * Stops accepting connections (new ones are refused) while the open ones keep being served; the first
     * step of a graceful close.
     */
    public synchronized void stopAccepting() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
    }

    /** Stops accepting, closes every connection and the event loops; waits for them to finish. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
