package io.cloudmq.bench.upgrade;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A fixed offered rate of asynchronous sends from official 5.5.0 producers at default settings, and push
 * consumers of one group counting deliveries by message. One pacer thread sends message {@code n} when it is
 * due ({@link SendLog#dueNanos}), alternating between the producers, with at most {@value #IN_FLIGHT} sends
 * unanswered (beyond that it waits, falls behind, and catches up at once when answers come back).
 *
 * <table>
 *   <caption>message body ({@value #BODY_BYTES} bytes)</caption>
 *   <tr><th>offset</th><th>size</th><th>content</th></tr>
 *   <tr><td>0</td><td>8</td><td>sequence number {@code n}, big-endian</td></tr>
 *   <tr><td>8</td><td>{@value #BODY_BYTES} − 8</td><td>zeros</td></tr>
 * </table>
 *
 * <p>Threading: {@link #start} and {@link #close} from one thread; the pacer runs on its own thread, callbacks
 * and deliveries on the clients' threads, all recording into the thread-safe {@link SendLog}.
 */
final class PacedLoad implements AutoCloseable {
    static final int BODY_BYTES = 1024;
    private static final int IN_FLIGHT = 4096;
    private static final Duration START_DEADLINE = Duration.ofMinutes(2);

    private final Tenant tenant;
    private final SendLog log;
    private final List<DefaultMQProducer> producers = new ArrayList<>();
    private final List<DefaultMQPushConsumer> consumers = new ArrayList<>();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
    private final AtomicLong sent = new AtomicLong();
    private final Thread pacer;
    private volatile boolean sending = true;

    private PacedLoad(Tenant tenant, SendLog log) {
        this.tenant = tenant;
        this.log = log;
        this.pacer = new Thread(this::pace, "upgrade-bench-pacer");
    }

    /**
     * Starts {@code consumers} push consumers of the tenant's group and waits until they hold every queue of the
     * topic between them (a new group starts at a queue's end, so earlier messages would be skipped), then
     * {@code producers} producers, then sends at {@code rate} for at most {@code capacity} messages.
     */
    static PacedLoad start(Tenant tenant, int rate, int capacity, int producers, int consumers) throws Exception {
        PacedLoad load = new PacedLoad(tenant, new SendLog(rate, capacity));
        try {
            load.startConsumers(consumers);
            for (int i = 0; i < producers; i++) {
                DefaultMQProducer producer = tenant.producer(producerGroup());
                producer.start();
                load.producers.add(producer);
            }
        } catch (Exception e) {
            load.close();
            throw e;
        }
        load.log.begin();
        load.pacer.start();
        return load;
    }

    /** The producers' group (registered with the window, so its report counts the brokers' refusals). */
    static String producerGroup() {
        return "upgrade-bench";
    }

    private void startConsumers(int count) throws Exception {
        MessageListenerConcurrently listener = (messages, context) -> {
            for (MessageExt message : messages) {
                log.delivered(ByteBuffer.wrap(message.getBody()).getLong(), storedAt(message));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        };
        for (int i = 0; i < count; i++) {
            Waiting.until("push consumer " + i + " started", START_DEADLINE, Duration.ofSeconds(1),
                    () -> started(listener));
        }
        String wireTopic = tenant.instanceId() + "%" + tenant.topic();
        int queues = consumers.get(0).fetchSubscribeMessageQueues(tenant.topic()).size();
        Waiting.until("the consumers hold the " + queues + " queues between them", START_DEADLINE,
                Duration.ofMillis(200), () -> {
                    List<Long> held = consumers.stream().map(consumer -> consumer.getDefaultMQPushConsumerImpl()
                            .getRebalanceImpl().getProcessQueueTable().keySet().stream()
                            .filter(queue -> queue.getTopic().equals(wireTopic)).count()).toList();
                    return held.stream().allMatch(queuesHeld -> queuesHeld > 0)
                            && held.stream().mapToLong(Long::longValue).sum() == queues;
                });
    }

    /**
     * Starts a consumer and keeps it, or shuts it down if its start failed (its route fetch can meet a
     * name-server connection that is closing at cluster start); the caller then tries a new one.
     */
    private boolean started(MessageListenerConcurrently listener) throws MQClientException {
        DefaultMQPushConsumer consumer = tenant.consumer();
        consumer.subscribe(tenant.topic(), "*");
        consumer.registerMessageListener(listener);
        try {
            consumer.start();
        } catch (MQClientException | IllegalStateException e) {
            consumer.shutdown();
            return false;
        }
        consumers.add(consumer);
        return true;
    }

    /** A non-zero number naming the stored message: its broker (hashed), queue and queue offset. */
    private static long storedAt(MessageExt message) {
        return ((long) (Objects.hashCode(message.getBrokerName()) & 0xFFFF) << 48 | (long) (message.getQueueId() & 0xFF) << 40
                | (message.getQueueOffset() & 0xFF_FFFF_FFFFL)) + 1;
    }

    /** How far the pacer is behind its schedule now, in milliseconds (0 when on time or stopped). */
    long lagMillis() {
        return pacer.isAlive() ? Math.max(0, (System.nanoTime() - log.dueNanos(sent.get())) / 1_000_000) : 0;
    }

    /**
     * Waits until the load runs steadily or {@code deadline} passed (true if it does): over the last 10 s of
     * answered sends (those due 13 s to 3 s ago) no send failed, and the pacer is less than 500 ms behind.
     */
    boolean awaitSteady(Duration deadline) throws InterruptedException {
        return Waiting.within(deadline, Duration.ofSeconds(1), () -> {
            long to = log.firstDueAt(Instant.now().minusSeconds(3));
            long from = log.firstDueAt(Instant.now().minusSeconds(13));
            return to <= sent.get() && lagMillis() < 500 && log.count(from, to, outcome -> outcome <= 0) == 0;
        });
    }

    SendLog log() {
        return log;
    }

    /** Messages handed to the producers so far. */
    long sent() {
        return sent.get();
    }

    private void pace() {
        byte[] padding = new byte[BODY_BYTES - Long.BYTES];
        for (long n = 0; sending && n < log.capacity(); n++) {
            LockSupport.parkNanos(log.dueNanos(n) - System.nanoTime());
            inFlight.acquireUninterruptibly();
            byte[] body = ByteBuffer.allocate(BODY_BYTES).putLong(n).put(padding).array();
            send(producers.get((int) (n % producers.size())), new Message(tenant.topic(), body), n, System.nanoTime());
            sent.incrementAndGet();
        }
    }

    private void send(DefaultMQProducer producer, Message message, long n, long calledNanos) {
        try {
            producer.send(message, new SendCallback() {
                @Override
                public void onSuccess(SendResult result) {
                    if (result.getSendStatus() == SendStatus.SEND_OK) {
                        log.acknowledged(n, calledNanos);
                    } else {
                        fail(n, "status " + result.getSendStatus());
                    }
                    inFlight.release();
                }

                @Override
                public void onException(Throwable e) {
                    fail(n, "onException " + e);
                    inFlight.release();
                }
            });
        } catch (Exception e) {
            fail(n, "send threw " + e);
            inFlight.release();
        }
    }

    /** Records a failed send with its reason's first line, digits collapsed (so equal reasons group). */
    private void fail(long n, String reason) {
        log.failed(n, reason.lines().findFirst().orElse(reason).replaceAll("\\d{2,}", "#"));
    }

    /** Stops the pacer and waits (at most 30 s) until every send was answered; the consumers keep running. */
    void stopSending() throws InterruptedException {
        sending = false;
        pacer.join();
        if (inFlight.tryAcquire(IN_FLIGHT, 30, TimeUnit.SECONDS)) {
            inFlight.release(IN_FLIGHT);
        }
    }

    /**
     * Waits until the group received every acknowledged message or {@code deadline} passed; true if it did.
     */
    boolean awaitDelivered(Duration deadline) throws InterruptedException {
        return Waiting.within(deadline, Duration.ofSeconds(1), () -> log.lost(0, sent.get()) == 0);
    }

    @Override
    public void close() throws InterruptedException {
        if (pacer.isAlive()) {
            stopSending();
        }
        producers.forEach(DefaultMQProducer::shutdown);
        consumers.forEach(DefaultMQPushConsumer::shutdown);
    }
}
