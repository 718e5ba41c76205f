package io.cloudmq.dataplane.broker;

import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeDrainStatus;
import io.cloudmq.api.node.NodeRecoveryView;
import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.dataplane.admin.AdminEndpoint;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminResponse;
import io.cloudmq.dataplane.admin.AdminRoute;
import io.cloudmq.dataplane.admin.DrainControl;
import io.cloudmq.dataplane.admin.ServingBroker;
import io.cloudmq.dataplane.broker.deadletter.DeadLetterEndpoints;
import io.cloudmq.dataplane.broker.drain.DrainMode;
import io.cloudmq.dataplane.broker.drain.DrainParts;
import io.cloudmq.dataplane.broker.drain.DrainSequence;
import io.cloudmq.dataplane.broker.read.LiveBrokerReads;
import io.cloudmq.dataplane.broker.reset.OffsetResetEndpoints;
import io.cloudmq.dataplane.broker.transaction.RolledBackEndpoints;
import io.cloudmq.dataplane.config.BrokerRole;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import io.cloudmq.dataplane.lifecycle.StopRequest;
import io.cloudmq.dataplane.store.recovery.RecoveryReport;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker role of a node: {@link #start()} opens the store under {@code data.dir}, serves the remoting
 * port and registers with the name servers ({@link RunningBroker}); {@link #close()} drains
 * ({@link DrainMode#SHUTDOWN}, unless an orchestrated drain already left) and closes it all. The drain
 * actions of the admin API ({@link DrainControl}) run on the running broker; after an orchestrated drain
 * has left, the node is asked to stop. Health shows how the store was recovered when {@link #start()} opened it
 * ({@link #recovery()}). {@link #adminRoutes()} are the master's own admin endpoints (offset
 * resets, dead letters); they answer 503 while the role is not running and 409 on a slave.
 *
 * <p>{@link #promote} turns a slave into its group's master by restarting the role in this process with
 * the promoted configuration (broker id 0, the new epoch), the way a role change is meant to happen: every
 * service of a role is built for that role. The opposite change is the fencing of a deposed master: when a
 * name server refuses this master's registration for its stale epoch, the role restarts as a SLAVE of the
 * master the name server names ({@link NodeConfig#deposed}); its replication then cuts the log at the common
 * point of the two epoch histories and catches up.
 *
 * <p>Threading: {@link #start}, {@link #close}, {@link #promote} and the demotion are serialised on this
 * object (the node runtime, admin threads and the role-change thread, which takes demotions off the
 * registrar's connection thread); {@link #replicationView}, the drain actions and {@link #serving()} may run
 * concurrently with them.
 */
public final class Broker implements Lifecycle, ServingBroker {
    private static final Logger log = LoggerFactory.getLogger(Broker.class);

    /** How a promotion request ended. */
    public enum PromotionStatus {
        /** This slave is now the master in the requested epoch. */
        PROMOTED,
        /** This broker already is the master in the requested epoch (a repeated request). */
        ALREADY_MASTER,
        /** The requested epoch is not newer than this broker's log's; nothing changed. */
        STALE_EPOCH,
        /** This broker is a master of another epoch; only a slave is promoted. */
        NOT_A_SLAVE,
        /** The broker role is not serving (starting, stopped, or a promotion failed). */
        NOT_RUNNING
    }

    /** A promotion's outcome and, unless not running, where the log stands afterwards. */
    public record Promotion(PromotionStatus status, @Nullable ReplicationView view) {}

    private final BrokerSettings settings;
    private final StopRequest stop;
    private final DrainParts drain;
    private final LiveBrokerReads reads;
    private final ExecutorService roleChanges = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broker-role-change");
        thread.setDaemon(true);
        return thread;
    });
    private volatile NodeContext context;
    private volatile @Nullable RunningBroker running;
    private volatile @Nullable NodeRecoveryView recovery;

    /** @param reads where the admin read endpoints find the serving broker's data */
    public Broker(NodeContext context, BrokerSettings settings, StopRequest stop, LiveBrokerReads reads) {
        this.context = context;
        this.settings = settings;
        this.stop = stop;
        this.reads = reads;
        this.drain = DrainParts.create(context.metrics(), Clock.systemUTC());
    }

    /** The admin endpoints served by a running master broker (offset resets, dead letters, rolled-back halves). */
    public List<AdminRoute> adminRoutes() {
        return List.of(
                AdminRoute.post(OffsetResetEndpoints.PREVIEW_PATH, onMaster((broker, request) ->
                        broker.resetEndpoints().preview(request))),
                AdminRoute.post(OffsetResetEndpoints.APPLY_PATH, onMaster((broker, request) ->
                        broker.resetEndpoints().apply(request))),
                AdminRoute.post(DeadLetterEndpoints.LIST_PATH, onMaster((broker, request) ->
                        broker.deadLetterEndpoints().list(request))),
                AdminRoute.post(DeadLetterEndpoints.RESEND_PATH, onMaster((broker, request) ->
                        broker.deadLetterEndpoints().resend(request))),
                AdminRoute.post(RolledBackEndpoints.LIST_PATH, onMaster((broker, request) ->
                        broker.rolledBackEndpoints().list(request))));
    }

    private AdminEndpoint onMaster(BiFunction<RunningBroker, AdminRequest, AdminResponse> call) {
        return request -> {
            RunningBroker current = running;
            if (current == null) {
                return AdminResponse.error(503, "not-running", "the broker is not running");
            }
            if (!current.master()) {
                return AdminResponse.error(409, "not-master", "this is served by the master of the broker group");
            }
            return call.apply(current, request);
        };
    }

    @Override
    public synchronized void start() throws IOException {
        RunningBroker started = RunningBroker.start(context, settings, drain, this::deposedBy);
        running = started;
        RecoveryReport report = started.recoveryReport();
        recovery = new NodeRecoveryView(report.mode().name(), report.duration().toMillis(), report.recoveredOffset(),
                report.tornTailTruncated());
        reads.attach(started.reads());
    }

    /**
     * Makes this slave the master of its group in {@code epoch} with {@code masterRole}: stops replicating
     * and serving, restarts the role as broker id 0 (the store records the new term at its end) and
     * registers with every name server under the new epoch.
     *
     * @throws IOException if the promoted role failed to start (the broker then serves nothing)
     */
    public synchronized Promotion promote(long epoch, BrokerRole masterRole) throws IOException {
        RunningBroker current = running;
        if (current == null) {
            return new Promotion(PromotionStatus.NOT_RUNNING, null);
        }
        ReplicationView view = current.replicationView();
        if (!view.brokerRole().equals(BrokerRole.SLAVE.name())) {
            return new Promotion(view.epoch() == epoch ? PromotionStatus.ALREADY_MASTER
                    : view.epoch() > epoch ? PromotionStatus.STALE_EPOCH : PromotionStatus.NOT_A_SLAVE, view);
        }
        if (epoch <= view.epoch()) {
            return new Promotion(PromotionStatus.STALE_EPOCH, view);
        }
        log.info("promoting to {} in epoch {} at offset {}", masterRole, epoch, view.endOffset());
        RunningBroker promoted = restart(current, context.config().promoted(masterRole, epoch));
        return new Promotion(PromotionStatus.PROMOTED, promoted.replicationView());
    }

    /** Closes {@code current} and starts the role anew from {@code config}; the caller holds this monitor. */
    private RunningBroker restart(RunningBroker current, NodeConfig config) throws IOException {
        reads.detach();
        running = null;
        current.close();
        context = new NodeContext(config, context.json(), context.metrics(), context.desiredState(),
                context.credentials());
        RunningBroker restarted = RunningBroker.start(context, settings, drain, this::deposedBy);
        running = restarted;
        reads.attach(restarted.reads());
        return restarted;
    }

    private void deposedBy(String masterAddress) {
        try {
            roleChanges.execute(() -> demote(masterAddress));
        } catch (RejectedExecutionException e) {
            log.debug("broker closing, not following master {}", masterAddress);
        }
    }

    /** Restarts a master the name servers refused for its stale epoch as a slave of {@code masterAddress}. */
    private synchronized void demote(String masterAddress) {
        RunningBroker current = running;
        if (current == null || current.replicationView().brokerRole().equals(BrokerRole.SLAVE.name())) {
            return;
        }
        log.warn("a name server refused this master for its stale epoch; restarting as slave of {}", masterAddress);
        try {
            restart(current, context.config().deposed(masterAddress));
        } catch (IOException | RuntimeException e) {
            log.error("restarting as slave of {} failed; the broker role is not serving", masterAddress, e);
        }
    }

    @Override
    public int brokerId() {
        RunningBroker current = running;
        if (current != null) {
            return Math.toIntExact(current.replicationView().brokerId());
        }
        return Objects.requireNonNull(context.config().brokerId(), "a broker's configuration has a broker id");
    }

    @Override
    public @Nullable NodeRecoveryView recovery() {
        return recovery;
    }

    /** Where this broker's log stands, empty while the role is not serving. */
    public Optional<ReplicationView> replicationView() {
        RunningBroker current = running;
        return current == null ? Optional.empty() : Optional.of(current.replicationView());
    }

    @Override
    public synchronized void close() {
        roleChanges.shutdownNow();
        RunningBroker current = running;
        if (current == null) {
            return;
        }
        reads.detach();
        try {
            current.drainSequence().drain(DrainMode.SHUTDOWN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("shutdown drain interrupted in phase {}; closing now", drain.state().phase());
        }
        current.close();
        running = null;
    }

    @Override
    public NodeDrainResult fence() throws InterruptedException {
        return sequence().fence();
    }

    @Override
    public NodeDrainResult unfence() throws InterruptedException {
        return sequence().unfence();
    }

    @Override
    public NodeDrainResult drain() throws InterruptedException {
        RunningBroker current = running();
        NodeDrainResult result = current.drainSequence().drain(DrainMode.ORCHESTRATED);
        if (result.status() == NodeDrainStatus.LEFT) {
            try {
                current.markDrained();
            } catch (IOException e) {
                log.warn("the drain marker was not written; the next start is fenced only if it names a slave", e);
            }
            stop.request("drained, left the name servers");
        }
        return result;
    }

    @Override
    public NodeServingView serving() {
        return drain.view();
    }

    private DrainSequence sequence() {
        return running().drainSequence();
    }

    private RunningBroker running() {
        RunningBroker current = running;
        if (current == null) {
            throw new IllegalStateException("the broker role is not serving");
        }
        return current;
    }
}
