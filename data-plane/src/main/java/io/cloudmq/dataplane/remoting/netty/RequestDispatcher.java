package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.InvalidHeaderException;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each request through the pipeline: the {@link RequestAdmission} (GO_AWAY or connection close
 * without processing), processor lookup (unknown code → {@code REQUEST_CODE_NOT_SUPPORTED}),
 * hand-off to the registration's executor (full → {@code SYSTEM_BUSY} or backpressure, per
 * {@link OverloadPolicy}), the {@link RequestAuthorizer} (denied → {@code NO_PERMISSION}), the
 * {@link RequestTranslator} around the processor (failure → {@code SYSTEM_ERROR}), and the response write.
 * Nothing is ever written for a oneway request.
 *
 * <p>Thread-safe and shared by all connections of an endpoint; {@link #dispatch} runs on the channel's
 * event loop, and each connection's {@link InflightGate} is only touched there.
 */
final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
    private static final long BACKPRESSURE_RETRY_MILLIS = 1;
    static final String GO_AWAY_REMARK = "please go away";

    private final ProcessorRegistry registry;
    private final RequestAuthorizer authorizer;
    private final RequestTranslator translator;
    private final RequestAdmission admission;

    RequestDispatcher(ProcessorRegistry registry, RequestAuthorizer authorizer, RequestTranslator translator,
            RequestAdmission admission) {
        this.registry = registry;
        this.authorizer = authorizer;
        this.translator = translator;
        this.admission = admission;
    }

    void dispatch(Channel channel, RemotingCommand request, InflightGate gate) {
        if (gate.isClosing()) {
            return;
        }
        switch (admission.admit(request)) {
            case GO_AWAY -> {
                reply(channel, request, RemotingCommand.responseTo(request, ResponseCode.GO_AWAY, GO_AWAY_REMARK));
                return;
            }
            case CLOSE -> {
                gate.closeWhenIdle();
                return;
            }
            case PROCESS -> {
                // through the rest of the pipeline
            }
        }
        ProcessorRegistration registration = registry.lookup(request.code());
        if (registration == null) {
            reply(channel, request, RemotingCommand.responseTo(
                    request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "request code " + request.code() + " not supported"));
            return;
        }
        gate.acquire();
        handOff(channel, request, gate, registration, false);
    }

    private void handOff(
            Channel channel, RemotingCommand request, InflightGate gate, ProcessorRegistration registration,
            boolean wasParked) {
        if (wasParked && !channel.isActive()) {
            gate.unpark();
            gate.release();
            return;
        }
        try {
            registration.executor().execute(() -> run(channel, request, gate, registration.processor()));
            if (wasParked) {
                gate.unpark();
            }
        } catch (RejectedExecutionException e) {
            if (registration.overloadPolicy() == OverloadPolicy.BACKPRESSURE) {
                if (!wasParked) {
                    gate.park();
                }
                channel.eventLoop().schedule(
                        () -> handOff(channel, request, gate, registration, true),
                        BACKPRESSURE_RETRY_MILLIS,
                        TimeUnit.MILLISECONDS);
            } else {
                gate.release();
                reply(channel, request, RemotingCommand.responseTo(
                        request, ResponseCode.SYSTEM_BUSY, "[OVERLOAD] too many requests, try again later"));
            }
        }
    }

    private void run(Channel channel, RemotingCommand request, InflightGate gate, RequestProcessor processor) {
        RequestContext context = new RequestContext(channel);
        CompletionStage<@Nullable RemotingCommand> response;
        try {
            AuthorizationDecision decision = authorizer.authorize(context, request);
            response = decision.allowed()
                    ? processor.process(context, translator.inbound(request))
                            .thenApply(result -> result == null ? null : translator.outbound(request, result))
                    : CompletableFuture.completedFuture(
                            RemotingCommand.responseTo(request, ResponseCode.NO_PERMISSION, decision.reason()));
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((result, failure) -> {
            RemotingCommand answer = failure == null ? result : failureResponse(context, request, failure);
            channel.eventLoop().execute(() -> {
                if (answer != null) {
                    reply(channel, request, answer);
                }
                gate.release();
            });
        });
    }

    private static RemotingCommand failureResponse(RequestContext context, RemotingCommand request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof InvalidHeaderException) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, cause.getMessage());
        }
        log.error("processing request code {} from {} failed", request.code(), context.remoteAddress(), cause);
        return RemotingCommand.responseTo(
                request, ResponseCode.SYSTEM_ERROR, "processing failed: " + cause.getClass().getSimpleName());
    }

    private static void reply(Channel channel, RemotingCommand request, RemotingCommand response) {
        if (request.isOneway()) {
            return;
        }
        channel.writeAndFlush(response).addListener(write -> {
            if (!write.isSuccess()) {
                log.debug("response to code {} for {} not written", request.code(), RemotingAddresses.describe(channel),
                        write.cause());
            }
        });
    }
}
