package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.netty.channel.Channel;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests this endpoint sent and still waits for, by opaque (spec §1.7). Assigns each outgoing
 * request the next opaque of this endpoint's counter; a response is matched by its opaque only. A pending
 * request fails with {@link java.util.concurrent.TimeoutException} after its timeout, with the write's
 * cause if it cannot be written, and with {@link ClosedChannelException} when its connection closes.
 *
 * <p>Thread-safe. Futures complete on the event loop or the JDK's timeout thread: callers must not block
 * in their callbacks.
 */
final class ResponseTable {
    private static final Logger log = LoggerFactory.getLogger(ResponseTable.class);

    private final AtomicInteger nextOpaque = new AtomicInteger();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(Channel channel, CompletableFuture<RemotingCommand> future) {}

    CompletableFuture<RemotingCommand> invoke(Channel channel, RemotingCommand request, Duration timeout) {
        int opaque = nextOpaque.getAndIncrement();
        CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        pending.put(opaque, new Pending(channel, future));
        future.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((response, failure) -> pending.remove(opaque));
        channel.writeAndFlush(request.withOpaque(opaque)).addListener(write -> {
            if (!write.isSuccess()) {
                future.completeExceptionally(write.cause());
            }
        });
        return future;
    }

    CompletableFuture<Void> invokeOneway(Channel channel, RemotingCommand request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        channel.writeAndFlush(request.withOpaque(nextOpaque.getAndIncrement()).asOneway()).addListener(write -> {
            if (write.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(write.cause());
            }
        });
        return written;
    }

    void complete(Channel channel, RemotingCommand response) {
        Pending request = pending.remove(response.opaque());
        if (request == null) {
            log.warn("response with opaque {} from {} matches no request", response.opaque(),
                    RemotingAddresses.describe(channel));
            return;
        }
        request.future().complete(response);
    }

    void failAll(Channel channel) {
        pending.values().removeIf(request -> {
            if (request.channel() != channel) {
                return false;
            }
            request.future().completeExceptionally(new ClosedChannelException());
            return true;
        });
    }
}
