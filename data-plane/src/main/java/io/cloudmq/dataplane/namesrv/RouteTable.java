package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.protocol.body.BrokerData;
import io.cloudmq.dataplane.remoting.protocol.body.ClusterInfo;
import io.cloudmq.dataplane.remoting.protocol.body.QueueData;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.cloudmq.dataplane.remoting.protocol.body.TopicRouteData;
import io.netty.channel.Channel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the name server knows, built only from broker registrations (spec §2.2: it never invents a
 * route): per topic the queue data of each broker group, per group its addresses, per cluster its groups,
 * and per broker address its liveness.
 *
 * <p>Invariants: a group's queue data is defined by its master's registration, or while it has no master
 * by its lowest slave's (so a master restart does not remove the queues consumers read); a group stays in
 * every route while any of its brokers is registered, and leaves all routes with its last broker.
 *
 * <p>Fencing: the table remembers, per group, the highest epoch a master registered with (for as long as
 * this name server runs, also after the group left the routes). A master registration with an older epoch
 * is refused and changes nothing: a master deposed by a failover cannot take its group back. A newer
 * epoch's master replaces the group's broker id 0 at once, whatever address held it.
 *
 * <p>Thread-safe: reads share a read lock, changes take the write lock.
 */
public final class RouteTable {
    private static final Logger log = LoggerFactory.getLogger(RouteTable.class);

    private final Clock clock;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, QueueData>> queuesByTopic = new HashMap<>();
    private final Map<String, BrokerGroup> groups = new HashMap<>();
    private final Map<String, Set<String>> groupsByCluster = new HashMap<>();
    private final Map<String, LiveBroker> liveBrokers = new HashMap<>();
    private final Map<String, Long> groupEpochs = new HashMap<>();

    public RouteTable(Clock clock) {
        this.clock = clock;
    }

    /** Adds or refreshes a broker registered over {@code channel}, unless it is a master of a stale epoch. */
    public RegistrationResult register(BrokerRegistration registration, Channel channel) {
        lock.writeLock().lock();
        try {
            long groupEpoch = groupEpochs.getOrDefault(registration.brokerName(), 0L);
            if (registration.isMaster() && registration.epoch() < groupEpoch) {
                log.warn("refused master {} of {}: epoch {} is older than the group's {}", registration.brokerAddr(),
                        registration.brokerName(), registration.epoch(), groupEpoch);
                BrokerGroup current = groups.get(registration.brokerName());
                RegistrationResult master = current == null ? new RegistrationResult(false, null, null, groupEpoch)
                        : masterOf(current, groupEpoch);
                return new RegistrationResult(false, master.masterAddr(), master.haServerAddr(), groupEpoch);
            }
            if (registration.isMaster()) {
                groupEpoch = registration.epoch();
                groupEpochs.put(registration.brokerName(), groupEpoch);
            }
            BrokerGroup group = groups.computeIfAbsent(
                    registration.brokerName(), name -> new BrokerGroup(registration.clusterName(), name));
            group.put(registration.brokerId(), registration.brokerAddr(), registration.enableActingMaster());
            groupsByCluster.computeIfAbsent(registration.clusterName(), cluster -> new TreeSet<>())
                    .add(registration.brokerName());
            LiveBroker previous = liveBrokers.put(
                    registration.brokerAddr(), new LiveBroker(registration, channel, clock.instant()));
            if (previous == null) {
                log.info("broker {} ({} id {}) registered", registration.brokerAddr(), registration.brokerName(),
                        registration.brokerId());
            }
            if (group.definesQueues(registration.brokerId())) {
                replaceQueues(registration.brokerName(), registration.topics());
            }
            return registration.isMaster() ? new RegistrationResult(true, null, null, groupEpoch)
                    : masterOf(group, groupEpoch);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a broker that unregistered; false if it was not registered under that id. */
    public boolean unregister(String brokerName, String brokerAddr, long brokerId) {
        lock.writeLock().lock();
        try {
            LiveBroker live = liveBrokers.get(brokerAddr);
            if (live == null || live.registration().brokerId() != brokerId
                    || !live.registration().brokerName().equals(brokerName)) {
                return false;
            }
            remove(live, "unregistered");
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every broker that registered over {@code channel}, which has closed. */
    public void removeBrokersOf(Channel channel) {
        lock.writeLock().lock();
        try {
            List.copyOf(liveBrokers.values()).stream()
                    .filter(live -> live.channel() == channel)
                    .forEach(live -> remove(live, "connection closed"));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the brokers not heard of within their timeout and returns their connections to close. */
    public List<Channel> expireSilentBrokers() {
        Instant now = clock.instant();
        lock.writeLock().lock();
        try {
            List<Channel> expired = new ArrayList<>();
            for (LiveBroker live : List.copyOf(liveBrokers.values())) {
                if (live.isSilentAt(now)) {
                    remove(live, "silent since " + live.lastUpdate());
                    expired.add(live.channel());
                }
            }
            return expired;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The route of {@code topic}, or empty when no registered broker has it. */
    public Optional<TopicRouteData> route(String topic) {
        lock.readLock().lock();
        try {
            Map<String, QueueData> queues = queuesByTopic.get(topic);
            if (queues == null) {
                return Optional.empty();
            }
            List<QueueData> queueDatas = queues.values().stream()
                    .sorted(Comparator.comparing(QueueData::brokerName))
                    .toList();
            List<BrokerData> brokerDatas = queueDatas.stream()
                    .map(queue -> groups.get(queue.brokerName()).toBrokerData())
                    .toList();
            return Optional.of(new TopicRouteData(queueDatas, brokerDatas, Map.of()));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every broker registered now (one per address), as its latest registration named it. */
    public List<BrokerRegistration> registeredBrokers() {
        lock.readLock().lock();
        try {
            return liveBrokers.values().stream()
                    .map(LiveBroker::registration)
                    .sorted(Comparator.comparing(BrokerRegistration::brokerAddr))
                    .toList();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Every topic some registered broker has. */
    public Set<String> topics() {
        lock.readLock().lock();
        try {
            return Set.copyOf(queuesByTopic.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Removes {@code topic} from the routes, only for the groups of {@code clusterName} if one is given.
     * A broker that still has the topic adds it back with its next registration.
     */
    public void deleteTopic(String topic, @Nullable String clusterName) {
        lock.writeLock().lock();
        try {
            Map<String, QueueData> queues = queuesByTopic.get(topic);
            if (queues == null) {
                return;
            }
            if (clusterName == null || clusterName.isEmpty()) {
                queues.clear();
            } else {
                queues.keySet().removeAll(groupsByCluster.getOrDefault(clusterName, Set.of()));
            }
            if (queues.isEmpty()) {
                queuesByTopic.remove(topic);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    public ClusterInfo clusterInfo() {
        lock.readLock().lock();
        try {
            Map<String, BrokerData> brokers = new TreeMap<>();
            groups.forEach((name, group) -> brokers.put(name, group.toBrokerData()));
            Map<String, Set<String>> clusters = new TreeMap<>();
            groupsByCluster.forEach((cluster, names) -> clusters.put(cluster, Set.copyOf(names)));
            return new ClusterInfo(brokers, clusters);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void replaceQueues(String brokerName, Map<String, TopicConfig> topics) {
        queuesByTopic.values().forEach(queues -> queues.remove(brokerName));
        topics.values().forEach(topic -> queuesByTopic
                .computeIfAbsent(topic.topicName(), name -> new HashMap<>())
                .put(brokerName, new QueueData(
                        brokerName, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(), topic.topicSysFlag())));
        queuesByTopic.values().removeIf(Map::isEmpty);
    }

    private void remove(LiveBroker live, String reason) {
        BrokerRegistration registration = live.registration();
        liveBrokers.remove(registration.brokerAddr());
        log.info("broker {} ({} id {}) removed: {}", registration.brokerAddr(), registration.brokerName(),
                registration.brokerId(), reason);
        BrokerGroup group = groups.get(registration.brokerName());
        if (group == null || !group.remove(registration.brokerId(), registration.brokerAddr()) || !group.isEmpty()) {
            return;
        }
        groups.remove(registration.brokerName());
        Set<String> clusterGroups = groupsByCluster.get(group.clusterName());
        if (clusterGroups != null) {
            clusterGroups.remove(registration.brokerName());
            if (clusterGroups.isEmpty()) {
                groupsByCluster.remove(group.clusterName());
            }
        }
        replaceQueues(registration.brokerName(), Map.of());
    }

    private RegistrationResult masterOf(BrokerGroup group, long groupEpoch) {
        String masterAddr = group.address(BrokerRegistration.MASTER_ID);
        if (masterAddr == null) {
            return new RegistrationResult(true, null, null, groupEpoch);
        }
        LiveBroker master = liveBrokers.get(masterAddr);
        @Nullable String haServerAddr = master == null ? null : master.registration().haServerAddr();
        return new RegistrationResult(true, masterAddr, haServerAddr, groupEpoch);
    }
}
