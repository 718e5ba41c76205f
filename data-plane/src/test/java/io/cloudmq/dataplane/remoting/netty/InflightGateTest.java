package io.cloudmq.dataplane.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class InflightGateTest {
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final InflightGate gate = new InflightGate(channel, 3, 1);

    @Test
    void stopsReadingAtTheHighWaterMarkAndResumesAtTheLowOne() {
        gate.acquire();
        gate.acquire();
        assertThat(channel.config().isAutoRead()).isTrue();

        gate.acquire();
        assertThat(channel.config().isAutoRead()).isFalse();

        gate.release();
        assertThat(channel.config().isAutoRead()).as("still above the low-water mark").isFalse();

        gate.release();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    @Test
    void stopsReadingWhileARequestIsParked() {
        gate.acquire();
        gate.park();
        assertThat(channel.config().isAutoRead()).isFalse();

        gate.unpark();
        assertThat(channel.config().isAutoRead()).isTrue();
    }
}
