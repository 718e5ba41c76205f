package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.AdminHttp;
import io.cloudmq.dataplane.NodeProcess;
import io.cloudmq.dataplane.TestCredentials;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.config.NodeConfigLoader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot successor's broker warm-up ({@link BrokerWarmUp}): its sends and pulls go through a real broker's
 * processors (counted by the throwaway broker's meters) and it leaves nothing behind — neither files in its scratch
 * directory nor anything in the node's data directory.
 */
class BrokerWarmUpIT {
    private static final int MESSAGES = 300;

    @TempDir
    Path dir;

    @Test
    void sendsAndPullsBackEveryMessageThroughAThrowawayBrokerAndDeletesIt() throws Exception {
        MeterRegistry metrics = new SimpleMeterRegistry();
        DesiredState current = new DesiredState(7, List.of(), List.of(), List.of(), TestCredentials.operator());

        int sent = BrokerWarmUp.run(node(), current, metrics, MESSAGES, scratch());

        assertThat(sent).isEqualTo(MESSAGES);
        assertThat(count(metrics, "cloudmq.topic.messages.in")).isEqualTo(MESSAGES);
        assertThat(count(metrics, "cloudmq.topic.messages.out")).as("pulled back").isEqualTo(MESSAGES);
        assertLeftNothing();
    }

    @Test
    void withoutAnOperatorCredentialItsRequestsAreRefusedAndItStillEnds() throws Exception {
        MeterRegistry metrics = new SimpleMeterRegistry();

        int sent = BrokerWarmUp.run(node(), new DesiredState(1, List.of(), List.of()), metrics, MESSAGES, scratch());

        assertThat(sent).isZero();
        assertThat(count(metrics, "cloudmq.topic.messages.in")).isZero();
        assertLeftNothing();
    }

    private NodeConfig node() throws Exception {
        Path file = dir.resolve("node.properties");
        StringBuilder properties = new StringBuilder();
        NodeProcess.broker(dir.resolve("data"), AdminHttp.freePort())
                .forEach((key, value) -> properties.append(key).append('=').append(value).append('\n'));
        Files.writeString(file, properties);
        return NodeConfigLoader.load(new String[] {"--config", file.toString()}, Map.of()).config();
    }

    private Path scratch() throws Exception {
        return Files.createDirectories(dir.resolve("scratch"));
    }

    private static double count(MeterRegistry metrics, String name) {
        return metrics.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private void assertLeftNothing() throws Exception {
        try (Stream<Path> left = Files.list(dir.resolve("scratch"))) {
            assertThat(left).as("the throwaway broker's directory").isEmpty();
        }
        assertThat(dir.resolve("data")).as("the node's data directory").doesNotExist();
    }
}
