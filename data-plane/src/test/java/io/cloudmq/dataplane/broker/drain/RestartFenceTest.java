package io.cloudmq.dataplane.broker.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.config.DrainConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartFenceTest {
    private final DrainParts parts = DrainParts.create(new SimpleMeterRegistry(), Clock.systemUTC());
    private final FakeDrainTarget target = new FakeDrainTarget(parts.state());
    private final DrainSequence sequence = new DrainSequence(parts, target,
            (condition, deadline) -> condition.getAsBoolean(), DrainConfig.defaults());
    private final AtomicBoolean slaveInSync = new AtomicBoolean();

    @TempDir
    Path dataDir;

    @Test
    void aSyncMasterStartedAfterADrainStaysFencedUntilASlaveIsInSyncThenOpensWritesOnce() throws Exception {
        new RestartFence(dataDir).mark();
        RestartFence restarted = new RestartFence(dataDir);

        boolean fenced = restarted.fenceIfDrained(true, parts.state());
        restarted.reopenWhenInSync(slaveInSync::get, sequence);
        DrainPhase beforeTheSlave = parts.state().phase();
        slaveInSync.set(true);
        restarted.reopenWhenInSync(slaveInSync::get, sequence);
        restarted.reopenWhenInSync(slaveInSync::get, sequence);

        assertThat(fenced).isTrue();
        assertThat(beforeTheSlave).isEqualTo(DrainPhase.FENCED);
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
        assertThat(target.registrations).as("one writable registration").containsExactly(DrainPhase.SERVING);
        assertThat(dataDir.resolve(RestartFence.MARKER)).doesNotExist();
    }

    @Test
    void onlyADrainedSyncMasterStartsFenced() throws Exception {
        boolean withoutDrain = new RestartFence(dataDir).fenceIfDrained(true, parts.state());
        new RestartFence(dataDir).mark();
        boolean asyncMaster = new RestartFence(dataDir).fenceIfDrained(false, parts.state());
        boolean startAfterThat = new RestartFence(dataDir).fenceIfDrained(true, parts.state());

        assertThat(withoutDrain).isFalse();
        assertThat(asyncMaster).isFalse();
        assertThat(startAfterThat).as("the marker is taken by the start after the drain").isFalse();
        assertThat(parts.state().phase()).isEqualTo(DrainPhase.SERVING);
    }
}
