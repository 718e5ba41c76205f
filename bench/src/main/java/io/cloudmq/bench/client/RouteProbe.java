package io.cloudmq.bench.client;

import java.time.Duration;
import java.util.Properties;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.remoting.RPCHook;
import org.jspecify.annotations.Nullable;

/**
 * A started official producer used only to ask the name server about brokers and routes, to create topics on
 * a broker with the admin request {@code UPDATE_AND_CREATE_TOPIC} (17), as standard tooling does, and to ask a
 * RocketMQ broker for its configuration ({@code GET_BROKER_CONFIG}) and a RocketMQ master about its slaves
 * ({@code GET_BROKER_HA_STATUS}).
 *
 * <p>Threading: one thread at a time.
 */
final class RouteProbe implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 3_000;

    private final DefaultMQProducer producer;

    RouteProbe(String nameServerAddress, @Nullable RPCHook hook, String instanceName) throws Exception {
        producer = new DefaultMQProducer("bench-probe", hook);
        producer.setNamesrvAddr(nameServerAddress);
        producer.setInstanceName(instanceName + "-probe");
        producer.start();
    }

    /**
     * Polls the name server's cluster info every 10 ms until {@code brokerName} is registered; answers the
     * milliseconds since {@code jvm} was spawned.
     */
    double awaitRegistered(String brokerName, ChildJvm jvm, Duration deadline) throws InterruptedException {
        // the name server answers an error until it knows a broker
        Poll.until(brokerName + " registered", jvm, deadline, 10,
                () -> api().getBrokerClusterInfo(TIMEOUT_MILLIS).getBrokerAddrTable().containsKey(brokerName));
        return (System.nanoTime() - jvm.spawnNanos()) / 1e6;
    }

    /**
     * Polls the name server's cluster info every 10 ms until {@code brokerName} is no longer registered (a name
     * server that knows no broker at all may answer with an error).
     */
    void awaitUnregistered(String brokerName, Duration deadline) throws InterruptedException {
        Poll.until(brokerName + " unregistered", null, deadline, 10, () -> {
            try {
                return !api().getBrokerClusterInfo(TIMEOUT_MILLIS).getBrokerAddrTable().containsKey(brokerName);
            } catch (MQBrokerException e) {
                return true;
            }
        });
    }

    /**
     * Polls the HA status of the RocketMQ master at {@code masterAddress} ({@code GET_BROKER_HA_STATUS}) every
     * 10 ms until it counts a slave in sync; fails when {@code slave} exits or after {@code deadline}.
     */
    void awaitSlaveInSync(String masterAddress, ChildJvm slave, Duration deadline) throws InterruptedException {
        Poll.until("a slave in sync with " + masterAddress, slave, deadline, 10,
                () -> api().getBrokerHAStatus(masterAddress, TIMEOUT_MILLIS).getInSyncSlaveNums() > 0);
    }

    /** The configuration the RocketMQ broker at {@code brokerAddress} runs with ({@code GET_BROKER_CONFIG}). */
    Properties brokerConfig(String brokerAddress) throws Exception {
        return api().getBrokerConfig(brokerAddress, TIMEOUT_MILLIS);
    }

    /** Creates {@code topic} with {@code queues} read and write queues on the broker at {@code brokerAddress}. */
    void createTopic(String brokerAddress, String topic, int queues) throws Exception {
        api().createTopic(brokerAddress, "TBW102", new TopicConfig(topic, queues, queues, 6), TIMEOUT_MILLIS);
    }

    /** Waits until the name server routes {@code topic}. */
    void awaitRoute(String topic, Duration deadline) throws InterruptedException {
        Poll.until("a route to " + topic, null, deadline, 50,
                () -> !producer.fetchPublishMessageQueues(topic).isEmpty());
    }

    private MQClientAPIImpl api() {
        return producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
