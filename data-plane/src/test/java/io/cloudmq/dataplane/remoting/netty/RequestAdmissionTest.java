package io.cloudmq.dataplane.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.netty.RequestAdmission.Admission;
import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The admission step of the dispatch pipeline: GO_AWAY without processing, and close once idle. */
class RequestAdmissionTest {
    private static final int CODE = 310;

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final InflightGate gate = new InflightGate(channel, 100, 10);
    private final AtomicInteger processed = new AtomicInteger();
    private final CompletableFuture<RemotingCommand> pending = new CompletableFuture<>();

    @Test
    void goAwayIsAnsweredWith1500AndTheRequestsOpaqueWithoutProcessing() {
        dispatcher(request -> Admission.GO_AWAY).dispatch(channel, request(42), gate);
        channel.runPendingTasks();

        RemotingCommand answer = channel.readOutbound();
        assertThat(answer.code()).isEqualTo(ResponseCode.GO_AWAY);
        assertThat(answer.remark()).isEqualTo("please go away");
        assertThat(answer.opaque()).isEqualTo(42);
        assertThat(processed).hasValue(0);
    }

    @Test
    void admittedRequestsAreProcessedAndAnswered() {
        dispatcher(RequestAdmission.OPEN).dispatch(channel, request(7), gate);
        pending.complete(RemotingCommand.responseTo(request(7), ResponseCode.SUCCESS, null));
        channel.runPendingTasks();

        RemotingCommand answer = channel.readOutbound();
        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(processed).hasValue(1);
    }

    @Test
    void closeWaitsForTheConnectionsRequestsInFlightThenClosesWithoutAnswering() {
        AtomicInteger calls = new AtomicInteger();
        RequestDispatcher dispatcher = dispatcher(
                request -> calls.incrementAndGet() == 1 ? Admission.PROCESS : Admission.CLOSE);
        dispatcher.dispatch(channel, request(1), gate);
        dispatcher.dispatch(channel, request(2), gate);
        dispatcher.dispatch(channel, request(3), gate);
        channel.runPendingTasks();
        assertThat(channel.isActive()).as("request 1 is still in flight").isTrue();
        assertThat(channel.config().isAutoRead()).isFalse();

        pending.complete(RemotingCommand.responseTo(request(1), ResponseCode.SUCCESS, null));
        channel.runPendingTasks();

        RemotingCommand answer = channel.readOutbound();
        assertThat(answer.opaque()).isEqualTo(1);
        assertThat((Object) channel.readOutbound()).as("nothing for the closed-out requests")
                .isNotInstanceOf(RemotingCommand.class);
        assertThat(channel.isActive()).isFalse();
        assertThat(processed).hasValue(1);
        assertThat(calls).as("request 3 is dropped once closing, not even admitted").hasValue(2);
    }

    private RequestDispatcher dispatcher(RequestAdmission admission) {
        ProcessorRegistry registry = new ProcessorRegistry().register(CODE, (context, request) -> {
            processed.incrementAndGet();
            return pending;
        }, Runnable::run);
        return new RequestDispatcher(
                registry, (context, request) -> AuthorizationDecision.ALLOW, RequestTranslator.IDENTITY, admission);
    }

    private static RemotingCommand request(int opaque) {
        return new RemotingCommand(CODE, LanguageCode.JAVA, 513, opaque, 0, null, Map.of(), new byte[0],
                SerializeType.JSON);
    }
}
