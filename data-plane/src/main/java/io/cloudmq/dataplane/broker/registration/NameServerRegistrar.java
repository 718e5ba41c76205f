package io.cloudmq.dataplane.broker.registration;

import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingClient;
import io.cloudmq.dataplane.remoting.netty.RemotingClientConfig;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.remoting.protocol.body.DataVersion;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.cloudmq.dataplane.remoting.protocol.header.RegisterBrokerResponseHeader;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a broker registered with every name server: registers on {@link #start()}, again every register
 * interval, at once on demand ({@link #registerAll()}, e.g. after the topic table or the broker's
 * permissions changed), and at once whenever a name server's connection is (re)established — a closed
 * connection triggers a retry right away, and a name server that cannot be reached is retried every
 * connection-check interval, so a restarted name server learns this broker within that interval.
 *
 * <p>Each registration carries the whole topic table, read from the supplier when it is sent.
 * Registrations with one name server run one after the other, so an on-demand registration always sends
 * a table at least as new as the change that caused it. Every request passes the signer (the operator
 * credential's signature) when it is sent. A master registration a name server refuses for its stale epoch
 * (a failover promoted another broker meanwhile) is reported to {@code deposed} with the group's current
 * master, on the registrar's connection thread. Thread-safe.
 */
public final class NameServerRegistrar implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NameServerRegistrar.class);

    private final RegistrarConfig config;
    private final Supplier<? extends Collection<TopicConfig>> topics;
    private final RegistrationRequests requests;
    private final long epoch;
    private final Clock clock = Clock.systemUTC();
    private final UnaryOperator<RemotingCommand> signer;
    private final Consumer<String> deposed;
    private final RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry());
    private final ScheduledExecutorService scheduler;
    private final Map<String, NameServerState> states = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /** Registration progress with one name server. */
    private static final class NameServerState {
        /** The latest registration; the next one starts after it. Guarded by the state's monitor. */
        CompletableFuture<Void> latest = CompletableFuture.completedFuture(null);
        /** Whether the name server holds a registration made over the current connection. */
        volatile boolean registered;
        volatile long lastSuccessMillis;
        volatile boolean failing;
    }

    public NameServerRegistrar(
            RegistrarConfig config, BrokerIdentity identity, Supplier<? extends Collection<TopicConfig>> topics,
            UnaryOperator<RemotingCommand> signer, Consumer<String> deposed) {
        this.config = config;
        this.signer = signer;
        this.deposed = deposed;
        this.topics = topics;
        this.requests = new RegistrationRequests(identity, config.heartbeatTimeout());
        this.epoch = identity.epoch();
        config.nameServerAddresses().forEach(address -> states.put(address, new NameServerState()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "namesrv-registrar");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Registers with every name server now and keeps doing so in the background. */
    public void start() {
        long checkMillis = config.connectionCheckInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::registerWhereNeeded, 0, checkMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Registers the current topic table with every name server, after any registration already running;
     * completes when all answered, exceptionally if one did not accept (the background loop retries it).
     */
    public CompletableFuture<Void> registerAll() {
        return CompletableFuture.allOf(config.nameServerAddresses().stream()
                .map(address -> register(address, true))
                .toArray(CompletableFuture[]::new));
    }

    /**
     * Registers now with every name server that holds no registration from this broker yet, queued behind
     * any attempt already running (which may have gone out unsigned, before the node had its operator
     * credential): for a change that can turn a refused registration into an accepted one without waiting
     * for the next connection check. Does nothing where this broker is registered.
     */
    public void registerWhereUnregistered() {
        states.forEach((address, state) -> {
            if (!state.registered) {
                register(address, true);
            }
        });
    }

    /**
     * Leaves: stops the background registration for good, then unregisters from every name server;
     * completes when all answered or failed (failures are logged; the name servers then drop this broker
     * when its connection closes).
     */
    public CompletableFuture<Void> unregisterAll() {
        scheduler.shutdownNow();
        return CompletableFuture.allOf(config.nameServerAddresses().stream()
                .map(address -> client.invoke(address, signer.apply(requests.unregister()), config.requestTimeout())
                        .handle((response, failure) -> {
                            if (failure != null) {
                                log.warn("unregistering from name server {} failed: {}", address, failure.toString());
                            }
                            return null;
                        }))
                .toArray(CompletableFuture[]::new));
    }

    /** Stops registering and closes the connections (call {@link #unregisterAll()} first to leave gracefully). */
    @Override
    public void close() {
        scheduler.shutdownNow();
        client.close();
    }

    private void registerWhereNeeded() {
        long now = clock.millis();
        states.forEach((address, state) -> {
            boolean due = !state.registered || now - state.lastSuccessMillis >= config.registerInterval().toMillis();
            if (due || !client.isConnected(address)) {
                register(address, false);
            }
        });
    }

    /** Queues a registration behind the running one; unless {@code queueIfBusy}, a running one suffices. */
    private CompletableFuture<Void> register(String address, boolean queueIfBusy) {
        NameServerState state = states.get(address);
        synchronized (state) {
            if (!queueIfBusy && !state.latest.isDone()) {
                return state.latest;
            }
            state.latest = state.latest
                    .handle((ignored, failure) -> null)
                    .thenCompose(ignored -> send(address, state));
            return state.latest;
        }
    }

    private CompletableFuture<Void> send(String address, NameServerState state) {
        RemotingCommand request;
        try {
            request = signer.apply(
                    requests.register(topics.get(), new DataVersion(epoch, clock.millis(), version.incrementAndGet())));
        } catch (RuntimeException e) {
            reportFailure(address, state, "topic table unavailable: " + e);
            return CompletableFuture.failedFuture(e);
        }
        return client.invoke(address, request, config.requestTimeout())
                .thenAccept(response -> accept(address, state, response))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        reportFailure(address, state, failure.toString());
                    }
                });
    }

    private void accept(String address, NameServerState state, RemotingCommand response) {
        if (response.code() != ResponseCode.SUCCESS) {
            String remark = response.remark();
            String currentMaster = RegisterBrokerResponseHeader.fromExtFields(response.extFields()).masterAddr();
            if (remark != null && remark.startsWith(RegisterBrokerResponseHeader.STALE_EPOCH_REMARK)
                    && currentMaster != null) {
                deposed.accept(currentMaster);
            }
            throw new IllegalStateException("name server " + address + " refused the registration: "
                    + response.code() + " " + response.remark());
        }
        state.lastSuccessMillis = clock.millis();
        state.failing = false;
        if (!state.registered) {
            state.registered = true;
            log.info("registered with name server {}", address);
            client.connect(address).thenAccept(channel -> channel.closeFuture().addListener(closed -> {
                state.registered = false;
                retrySoon();
            }));
        }
    }

    private void reportFailure(String address, NameServerState state, String reason) {
        if (!state.failing) {
            log.warn("registration with name server {} failed, retrying: {}", address, reason);
        }
        state.failing = true;
        state.registered = false;
    }

    private void retrySoon() {
        if (!scheduler.isShutdown()) {
            scheduler.execute(this::registerWhereNeeded);
        }
    }
}
