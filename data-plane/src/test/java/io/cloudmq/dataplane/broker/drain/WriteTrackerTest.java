package io.cloudmq.dataplane.broker.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class WriteTrackerTest {
    private final DrainParts parts = DrainParts.create(new SimpleMeterRegistry(), Clock.systemUTC());

    @Test
    void countsAWriteUntilItIsAnswered() {
        CompletableFuture<@Nullable RemotingCommand> answer = startWrite(parts);
        assertThat(parts.writes().inflight()).isEqualTo(1);
        assertThat(parts.writes().quietFor(Duration.ZERO)).isFalse();

        answer.complete(null);

        assertThat(parts.writes().inflight()).isZero();
        assertThat(parts.writes().quietFor(Duration.ZERO)).isTrue();
        assertThat(parts.writes().quietFor(Duration.ofHours(1))).as("one just finished").isFalse();
    }

    @Test
    void aWriteReachingItsProcessorAfterTheFreezeClosesItsConnectionUnprocessed() throws Exception {
        parts.state().enter(DrainPhase.FROZEN);
        EmbeddedChannel channel = new EmbeddedChannel();

        CompletionStage<@Nullable RemotingCommand> answer = trackedSend(parts, new CompletableFuture<>())
                .process(new RequestContext(channel), RemotingCommand.request(RequestCode.SEND_MESSAGE, Map.of()));

        assertThat(answer.toCompletableFuture().get()).isNull();
        assertThat(channel.isActive()).isFalse();
        assertThat(parts.writes().inflight()).isZero();
    }

    /** Starts one tracked send whose processing completes when the returned future does. */
    static CompletableFuture<@Nullable RemotingCommand> startWrite(DrainParts parts) {
        CompletableFuture<@Nullable RemotingCommand> answer = new CompletableFuture<>();
        trackedSend(parts, answer).process(new RequestContext(new EmbeddedChannel()),
                RemotingCommand.request(RequestCode.SEND_MESSAGE, Map.of()));
        return answer;
    }

    private static io.cloudmq.dataplane.remoting.netty.RequestProcessor trackedSend(
            DrainParts parts, CompletableFuture<@Nullable RemotingCommand> answer) {
        ProcessorRegistry registry = new ProcessorRegistry()
                .register(RequestCode.SEND_MESSAGE, (context, request) -> answer, Runnable::run);
        parts.writes().track(registry);
        return registry.lookup(RequestCode.SEND_MESSAGE).processor();
    }
}
