package io.cloudmq.controlplane.standalone;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;

/**
 * Load of the official client (5.5.0, default settings) against a standalone cluster, for tests that must
 * show that nothing acknowledged is lost: one producer sending synchronously on {@code syncThreads} threads,
 * one sending asynchronously on {@code asyncThreads} threads (at most {@value #ASYNC_IN_FLIGHT} sends in
 * flight per thread), and one push consumer of the topic. Every message body is a unique id
 * ({@code s<thread>-<n>} or {@code a<thread>-<n>}).
 *
 * <ul>
 *   <li>acknowledged: answered {@code SEND_OK};</li>
 *   <li>failed: a send that threw, called {@code onException}, or answered another status — each recorded
 *       with its reason;</li>
 *   <li>received: how often the consumer got each id (more than once is a duplicate).</li>
 * </ul>
 *
 * Clients sign with {@code signing} and use {@code namespace}. Thread-safe: the figures may be read while the
 * load runs; {@link #stopSending} and {@link #close} come from the test thread.
 */
final class LoadClients implements AutoCloseable {
    private static final int ASYNC_IN_FLIGHT = 4;
    private static final int ROUTE_TIMEOUT_MILLIS = 3000;
    private static final Duration ROUTE_DEADLINE = Duration.ofSeconds(60);

    private final String topic;
    private final DefaultMQProducer syncProducer;
    private final DefaultMQProducer asyncProducer;
    private final DefaultMQPushConsumer consumer;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    private LoadClients(String topic, DefaultMQProducer syncProducer, DefaultMQProducer asyncProducer,
            DefaultMQPushConsumer consumer) {
        this.topic = topic;
        this.syncProducer = syncProducer;
        this.asyncProducer = asyncProducer;
        this.consumer = consumer;
    }

    /**
     * Starts both producers, and once the name servers route the topic, the consumer (group
     * {@code consumerGroup}) and the sending threads.
     */
    static LoadClients start(String nameServers, String namespace, RPCHook signing, String topic,
            String consumerGroup, int syncThreads, int asyncThreads) throws MQClientException {
        LoadClients load = new LoadClients(topic, producer("load-sync", nameServers, namespace, signing),
                producer("load-async", nameServers, namespace, signing),
                new DefaultMQPushConsumer(consumerGroup, signing));
        load.consumer.setNamespace(namespace);
        load.consumer.setNamesrvAddr(nameServers);
        load.consumer.subscribe(topic, "*");
        load.consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> load.receive(new String(message.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        load.syncProducer.start();
        load.asyncProducer.start();
        await("the route of " + topic).atMost(ROUTE_DEADLINE).ignoreExceptions()
                .until(() -> !load.syncProducer.fetchPublishMessageQueues(topic).isEmpty());
        load.consumer.start();
        load.awaitConsumerStartOffsets();
        for (int i = 0; i < syncThreads; i++) {
            load.startThread("s" + i, load::sendSynchronously);
        }
        for (int i = 0; i < asyncThreads; i++) {
            load.startThread("a" + i, load::sendAsynchronously);
        }
        return load;
    }

    /**
     * Waits until the consumer's rebalance took every queue of the topic, which fixes where it starts in each:
     * a new group starts at the end of a queue that is empty when asked, so a message sent before that
     * answer would be skipped.
     */
    private void awaitConsumerStartOffsets() {
        String wrapped = consumer.withNamespace(topic);
        await("the consumer holds every queue of " + topic).atMost(ROUTE_DEADLINE).ignoreExceptions()
                .until(() -> consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable()
                        .keySet().stream().filter(queue -> queue.getTopic().equals(wrapped)).count()
                        == consumer.fetchSubscribeMessageQueues(topic).size());
    }

    private static DefaultMQProducer producer(String group, String nameServers, String namespace, RPCHook signing) {
        DefaultMQProducer producer = new DefaultMQProducer(group, signing);
        producer.setNamespace(namespace);
        producer.setNamesrvAddr(nameServers);
        return producer;
    }

    private void startThread(String name, Consumer<String> body) {
        Thread thread = new Thread(() -> body.accept(name), "load-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private void sendSynchronously(String name) {
        for (long n = 0; sending.get(); n++) {
            String id = name + "-" + n;
            try {
                record(id, syncProducer.send(message(id)));
            } catch (Exception e) {
                failures.add(id + ": " + e);
            }
        }
    }

    private void sendAsynchronously(String name) {
        Semaphore inFlight = new Semaphore(ASYNC_IN_FLIGHT);
        for (long n = 0; sending.get(); n++) {
            String id = name + "-" + n;
            inFlight.acquireUninterruptibly();
            try {
                asyncProducer.send(message(id), new SendCallback() {
                    @Override
                    public void onSuccess(SendResult result) {
                        record(id, result);
                        inFlight.release();
                    }

                    @Override
                    public void onException(Throwable e) {
                        failures.add(id + ": " + e);
                        inFlight.release();
                    }
                });
            } catch (Exception e) {
                failures.add(id + ": " + e);
                inFlight.release();
            }
        }
        inFlight.acquireUninterruptibly(ASYNC_IN_FLIGHT);
    }

    private Message message(String id) {
        return new Message(topic, "load", id, id.getBytes(StandardCharsets.UTF_8));
    }

    private void record(String id, SendResult result) {
        if (result.getSendStatus() == SendStatus.SEND_OK) {
            acknowledged.add(id);
        } else {
            failures.add(id + ": " + result.getSendStatus());
        }
    }

    private void receive(String id) {
        deliveries.incrementAndGet();
        received.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
    }

    /** Ids answered SEND_OK so far. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Failed sends so far in the order they failed, each {@code id: reason}. */
    List<String> failures() {
        return List.copyOf(failures);
    }

    /** How many sends failed so far for each reason (the reason's first line). */
    Map<String, Long> failureReasons() {
        return failures.stream().map(failure -> failure.substring(failure.indexOf(": ") + 2).lines().findFirst()
                .orElse("")).collect(Collectors.groupingBy(reason -> reason, TreeMap::new, Collectors.counting()));
    }

    /** Ids the consumer received at least once. */
    Set<String> received() {
        return Set.copyOf(received.keySet());
    }

    /** Deliveries beyond the first of each id. */
    long duplicates() {
        return deliveries.get() - received.size();
    }

    /** The address the name servers route as broker id 0 of {@code brokerName} for the topic. */
    String masterAddress(String brokerName) throws Exception {
        MQClientAPIImpl api = syncProducer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
        return api.getTopicRouteInfoFromNameServer(syncProducer.withNamespace(topic), ROUTE_TIMEOUT_MILLIS)
                .getBrokerDatas().stream()
                .filter(broker -> broker.getBrokerName().equals(brokerName))
                .map(BrokerData::getBrokerAddrs)
                .map(addresses -> addresses.get(MixAll.MASTER_ID))
                .findFirst()
                .orElse("");
    }

    /** Ends every sending thread after its current send (asynchronous ones after their callbacks). */
    void stopSending() throws InterruptedException {
        sending.set(false);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopSending();
        syncProducer.shutdown();
        asyncProducer.shutdown();
        consumer.shutdown();
    }
}
