package io.cloudmq.bench.client;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.jspecify.annotations.Nullable;

/**
 * The benchmark's workloads against one broker, each measured as a phase: the broker's (and its slave's, if it
 * has one) CPU time over the phase from their own accounting, and optionally a Flight Recording of that phase.
 *
 * <p>Message body, {@value #BODY_BYTES} bytes (producer and consumer share this JVM's {@link System#nanoTime}):
 * <table>
 *   <caption>body layout</caption>
 *   <tr><th>offset</th><th>size</th><th>content</th></tr>
 *   <tr><td>0</td><td>8</td><td>send time, {@code System.nanoTime()}, big-endian; {@code Long.MIN_VALUE} marks a
 *       probe sent only to see that a consumer is assigned</td></tr>
 *   <tr><td>8</td><td>1016</td><td>zeros</td></tr>
 * </table>
 *
 * <p>Clients use default settings (see {@link BrokerUnderTest}); the one exception is the drain consumer's
 * {@code CONSUME_FROM_FIRST_OFFSET}: a new group must start at the beginning of the backlog it drains.
 *
 * <p>Threading: one phase at a time from one thread; phases start their own sender threads.
 */
final class Workloads implements AutoCloseable {
    static final int BODY_BYTES = 1024;
    private static final int ASYNC_IN_FLIGHT = 1024;
    private static final long PROBE = Long.MIN_VALUE;

    private final BrokerUnderTest broker;
    private final DefaultMQProducer producer;
    private final @Nullable String jfrPhase;
    private final Path jfrDir;

    Workloads(BrokerUnderTest broker, @Nullable String jfrPhase, Path jfrDir) throws Exception {
        this.broker = broker;
        this.jfrPhase = jfrPhase;
        this.jfrDir = jfrDir;
        this.producer = broker.producer("bench-producer");
        producer.start();
    }

    /** {@code threads} threads each sending synchronously in a loop for {@code duration}. */
    PhaseResult syncSend(String phase, String topic, int threads, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        Window window = open(phase);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> senders = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread sender = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    try {
                        SendResult result = producer.send(message(topic, start));
                        if (result.getSendStatus() == SendStatus.SEND_OK) {
                            latencies.record(System.nanoTime() - start);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "sync-sender-" + i);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        return window.close(latencies.count(), latencies, failures.get());
    }

    /**
     * Sends asynchronously with at most {@value #ASYNC_IN_FLIGHT} sends in flight until {@code maxMessages} are
     * sent or {@code duration} is over, then waits for every acknowledgement.
     */
    PhaseResult asyncSend(String phase, String topic, long maxMessages, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong failures = new AtomicLong();
        Semaphore inFlight = new Semaphore(ASYNC_IN_FLIGHT);
        Window window = open(phase);
        long end = System.nanoTime() + duration.toNanos();
        for (long sent = 0; sent < maxMessages && System.nanoTime() < end; sent++) {
            inFlight.acquire();
            sendAsync(topic, System.nanoTime(), latencies, failures, inFlight);
        }
        inFlight.acquire(ASYNC_IN_FLIGHT);
        return window.close(latencies.count(), latencies, failures.get());
    }

    /**
     * Sends at {@code rate} messages per second for one second of warm-up plus {@code duration} while a push
     * consumer receives them; latency is from the scheduled send time to delivery to the listener, over the
     * messages sent after the warm-up.
     */
    PhaseResult endToEnd(String phase, String topic, String group, int rate, Duration duration) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong warmUpFailures = new AtomicLong();
        AtomicLong measuredFailures = new AtomicLong();
        AtomicLong probes = new AtomicLong();
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE);
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.nanoTime();
            for (MessageExt message : messages) {
                long sent = ByteBuffer.wrap(message.getBody()).getLong();
                if (sent == PROBE) {
                    probes.incrementAndGet();
                } else if (sent - measureFrom.get() >= 0) {
                    latencies.record(now - sent);
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            awaitConsumerReady(topic, probes);
            Semaphore inFlight = new Semaphore(ASYNC_IN_FLIGHT);
            Latencies sendLatencies = new Latencies();
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            measureFrom.set(start + TimeUnit.SECONDS.toNanos(1));
            @Nullable Window window = null;
            long measured = 0;
            for (long i = 0; ; i++) {
                long due = start + i * period;
                if (due - measureFrom.get() >= duration.toNanos()) {
                    break;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                if (window == null && due - measureFrom.get() >= 0) {
                    window = open(phase);
                }
                if (window != null) {
                    measured++;
                }
                inFlight.acquire();
                sendAsync(topic, due, sendLatencies, window == null ? warmUpFailures : measuredFailures, inFlight);
            }
            double sendSeconds = (System.nanoTime() - measureFrom.get()) / 1e9;
            // a failed send is never delivered: wait for the others only
            awaitCount(() -> latencies.count() + measuredFailures.get(), measured, Duration.ofSeconds(30));
            if (window == null) {
                throw new IllegalStateException("the end-to-end phase sent nothing after its warm-up");
            }
            PhaseResult result = window.close(measured, latencies, warmUpFailures.get() + measuredFailures.get());
            // the rate reported is the rate sent, not including the wait for the last deliveries
            return new PhaseResult(result.messages(), sendSeconds, result.p50Millis(), result.p99Millis(),
                    result.brokerCpuNanos(), result.brokerSystemNanos(), result.slaveCpuNanos(), result.failures());
        } finally {
            consumer.shutdown();
        }
    }

    /**
     * Fills {@code topic} with {@code backlog} messages (async sends, not measured), then measures a new push
     * consumer group receiving all that were stored, from the first offset; failures are the fill's failed sends.
     */
    PhaseResult drain(String phase, String topic, String group, long backlog) throws Exception {
        long filled = asyncSend(phase + "-fill", topic, backlog, Duration.ofDays(1)).messages();
        AtomicLong received = new AtomicLong();
        DefaultMQPushConsumer consumer = broker.pushConsumer(group);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            received.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        Window window = open(phase);
        consumer.start();
        try {
            awaitCount(received::get, filled, Duration.ofSeconds(Math.max(120, filled / 1000)));
            return window.close(Math.min(received.get(), filled), new Latencies(), backlog - filled);
        } finally {
            consumer.shutdown();
        }
    }

    private void sendAsync(String topic, long sentNanos, Latencies latencies, AtomicLong failures,
            Semaphore inFlight) throws Exception {
        producer.send(message(topic, sentNanos), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    latencies.record(System.nanoTime() - sentNanos);
                } else {
                    failures.incrementAndGet();
                }
                inFlight.release();
            }

            @Override
            public void onException(Throwable e) {
                failures.incrementAndGet();
                inFlight.release();
            }
        });
    }

    /** Sends probe messages every 100 ms until the consumer has received one (its queues are assigned). */
    private void awaitConsumerReady(String topic, AtomicLong probes) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (probes.get() == 0) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("consumer of " + topic + " received nothing within 60 s");
            }
            producer.send(message(topic, PROBE));
            Thread.sleep(100);
        }
    }

    private static void awaitCount(LongSupplier count, long expected, Duration deadline)
            throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (count.getAsLong() < expected && System.nanoTime() < end) {
            Thread.sleep(1);
        }
    }

    private static Message message(String topic, long sentNanos) {
        byte[] body = new byte[BODY_BYTES];
        ByteBuffer.wrap(body).putLong(sentNanos);
        return new Message(topic, body);
    }

    private Window open(String phase) throws Exception {
        boolean recording = phase.equals(jfrPhase);
        if (recording) {
            Jfr.start(broker.brokerPid());
        }
        return new Window(phase, recording, System.nanoTime(), ProcessStats.cpu(broker.brokerPid()), slaveCpu());
    }

    /** The slave's CPU time so far, 0 without a slave. */
    private long slaveCpu() {
        OptionalLong slave = broker.slavePid();
        return slave.isPresent() ? ProcessStats.cpu(slave.getAsLong()).totalNanos() : 0;
    }

    /** A measured interval: wall clock, broker CPU and slave CPU from its start to {@link #close}. */
    private final class Window {
        private final String phase;
        private final boolean recording;
        private final long startNanos;
        private final ProcessStats.CpuTimes startCpu;
        private final long startSlaveCpu;

        Window(String phase, boolean recording, long startNanos, ProcessStats.CpuTimes startCpu, long startSlaveCpu) {
            this.phase = phase;
            this.recording = recording;
            this.startNanos = startNanos;
            this.startCpu = startCpu;
            this.startSlaveCpu = startSlaveCpu;
        }

        PhaseResult close(long messages, Latencies latencies, long failures) throws Exception {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            ProcessStats.CpuTimes cpu = ProcessStats.cpu(broker.brokerPid()).minus(startCpu);
            long slaveCpu = slaveCpu() - startSlaveCpu;
            if (recording) {
                Jfr.stop(broker.brokerPid(), jfrDir.resolve("cloudmq-" + phase + ".jfr"));
            }
            return new PhaseResult(messages, seconds, latencies.millis(50), latencies.millis(99), cpu.totalNanos(),
                    cpu.systemNanos(), slaveCpu, failures);
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
