package io.cloudmq.dataplane.broker;

import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.dataplane.broker.processor.PullSuggestion;
import io.cloudmq.dataplane.broker.processor.ReplicaReadSuggestion;
import io.cloudmq.dataplane.broker.processor.ReplicaWait;
import io.cloudmq.dataplane.config.BrokerRole;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.replication.ReplicaLag;
import io.cloudmq.dataplane.replication.ReplicationConfig;
import io.cloudmq.dataplane.replication.ReplicationKey;
import io.cloudmq.dataplane.replication.ReplicationMaster;
import io.cloudmq.dataplane.replication.ReplicationSlave;
import io.cloudmq.dataplane.store.ReplicatedLog;
import io.cloudmq.dataplane.store.meta.EpochEntry;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * A broker's side of replication, chosen by its {@link BrokerRole}: a master serves its commit log on the
 * replication port (remoting port + 1, all interfaces) to any slave that proves the cluster's node token
 * ({@link ReplicationKey}); a slave replicates from
 * {@code master.addr}'s port + 1. Lag gauges go to the node's metrics ({@code cloudmq.replication.*}).
 *
 * <p>A master starts its leadership term: when {@code broker.epoch} is newer than the last term of the
 * store's epoch history (after a promotion), that epoch is recorded (fsynced) from the log's end before
 * anything else is written, so a deposed master's later bytes never pass for this term's.
 *
 * <p>Threading: {@link #start} and {@link #close} once each from the broker's start and close;
 * {@link #replicaWait} and {@link #pullSuggestion} from any thread.
 */
final class BrokerReplication implements AutoCloseable {
    private final BrokerRole role;
    private final ReplicatedLog store;
    private final @Nullable ReplicationMaster master;
    private final @Nullable ReplicationSlave slave;

    private BrokerReplication(BrokerRole role, ReplicatedLog store, @Nullable ReplicationMaster master,
            @Nullable ReplicationSlave slave) {
        this.role = role;
        this.store = store;
        this.master = master;
        this.slave = slave;
    }

    /** The replication of the broker {@code config} describes, not yet started. */
    static BrokerReplication of(NodeConfig config, ReplicatedLog store, MeterRegistry registry) {
        BrokerRole role = Objects.requireNonNull(config.brokerRole());
        ReplicationConfig settings = ReplicationConfig.defaults(ReplicationKey.of(config.adminToken().value()))
                .withInSync(config.replicationInSync());
        if (role.isMaster()) {
            if (config.brokerEpoch() > epochOf(store)) {
                store.recordEpoch(new EpochEntry(config.brokerEpoch(), store.commitLogMaxOffset()));
            }
            InetSocketAddress bind = new InetSocketAddress(ReplicationConfig.replicationPort(config.listenPort()));
            return new BrokerReplication(role, store, new ReplicationMaster(store, bind, settings, registry), null);
        }
        String masterAddress = Objects.requireNonNull(config.masterAddress());
        int colon = masterAddress.lastIndexOf(':');
        InetSocketAddress replicationAddress = new InetSocketAddress(masterAddress.substring(0, colon),
                ReplicationConfig.replicationPort(Integer.parseInt(masterAddress.substring(colon + 1))));
        return new BrokerReplication(role, store, null,
                new ReplicationSlave(store, replicationAddress, config.nodeId(), settings, registry));
    }

    BrokerRole role() {
        return role;
    }

    /** The leadership epoch of {@code store}'s log: its epoch history's last term, 0 without one. */
    static long epochOf(ReplicatedLog store) {
        List<EpochEntry> history = store.epochHistory();
        return history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    }

    /** Where this broker's log stands, for the control plane's failover. */
    ReplicationView view(long brokerId) {
        ReplicationMaster currentMaster = master;
        ReplicationSlave currentSlave = slave;
        long acked = currentMaster == null ? -1 : currentMaster.ackWaiter().confirmedOffset();
        boolean inSync = currentMaster != null ? currentMaster.replicas().anyInSync()
                : currentSlave != null && currentSlave.isInSync();
        long lagBytes = currentSlave == null ? 0 : currentSlave.lagBytes();
        long lagMillis = currentSlave == null ? 0 : currentSlave.lagMillis();
        return new ReplicationView(role.name(), brokerId, epochOf(store), store.commitLogMaxOffset(), acked, inSync,
                lagBytes, lagMillis);
    }

    /**
     * What a stored send waits for: a slave's confirmation on a SYNC_MASTER, nothing otherwise.
     *
     * @param slaveExpected whether a slave is expected back now, so a send waits for it though none is in sync
     */
    ReplicaWait replicaWait(BooleanSupplier slaveExpected) {
        ReplicationMaster current = master;
        return role == BrokerRole.SYNC_MASTER && current != null
                ? endOffset -> current.ackWaiter().await(endOffset, slaveExpected.getAsBoolean())
                : ReplicaWait.NONE;
    }

    /** Which broker this one's pull answers suggest: a slave while in sync for cold reads (issue 7). */
    PullSuggestion pullSuggestion(long brokerId) {
        ReplicationMaster currentMaster = master;
        ReplicationSlave currentSlave = slave;
        if (currentMaster != null) {
            return ReplicaReadSuggestion.onMaster(() -> currentMaster.replicas().anyInSync());
        }
        return ReplicaReadSuggestion.onSlave(brokerId, Objects.requireNonNull(currentSlave)::isStreaming);
    }

    /** Commit-log bytes some connected slave has not confirmed; 0 on a slave or on a master without slaves. */
    long unreplicatedBytes() {
        ReplicationMaster current = master;
        return current == null ? 0
                : current.replicas().lags().stream().mapToLong(ReplicaLag::lagBytes).max().orElse(0);
    }

    void start() throws IOException {
        if (master != null) {
            master.start();
        }
        if (slave != null) {
            slave.start();
        }
    }

    @Override
    public void close() {
        if (master != null) {
            master.close();
        }
        if (slave != null) {
            slave.close();
        }
    }
}
