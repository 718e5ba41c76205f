package io.cloudmq.dataplane.broker.drain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A broker that records what the drain did to it; its figures are set by the test. Single-threaded use. */
final class FakeDrainTarget implements DrainTarget {
    private final DrainState state;
    final List<DrainPhase> registrations = new ArrayList<>();
    boolean nameServersConfirm = true;
    boolean takesSends = true;
    long unreplicatedBytes;
    long consumerLag;
    int flushes;
    boolean left;

    FakeDrainTarget(DrainState state) {
        this.state = state;
    }

    @Override
    public boolean takesSends() {
        return takesSends;
    }

    @Override
    public CompletableFuture<Void> reregister() {
        registrations.add(state.phase());
        return nameServersConfirm ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("name server refused"));
    }

    @Override
    public void flush() {
        flushes++;
    }

    @Override
    public long unreplicatedBytes() {
        return unreplicatedBytes;
    }

    @Override
    public long consumerLag() {
        return consumerLag;
    }

    @Override
    public void leave() {
        left = true;
    }
}
