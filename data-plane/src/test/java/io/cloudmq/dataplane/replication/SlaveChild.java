package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.lifecycle.ParentWatcher;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child process of {@link SlaveProcessIT}: a slave store replicating from the parent's master until it
 * is killed. Arguments: store directory, master replication port. Prints {@code READY <end offset>} once the
 * store is open, then {@code RECEIVED <bytes>} (its replication client's received-bytes counter) whenever that
 * counter changed, checked every {@value #REPORT_MILLIS} ms; halts when its stdin closes (the parent died).
 */
public final class SlaveChild {
    static final String NAME = "child-slave";
    private static final long REPORT_MILLIS = 20;

    private SlaveChild() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatcher.watch(System.in, () -> Runtime.getRuntime().halt(3));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(Path.of(args[0])));
        ReplicationSlave slave = new ReplicationSlave(store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), NAME,
                ReplicationIT.CONFIG, metrics);
        slave.start();
        System.out.println("READY " + store.commitLogMaxOffset());
        AtomicLong reported = new AtomicLong(-1);
        Executors.newSingleThreadScheduledExecutor().scheduleWithFixedDelay(() -> {
            long received = (long) metrics.get(ReplicationSlave.RECEIVED_BYTES).counter().count();
            if (reported.getAndSet(received) != received) {
                System.out.println("RECEIVED " + received);
            }
        }, 0, REPORT_MILLIS, TimeUnit.MILLISECONDS);
        new CountDownLatch(1).await();
    }
}
