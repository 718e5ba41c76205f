package io.cloudmq.dataplane.broker;

import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.dataplane.auth.CredentialAuthorizer;
import io.cloudmq.dataplane.auth.OperatorSigner;
import io.cloudmq.dataplane.auth.RequestNamespaceTranslator;
import io.cloudmq.dataplane.auth.TopicVisibility;
import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.client.ConsumerListWarmUp;
import io.cloudmq.dataplane.broker.client.ConsumerMembershipFile;
import io.cloudmq.dataplane.broker.client.RebalanceNotifier;
import io.cloudmq.dataplane.broker.deadletter.DeadLetterEndpoints;
import io.cloudmq.dataplane.broker.deadletter.DeadLetters;
import io.cloudmq.dataplane.broker.drain.ConditionWait;
import io.cloudmq.dataplane.broker.drain.DrainParts;
import io.cloudmq.dataplane.broker.drain.DrainSequence;
import io.cloudmq.dataplane.broker.drain.FencedRegistration;
import io.cloudmq.dataplane.broker.drain.RestartFence;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.processor.BrokerMetrics;
import io.cloudmq.dataplane.broker.processor.PullRequestHoldService;
import io.cloudmq.dataplane.broker.read.BrokerReadModel;
import io.cloudmq.dataplane.broker.read.GroupMeters;
import io.cloudmq.dataplane.broker.read.ParkedRetries;
import io.cloudmq.dataplane.broker.registration.BrokerIdentity;
import io.cloudmq.dataplane.broker.registration.NameServerRegistrar;
import io.cloudmq.dataplane.broker.registration.RegistrarConfig;
import io.cloudmq.dataplane.broker.reset.OffsetResetEndpoints;
import io.cloudmq.dataplane.broker.transaction.RolledBackEndpoints;
import io.cloudmq.dataplane.broker.transaction.RolledBackHalves;
import io.cloudmq.dataplane.broker.transaction.TransactionCheckService;
import io.cloudmq.dataplane.broker.transaction.TransactionOpLog;
import io.cloudmq.dataplane.config.BrokerRole;
import io.cloudmq.dataplane.config.DesiredStateListener;
import io.cloudmq.dataplane.config.NodeConfig;
import io.cloudmq.dataplane.lifecycle.NodeContext;
import io.cloudmq.dataplane.remoting.netty.ConnectionListener;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingServer;
import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.StorageException;
import io.cloudmq.dataplane.store.StoreConfig;
import io.cloudmq.dataplane.store.retention.DiskUsageProbe;
import io.cloudmq.dataplane.store.file.StateFile;
import io.cloudmq.dataplane.store.recovery.RecoveryReport;
import io.cloudmq.dataplane.store.schedule.DelayLevels;
import io.cloudmq.dataplane.store.schedule.ReplicatedScheduleProgress;
import io.cloudmq.dataplane.store.schedule.ScheduleService;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A started broker: store, tables, offsets, clients, processors on the remoting server, replication by
 * role ({@link BrokerReplication}; a slave also reconciles consumer offsets with its master's, {@link
 * MasterOffsetSync}), on a master the delayed-message delivery and the transaction checks, and the
 * registration with the name servers, which follows the desired state (a changed topic table is
 * re-registered at once). Every request passes the {@link CredentialAuthorizer} of the node's credential
 * table; registrations are signed with the operator credential ({@link OperatorSigner}). Built started by
 * {@link #start}; {@link #close()} answers held pulls, unregisters, stops serving and replicating, persists
 * offsets and closes the store, in that order. Requests pass the drain's GO_AWAY gate first, writes are
 * tracked, and the registered topic table loses write permission while fenced ({@link DrainSequence}); a
 * SYNC_MASTER that knows a slave, or starts after an orchestrated drain, stays fenced until a slave is in sync or
 * {@code restart.fence.timeout.ms} passed ({@link RestartFence}). A start on existing data refuses a group's
 * consumer list until its last stored members ({@link ConsumerMembershipFile}) heartbeated again, at most one client
 * heartbeat interval ({@link ConsumerListWarmUp}), and then tells every known group to rebalance.
 *
 * <p>Thread-safe; the desired-state listener and the background tasks run on their own threads.
 */
final class RunningBroker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunningBroker.class);
    static final String OFFSETS_FILE = "consumer-offsets.json";
    static final String SCHEDULE_PROGRESS_FILE = "schedule-progress.bin";
    static final String MEMBERS_FILE = "consumer-members.json";
    private static final Duration SCHEDULE_INTERVAL = Duration.ofMillis(100);
    private static final Duration DRAIN_POLL_INTERVAL = Duration.ofMillis(20);
    private static final Duration RESTART_FENCE_CHECK = Duration.ofMillis(200);

    private final DefaultMessageStore store;
    private final ConsumerOffsetStore offsets;
    private final TopicTable topics = new TopicTable();
    private final GroupTable groups = new GroupTable();
    private final ClientRegistry clients = new ClientRegistry(this::persistMembers);
    private final BrokerMetrics metrics;
    private final PullRequestHoldService holds;
    private final BrokerExecutors executors;
    private final RebalanceNotifier notifier;
    private final ConsumerMembershipFile membershipFile;
    private final ConsumerListWarmUp consumerListWarmUp;
    private Map<String, Set<String>> persistedMembers = Map.of();
    private final RemotingServer server;
    private final NameServerRegistrar registrar;
    private final @Nullable ScheduleService schedule;
    private final TransactionCheckService transactionChecks;
    private final BrokerReplication replication;
    private final @Nullable MasterOffsetSync offsetSync;
    private final BrokerDrainTarget drainTarget;
    private final DrainSequence drainSequence;
    private final DrainParts drain;
    private final RestartFence restartFence;
    private final NodeContext context;
    private final long brokerId;
    private final DesiredStateListener desiredStateListener = this::onDesiredState;
    private final BrokerReadModel reads;
    private final GroupMeters groupMeters;
    private final OffsetResetEndpoints resetEndpoints;
    private final DeadLetterEndpoints deadLetterEndpoints;
    private final RolledBackEndpoints rolledBackEndpoints;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "broker-background");
        thread.setDaemon(true);
        return thread;
    });

    private RunningBroker(NodeContext context, BrokerSettings settings, DefaultMessageStore store,
            ConsumerOffsetStore offsets, InetSocketAddress storeAddress, DrainParts drain, Consumer<String> deposed)
            throws IOException {
        NodeConfig config = context.config();
        Clock clock = Clock.systemUTC();
        this.store = store;
        this.offsets = offsets;
        this.metrics = new BrokerMetrics(context.metrics());
        this.holds = new PullRequestHoldService(clock, settings.pullHoldCheckInterval());
        metrics.watch(holds);
        this.executors = new BrokerExecutors(settings);
        this.notifier = new RebalanceNotifier(clients, this::sendOneway);
        this.context = context;
        this.brokerId = Objects.requireNonNull(config.brokerId());
        this.replication = BrokerReplication.of(config, store, context.metrics());
        String masterAddress = config.masterAddress();
        StateFile scheduleProgressFile = new StateFile(config.dataDir().resolve(SCHEDULE_PROGRESS_FILE));
        ReplicatedScheduleProgress scheduleCopy = masterAddress == null
                ? null : ReplicatedScheduleProgress.open(scheduleProgressFile, DelayLevels.DEFAULT);
        this.offsetSync = masterAddress == null || scheduleCopy == null
                ? null
                : new MasterOffsetSync(masterAddress, offsets, scheduleCopy, new OperatorSigner(context.credentials()));
        BrokerIdentity identity = new BrokerIdentity(config.cluster(), Objects.requireNonNull(config.brokerName()),
                brokerId, config.advertisedHost() + ":" + config.listenPort(),
                config.advertisedHost() + ":" + (config.listenPort() + 1), BrokerReplication.epochOf(store));
        TransactionOpLog transactions = TransactionOpLog.open(store, storeAddress);
        this.membershipFile = new ConsumerMembershipFile(new StateFile(config.dataDir().resolve(MEMBERS_FILE)),
                context.json());
        this.consumerListWarmUp = ConsumerListWarmUp.startingNow(store.commitLogMaxOffset() > 0,
                lastKnownMembers(membershipFile), settings.consumerListWarmUp(), clock);
        this.restartFence = new RestartFence(config.dataDir(), config.restartFenceTimeout(), clock);
        BrokerProcessors processors = new BrokerProcessors(topics, groups, clients, notifier, offsets, store, holds,
                metrics, transactions, new TopicVisibility(context.credentials())::forRequest, identity.brokerName(),
                scheduleCopy == null ? this::scheduleProgress : scheduleCopy::table, consumerListWarmUp, clock);
        this.resetEndpoints = new OffsetResetEndpoints(groups, topics, processors.resets(), identity.brokerName());
        this.deadLetterEndpoints = new DeadLetterEndpoints(groups, new DeadLetters(topics, store, storeAddress),
                identity.brokerName());
        this.rolledBackEndpoints = new RolledBackEndpoints(new RolledBackHalves(store, storeAddress),
                identity.brokerName());
        ProcessorRegistry registry = processors.registry(executors, config.cluster(), replication.role().isMaster(),
                replication.replicaWait(restartFence::waitingForSlave),
                replication.pullSuggestion(brokerId), storeAddress, this::reregister);
        drain.writes().track(registry);
        this.server = new RemotingServer(RemotingServerConfig.defaults(config.listenPort()), registry,
                new CredentialAuthorizer(context.credentials()), new RequestNamespaceTranslator(), drain.admission(),
                new ConnectionListener() {
                    @Override
                    public void onConnected(Channel channel) {
                        metrics.connected();
                    }

                    @Override
                    public void onDisconnected(Channel channel) {
                        metrics.disconnected();
                        notifier.notifyGroups(clients.removeChannel(channel));
                    }
                });
        this.registrar = new NameServerRegistrar(RegistrarConfig.defaults(config.namesrvAddresses()), identity,
                new FencedRegistration(topics::registrationTable, drain.state()),
                new OperatorSigner(context.credentials()), deposed);
        this.drainTarget = new BrokerDrainTarget(registrar, store, replication, offsets, clients, holds, server);
        this.drainSequence = new DrainSequence(drain, drainTarget,
                ConditionWait.polling(DRAIN_POLL_INTERVAL), config.drain());
        this.drain = drain;
        store.addArrivalListener(holds);
        this.transactionChecks = new TransactionCheckService(store, transactions, clients::producerChannels,
                this::sendOneway, clock, config.transactionChecks(), storeAddress);
        this.schedule = brokerId == 0 ? ScheduleService.open(store, DelayLevels.DEFAULT, clock, scheduleProgressFile)
                : null;
        ToLongFunction<String> parkedRetries = schedule == null ? retryTopic -> 0
                : new ParkedRetries(store, DelayLevels.DEFAULT.count(), schedule::progress, clock)::of;
        this.reads = new BrokerReadModel(identity.brokerName(), topics, groups, clients, offsets, store, parkedRetries,
                () -> diskUsedRatio(config.dataDir().resolve("store")), clock);
        this.groupMeters = new GroupMeters(context.metrics(), reads);
    }

    /**
     * Opens the store and the offsets, then serves and registers.
     *
     * @param deposed told the group's current master when a name server refuses this broker as a master of a
     *     stale epoch
     * @throws IOException if the store, the offsets or the port cannot be opened
     */
    static RunningBroker start(NodeContext context, BrokerSettings settings, DrainParts drain,
            Consumer<String> deposed) throws IOException {
        NodeConfig config = context.config();
        InetSocketAddress storeAddress = new InetSocketAddress(InetAddress.getByName(config.advertisedHost()),
                config.listenPort());
        DefaultMessageStore store;
        try {
            store = DefaultMessageStore.open(StoreConfig.defaults(config.dataDir().resolve("store"), config.cluster(),
                    Objects.requireNonNull(config.brokerName()), storeAddress).withFlushMode(config.flushMode()));
        } catch (StorageException e) {
            throw new IOException(e.getMessage(), e);
        }
        RunningBroker broker;
        try {
            ConsumerOffsetStore offsets = ConsumerOffsetStore.open(
                    new StateFile(config.dataDir().resolve(OFFSETS_FILE)), context.json(),
                    () -> BrokerReplication.epochOf(store), Clock.systemUTC());
            broker = new RunningBroker(context, settings, store, offsets, storeAddress, drain, deposed);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        try {
            broker.serve(context, settings);
        } catch (IOException | RuntimeException e) {
            broker.close();
            throw e;
        }
        return broker;
    }

    /** Replicates, listens, takes the desired state (registering its topics at once), then keeps registering. */
    private void serve(NodeContext context, BrokerSettings settings) throws IOException {
        replication.start();
        server.start();
        NodeConfig config = context.config();
        boolean syncMaster = replication.role() == BrokerRole.SYNC_MASTER;
        if (restartFence.fenceAtStart(syncMaster, !config.slaveAddresses().isEmpty(), drain.state()).fenced()) {
            long checkMillis = RESTART_FENCE_CHECK.toMillis();
            background.scheduleWithFixedDelay(this::reopenWhenSlaveInSync, checkMillis, checkMillis,
                    TimeUnit.MILLISECONDS);
        }
        context.desiredState().subscribe(desiredStateListener);
        registrar.start();
        drain.served().accepting();
        if (schedule != null) {
            schedule.start(SCHEDULE_INTERVAL);
            long checkEvery = config.transactionChecks().interval().toMillis();
            background.scheduleWithFixedDelay(this::checkTransactions, checkEvery, checkEvery, TimeUnit.MILLISECONDS);
        }
        long persistMillis = settings.offsetPersistInterval().toMillis();
        background.scheduleWithFixedDelay(this::persistOffsets, persistMillis, persistMillis, TimeUnit.MILLISECONDS);
        if (offsetSync != null) {
            long syncMillis = settings.offsetSyncInterval().toMillis();
            background.scheduleWithFixedDelay(offsetSync::sync, 0, syncMillis, TimeUnit.MILLISECONDS);
        }
        consumerListWarmUp.remaining().ifPresent(left -> background.schedule(
                this::endConsumerListWarmUp, left.toMillis(), TimeUnit.MILLISECONDS));
        long checkMillis = settings.clientExpiryCheckInterval().toMillis();
        background.scheduleWithFixedDelay(() -> clients.silentChannels(System.currentTimeMillis(),
                settings.clientTimeout()).forEach(Channel::close), checkMillis, checkMillis, TimeUnit.MILLISECONDS);
        log.info("{} broker serving on port {} with {} topics", replication.role(), server.port(),
                topics.registrationTable().size());
    }

    private void reopenWhenSlaveInSync() {
        try {
            restartFence.reopenWhenInSync(() -> replication.view(brokerId).inSync(), drain.state(), drainSequence);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("writes not re-opened after the restart", e);
        }
    }

    /**
     * Marks the data directory so that the next start waits for a slave in sync before it opens writes, even
     * when no slave is named.
     */
    void markDrained() throws IOException {
        restartFence.mark();
    }

    /** This broker's drain. */
    DrainSequence drainSequence() {
        return drainSequence;
    }

    /** How the store was recovered when this role opened it. */
    RecoveryReport recoveryReport() {
        return store.recoveryReport();
    }

    /** Where this broker's log stands in its group. */
    ReplicationView replicationView() {
        return replication.view(brokerId);
    }

    /** What the admin read endpoints answer from (io.cloudmq.dataplane.broker.read). */
    BrokerReadModel reads() {
        return reads;
    }

    /** The offset-reset admin endpoints of this broker. */
    OffsetResetEndpoints resetEndpoints() {
        return resetEndpoints;
    }

    /** The dead-letter admin endpoints of this broker. */
    DeadLetterEndpoints deadLetterEndpoints() {
        return deadLetterEndpoints;
    }

    /** The rolled-back transaction admin endpoints of this broker. */
    RolledBackEndpoints rolledBackEndpoints() {
        return rolledBackEndpoints;
    }

    /** Whether this broker is a master (only a master's offsets are reset). */
    boolean master() {
        return replication.role().isMaster();
    }

    private void onDesiredState(DesiredState state) {
        groups.apply(state);
        groupMeters.apply(state);
        if (topics.apply(state)) {
            reregister();
        } else {
            // the state may have brought the operator credential a refused registration lacked
            registrar.registerWhereUnregistered();
        }
    }

    private void reregister() {
        registrar.registerAll().whenComplete((ignored, failure) -> {
            if (failure != null) {
                log.warn("re-registration after a topic change failed, the background loop retries: {}", failure.toString());
            }
        });
    }

    private void sendOneway(Channel channel, RemotingCommand request) {
        server.invokeOneway(channel, request);
    }

    private void checkTransactions() {
        try {
            transactionChecks.checkOnce();
        } catch (RuntimeException e) {
            log.error("transaction check pass failed", e);
        }
    }

    private void persistOffsets() {
        try {
            offsets.persist();
        } catch (IOException | RuntimeException e) {
            log.error("persisting consumer offsets failed", e);
        }
    }

    @Override
    public void close() {
        context.desiredState().unsubscribe(desiredStateListener);
        drainTarget.leave();
        registrar.close();
        background.shutdownNow();
        restartFence.abandon(drain.state());
        if (schedule != null) {
            schedule.close();
        }
        if (offsetSync != null) {
            offsetSync.close();
        }
        server.close();
        executors.close();
        replication.close();
        persistOffsets();
        store.close();
    }

    /** The consumer groups' members as last stored; unknown if the file is missing or unreadable. */
    private static Optional<Map<String, Set<String>>> lastKnownMembers(ConsumerMembershipFile file) {
        try {
            return file.read();
        } catch (IOException e) {
            log.warn("consumer lists wait the whole warm-up after this restart: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Every group may have members that were not told to rebalance while their list was refused. */
    private void endConsumerListWarmUp() {
        persistMembers();
        notifier.notifyGroups(clients.consumerGroups());
    }

    /**
     * Stores the consumer groups' members when a consumer joined or left (before the answer to it, so that a
     * crash right after a consumer left does not make the next start wait for it), once the warm-up is over: until
     * then this broker knows only part of them, and the stored membership is what the warm-up waits for. A member
     * whose connection closed without leaving stays stored: it may come back, and if not it holds its group only
     * until the warm-up ends.
     */
    private synchronized void persistMembers() {
        if (consumerListWarmUp.remaining().isPresent()) {
            return;
        }
        Map<String, Set<String>> members = clients.consumerIdsByGroup();
        if (members.equals(persistedMembers)) {
            return;
        }
        try {
            membershipFile.write(members);
            persistedMembers = members;
        } catch (IOException e) {
            log.warn("consumer group members not stored (tried again at the next join or leave)", e);
        }
    }

    /** The delayed-message progress of a master's schedule service (empty before it opened). */
    private Map<Integer, Long> scheduleProgress() {
        ScheduleService service = schedule;
        return service == null ? Map.of() : service.progressTable();
    }

    private static double diskUsedRatio(Path storeDir) {
        try {
            return DiskUsageProbe.FILE_STORE.usedRatio(storeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the disk usage of " + storeDir, e);
        }
    }
}
