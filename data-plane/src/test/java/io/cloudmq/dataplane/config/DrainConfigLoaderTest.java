package io.cloudmq.dataplane.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code drain.*.ms} keys of a node's configuration. */
class DrainConfigLoaderTest {
    private static final String BROKER = """
            role=broker
            node.id=broker-a-0
            data.dir=%s
            listen.port=10911
            broker.name=broker-a
            broker.id=0
            namesrv.addr=127.0.0.1:9876
            admin.token=0123456789abcdef
            """;

    @TempDir
    Path dir;

    @Test
    void drainDeadlinesDefaultWhenUnset() throws Exception {
        assertThat(load("").drain()).isEqualTo(DrainConfig.defaults());
    }

    @Test
    void drainDeadlinesAreReadInMilliseconds() throws Exception {
        DrainConfig drain = load("drain.fence.timeout.ms=7000\ndrain.shutdown.propagate.ms=0\n"
                + "drain.consumers.timeout.ms=250\ndrain.close.quiet.ms=40\ndrain.close.grace.ms=1500\n").drain();

        assertThat(drain.fenceTimeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(drain.shutdownPropagate()).isZero();
        assertThat(drain.consumersTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(drain.closeQuiet()).isEqualTo(Duration.ofMillis(40));
        assertThat(drain.closeGrace()).isEqualTo(Duration.ofMillis(1500));
        assertThat(drain.replicaTimeout()).isEqualTo(DrainConfig.defaults().replicaTimeout());
    }

    @Test
    void aNegativeDrainDeadlineIsRejected() {
        assertThatThrownBy(() -> load("drain.replica.timeout.ms=-5\n"))
                .isInstanceOfSatisfying(InvalidNodeConfigException.class, e -> assertThat(e.problems())
                        .anyMatch(problem -> problem.startsWith("drain.replica.timeout.ms")));
    }

    private NodeConfig load(String extra) throws Exception {
        Path file = dir.resolve("node.properties");
        Files.writeString(file, BROKER.formatted(dir.resolve("data")) + extra);
        return NodeConfigLoader.load(new String[] {"--config", file.toString()}, Map.of()).config();
    }
}
