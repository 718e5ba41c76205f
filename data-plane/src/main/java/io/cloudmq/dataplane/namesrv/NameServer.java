package io.cloudmq.dataplane.namesrv;

import io.cloudmq.api.node.NodeServingView;
import io.cloudmq.dataplane.admin.AdminRoute;
import io.cloudmq.dataplane.auth.RequestNamespaceTranslator;
import io.cloudmq.dataplane.lifecycle.Lifecycle;
import io.cloudmq.dataplane.remoting.netty.ConnectionListener;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingServer;
import io.cloudmq.dataplane.remoting.netty.RequestAdmission.Admission;
import io.cloudmq.dataplane.remoting.netty.RequestExecutors;
import io.cloudmq.dataplane.remoting.netty.ServedRequests;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A name server node: the {@link RouteTable}, its processors on a remoting server, and the expiry of
 * brokers whose connection closed (at once) or that went silent (checked every scan interval). Every request
 * passes the {@link NameServerAccess} authorizer, and route and topic-list answers show only what the sender
 * may see.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #close()}. Thread-safe.
 */
public final class NameServer implements Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(NameServer.class);
    /** The drain phase health shows for a name server: it never drains. */
    private static final String SERVING_PHASE = "SERVING";

    private final NameServerConfig config;
    private final RouteTable routes;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService expiry;
    private final RemotingServer server;
    private final ServedRequests served;

    public NameServer(NameServerConfig config, NameServerAccess access) {
        this(config, access, Clock.systemUTC());
    }

    /** With the clock broker silence is measured on (tests pass a controllable one). */
    public NameServer(NameServerConfig config, NameServerAccess access, Clock clock) {
        this.config = config;
        this.routes = new RouteTable(clock);
        this.workers = RequestExecutors.bounded("namesrv-worker", config.workerThreads(), config.queueCapacity());
        this.expiry = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "namesrv-expiry");
            thread.setDaemon(true);
            return thread;
        });
        BrokerRegistrationProcessor registration = new BrokerRegistrationProcessor(routes, config.brokerTimeout());
        RouteQueryProcessor queries = new RouteQueryProcessor(routes, access.visibility());
        ProcessorRegistry registry = new ProcessorRegistry()
                .register(RequestCode.REGISTER_BROKER, registration, workers)
                .register(RequestCode.UNREGISTER_BROKER, registration, workers)
                .register(RequestCode.GET_ROUTEINFO_BY_TOPIC, queries, workers)
                .register(RequestCode.GET_BROKER_CLUSTER_INFO, queries, workers)
                .register(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, queries, workers)
                .register(RequestCode.DELETE_TOPIC_IN_NAMESRV, new TopicDeletionProcessor(routes), workers)
                .register(RequestCode.DELETE_KV_CONFIG, new KvConfigDeletionProcessor(), workers);
        this.served = new ServedRequests(clock);
        this.server = new RemotingServer(config.remoting(), registry, access.authorizer(),
                new RequestNamespaceTranslator(), this::admit, new ConnectionListener() {
            @Override
            public void onDisconnected(Channel channel) {
                routes.removeBrokersOf(channel);
            }
        });
    }

    /** The name server's own admin endpoints: {@code GET /admin/v1/registered-brokers}. */
    public List<AdminRoute> adminRoutes() {
        return List.of(AdminRoute.get(RegisteredBrokersEndpoint.PATH, new RegisteredBrokersEndpoint(routes)));
    }

    /** Listens on the configured port and starts the silence checks. */
    public void start() {
        server.start();
        served.accepting();
        long scanMillis = config.scanInterval().toMillis();
        expiry.scheduleWithFixedDelay(this::expireSilentBrokers, scanMillis, scanMillis, TimeUnit.MILLISECONDS);
        log.info("name server started on port {}", port());
    }

    /**
     * The name server's own request log as health shows it: when it accepted requests and served its first and
     * latest one (an upgrade report's unavailable time); a name server is never fenced and never drains.
     */
    public NodeServingView serving() {
        return new NodeServingView(SERVING_PHASE, false, 0, 0, served.first(), served.last(), served.acceptingSince());
    }

    /** Every request is processed; each is recorded as served. */
    private Admission admit(RemotingCommand request) {
        served.arrived();
        served.record();
        return Admission.PROCESS;
    }

    /** The port the name server listens on. */
    public int port() {
        return server.port();
    }

    /** Runs one silence check now; the scheduled checks call this too. */
    void expireSilentBrokers() {
        try {
            routes.expireSilentBrokers().forEach(Channel::close);
        } catch (RuntimeException e) {
            // A failed scan must not cancel the schedule; the next scan tries again.
            log.error("broker expiry scan failed", e);
        }
    }

    RouteTable routes() {
        return routes;
    }

    @Override
    public void close() {
        expiry.shutdownNow();
        server.close();
        workers.shutdownNow();
        log.info("name server stopped");
    }
}
