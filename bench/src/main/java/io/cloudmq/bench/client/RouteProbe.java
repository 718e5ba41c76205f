package io.cloudmq.bench.client;

import java.time.Duration;
import java.util.Properties;
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
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            jvm.checkAlive();
            try {
                if (api().getBrokerClusterInfo(TIMEOUT_MILLIS).getBrokerAddrTable().containsKey(brokerName)) {
                    return (System.nanoTime() - jvm.spawnNanos()) / 1e6;
                }
            } catch (Exception e) {
                // not registered yet: the name server answers an error until the broker is known
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(brokerName + " not registered after " + deadline);
    }

    /**
     * Polls the HA status of the RocketMQ master at {@code masterAddress} ({@code GET_BROKER_HA_STATUS}) every
     * 10 ms until it counts a slave in sync; fails when {@code slave} exits or after {@code deadline}.
     */
    void awaitSlaveInSync(String masterAddress, ChildJvm slave, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            slave.checkAlive();
            try {
                if (api().getBrokerHAStatus(masterAddress, TIMEOUT_MILLIS).getInSyncSlaveNums() > 0) {
                    return;
                }
            } catch (Exception e) {
                // the master answers an error while it has no HA service running yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no slave in sync with " + masterAddress + " after " + deadline);
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
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (!producer.fetchPublishMessageQueues(topic).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                // no route yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no route to " + topic + " after " + deadline);
    }

    private MQClientAPIImpl api() {
        return producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
