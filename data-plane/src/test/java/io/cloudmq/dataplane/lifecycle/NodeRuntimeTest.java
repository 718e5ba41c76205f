package io.cloudmq.dataplane.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeRuntimeTest {
    private final List<String> events = new ArrayList<>();

    private Lifecycle service(String name, boolean failsToStart) {
        return new Lifecycle() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void start() throws IOException {
                if (failsToStart) {
                    throw new IOException(name + " cannot bind");
                }
                events.add("start " + name);
            }

            @Override
            public void close() {
                events.add("close " + name);
            }
        };
    }

    @Test
    void startsInOrderAndClosesInReverseOnce() throws Exception {
        NodeRuntime runtime = new NodeRuntime(List.of(service("metrics", false), service("admin", false)));

        runtime.start();
        runtime.close();
        runtime.close();
        runtime.awaitClosed();

        assertThat(events).containsExactly("start metrics", "start admin", "close admin", "close metrics");
    }

    @Test
    void closesWhatStartedWhenAServiceFailsToStart() throws Exception {
        NodeRuntime runtime = new NodeRuntime(
                List.of(service("metrics", false), service("admin", true), service("broker", false)));

        assertThatThrownBy(runtime::start).isInstanceOf(IOException.class).hasMessage("admin cannot bind");
        runtime.awaitClosed();

        assertThat(events).containsExactly("start metrics", "close metrics");
    }

    @Test
    void startsNothingOnceClosed() throws Exception {
        NodeRuntime runtime = new NodeRuntime(List.of(service("metrics", false)));

        runtime.close();
        runtime.start();

        assertThat(events).isEmpty();
    }
}
