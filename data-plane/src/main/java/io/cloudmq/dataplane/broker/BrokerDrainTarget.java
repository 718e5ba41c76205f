package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.drain.DrainTarget;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.processor.PullRequestHoldService;
import io.cloudmq.dataplane.broker.registration.NameServerRegistrar;
import io.cloudmq.dataplane.config.BrokerRole;
import io.cloudmq.dataplane.remoting.netty.RemotingServer;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running broker as its drain sees it. Consumer lag counts only groups with a consumer connected now
 * (an offline group would never catch up) and only queues the group has committed on. Thread-safe: every
 * part is, and {@link #leave()} runs once.
 */
final class BrokerDrainTarget implements DrainTarget {
    private static final Logger log = LoggerFactory.getLogger(BrokerDrainTarget.class);
    private static final long UNREGISTER_WAIT_SECONDS = 3;

    private final NameServerRegistrar registrar;
    private final DefaultMessageStore store;
    private final BrokerReplication replication;
    private final ConsumerOffsetStore offsets;
    private final ClientRegistry clients;
    private final PullRequestHoldService holds;
    private final RemotingServer server;
    private final AtomicBoolean left = new AtomicBoolean();

    BrokerDrainTarget(NameServerRegistrar registrar, DefaultMessageStore store, BrokerReplication replication,
            ConsumerOffsetStore offsets, ClientRegistry clients, PullRequestHoldService holds, RemotingServer server) {
        this.registrar = registrar;
        this.store = store;
        this.replication = replication;
        this.offsets = offsets;
        this.clients = clients;
        this.holds = holds;
        this.server = server;
    }

    @Override
    public boolean takesSends() {
        return replication.role() != BrokerRole.SLAVE;
    }

    @Override
    public CompletableFuture<Void> reregister() {
        return registrar.registerAll();
    }

    @Override
    public void flush() {
        store.checkpoint();
    }

    @Override
    public long unreplicatedBytes() {
        return replication.unreplicatedBytes();
    }

    @Override
    public long consumerLag() {
        long lag = 0;
        for (Map.Entry<String, Map<Integer, Long>> entry : offsets.snapshot().entrySet()) {
            int separator = entry.getKey().indexOf('@');
            String topic = entry.getKey().substring(0, separator);
            String group = entry.getKey().substring(separator + 1);
            if (clients.consumers(group).isEmpty()) {
                continue;
            }
            for (Map.Entry<Integer, Long> queue : entry.getValue().entrySet()) {
                lag += Math.max(0, store.maxOffset(topic, queue.getKey()) - queue.getValue());
            }
        }
        return lag;
    }

    /** Leaves once; later calls (the close after a drain) do nothing. */
    @Override
    public void leave() {
        if (!left.compareAndSet(false, true)) {
            return;
        }
        holds.close();
        try {
            registrar.unregisterAll().get(UNREGISTER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("unregistering from the name servers did not finish: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stopAccepting();
    }
}
