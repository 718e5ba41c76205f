package io.cloudmq.dataplane.replication;

import io.cloudmq.dataplane.lifecycle.ParentWatcher;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.TestStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Child process of {@link SlaveProcessIT}: a slave store replicating from the parent's master until it
 * is killed. Arguments: store directory, master replication port. Prints {@code READY} once the store
 * is open; halts when its stdin closes (the parent died).
 */
public final class SlaveChild {
    static final String NAME = "child-slave";

    private SlaveChild() {}

    public static void main(String[] args) throws InterruptedException {
        ParentWatcher.watch(System.in, () -> Runtime.getRuntime().halt(3));
        DefaultMessageStore store = DefaultMessageStore.open(TestStores.config(Path.of(args[0])));
        ReplicationSlave slave = new ReplicationSlave(store,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(args[1])), NAME,
                ReplicationIT.CONFIG, new SimpleMeterRegistry());
        slave.start();
        System.out.println("READY");
        new CountDownLatch(1).await();
    }
}
