package io.cloudmq.dataplane.broker.drain;

import io.cloudmq.dataplane.remoting.netty.ProcessorRegistration;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Counts the writes being stored and remembers when the last one finished, so the drain knows when sends
 * have gone quiet and when the writes admitted before the freeze are all answered. Wraps the write
 * processors of a registry ({@link #track}). A write that reaches its processor after the freeze (it was
 * admitted, then waited for an executor) is not stored: its connection is closed without an answer.
 *
 * <p>Thread-safe: the in-flight count is raised before the phase is read and the freeze sets the phase
 * before it waits for the count to reach zero, so no write slips past a completed freeze wait.
 */
public final class WriteTracker {
    private final DrainState state;
    private final Clock clock;
    private final AtomicInteger inflight = new AtomicInteger();
    private final AtomicLong lastFinishedMillis = new AtomicLong();

    public WriteTracker(DrainState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** Replaces the registration of each write code ({@link SendAdmission}) of {@code registry} by a tracked one. */
    public void track(ProcessorRegistry registry) {
        for (int code : SendAdmission.WRITES) {
            ProcessorRegistration registration = registry.lookup(code);
            if (registration != null) {
                registry.register(code, tracked(registration.processor()), registration.executor(),
                        registration.overloadPolicy());
            }
        }
    }

    /** Writes being stored now. */
    public int inflight() {
        return inflight.get();
    }

    /** Whether no write is being stored and none finished within {@code quiet}. */
    public boolean quietFor(Duration quiet) {
        return inflight.get() == 0 && clock.millis() - lastFinishedMillis.get() >= quiet.toMillis();
    }

    private RequestProcessor tracked(RequestProcessor processor) {
        return (context, request) -> {
            inflight.incrementAndGet();
            if (!state.phase().storesSends()) {
                inflight.decrementAndGet();
                context.channel().close();
                return CompletableFuture.<@Nullable RemotingCommand>completedFuture(null);
            }
            CompletionStage<@Nullable RemotingCommand> stage;
            try {
                stage = processor.process(context, request);
            } catch (RuntimeException e) {
                finished();
                throw e;
            }
            return stage.whenComplete((response, failure) -> finished());
        };
    }

    private void finished() {
        lastFinishedMillis.set(clock.millis());
        inflight.decrementAndGet();
    }
}
