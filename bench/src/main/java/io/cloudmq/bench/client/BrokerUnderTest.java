package io.cloudmq.bench.client;

import java.util.OptionalLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.remoting.RPCHook;
import org.jspecify.annotations.Nullable;

/**
 * One running name server + broker pair the benchmark's official clients talk to. Clients get default settings
 * except the name-server address, the credential hook (if the broker needs one) and an instance name per broker
 * (two clusters are used from one JVM, one after the other).
 *
 * <p>Threading: set-up and close from one thread; client factories from any thread.
 */
interface BrokerUnderTest extends AutoCloseable {
    String BROKER_NAME = "broker-a";

    /** Label printed in the report. */
    String label();

    String nameServerAddress();

    /** The hook that signs every request, or null if the broker takes unsigned requests. */
    @Nullable RPCHook rpcHook();

    /** The broker process (the master; not the name server), whose CPU time and memory are measured. */
    long brokerPid();

    /** The slave's process, whose CPU time is measured too, or empty if the group has no slave. */
    OptionalLong slavePid();

    /** The broker JVM's first start, on an empty store. */
    StartTimes firstStart();

    /**
     * Stops the broker gracefully and starts it again on its store and configuration (what an upgrade or a
     * maintenance restart does), once the name server no longer lists it; answers the restart's times.
     */
    StartTimes restart() throws Exception;

    /** Creates {@code topic} with {@code queues} queues and waits until it is routed. */
    void createTopic(String topic, int queues) throws Exception;

    /** Makes {@code group} usable by a consumer. */
    void createGroup(String group) throws Exception;

    default DefaultMQProducer producer(String group) {
        DefaultMQProducer producer = new DefaultMQProducer(group, rpcHook());
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(label().replaceAll("[^A-Za-z0-9]", ""));
        return producer;
    }

    default DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group, rpcHook());
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(label().replaceAll("[^A-Za-z0-9]", ""));
        return consumer;
    }

    @Override
    void close() throws Exception;
}
