package io.cloudmq.bench.client;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * How late delayed messages arrive under background load (issue 6): CloudMQ's name server and broker
 * (ASYNC_FLUSH) from the node jar; one producer sends {@code --rate} messages per second of 1 KiB to a normal
 * topic that a push consumer drains, while {@value #DELAYED_PER_SECOND} delayed messages per second and level
 * go to a DELAY topic at levels 1, 2 and 3 (1 s, 5 s, 10 s) for {@code --warmup} plus {@code --seconds}. Lateness
 * of a delayed message sent after the warm-up (both consumers have their queues by then) = its arrival at the
 * consumer's listener − (its send time + the level's delay); printed per level as p50, p99 and maximum, with
 * the background rate reached and the broker's CPU over the whole run.
 *
 * <p>Delayed message body (producer and consumer share this JVM's {@link System#nanoTime}):
 * <table>
 *   <caption>body layout</caption>
 *   <tr><th>offset</th><th>size</th><th>content</th></tr>
 *   <tr><td>0</td><td>8</td><td>scheduled send time, {@code System.nanoTime()}, big-endian</td></tr>
 *   <tr><td>8</td><td>4</td><td>delay level (1 to 3), big-endian</td></tr>
 * </table>
 *
 * <p>Usage (see bench/RESULTS.md): {@code java -Xmx1g -cp bench/target/bench.jar
 * io.cloudmq.bench.client.DelayBenchmark [--seconds=60] [--warmup=3] [--rate=5000] [--heap=1g] [--dir=..]
 * [--node-jar=..]}.
 * Clients use default settings.
 *
 * <p>Threading: the main thread paces both senders; the consumers' listeners record into thread-safe counters.
 */
public final class DelayBenchmark {
    private static final String BACKGROUND_TOPIC = "BenchBackground";
    private static final String DELAYED_TOPIC = "BenchDelayed";
    private static final String BACKGROUND_GROUP = "bench-background";
    private static final String DELAYED_GROUP = "bench-delayed";
    private static final int QUEUES = 8;
    private static final long[] LEVEL_DELAY_MILLIS = {1000, 5000, 10000};
    private static final int DELAYED_PER_SECOND = 20;
    private static final int IN_FLIGHT = 1024;

    private DelayBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        // The benchmark's output is its result: it prints to stdout by design.
        PrintStream out = System.out;
        Path dir = CommandLineOptions.createRunDirectory(options.dir());
        Report machine = new Report(out);
        machine.machine("start", Instant.now());
        try (CloudMqBroker broker = CloudMqBroker.start(options.nodeJar(), dir.resolve("cloudmq"),
                GroupSetup.alone("ASYNC_FLUSH"), options.nameServerJvmArgs(), options.brokerJvmArgs())) {
            broker.createTopic(BACKGROUND_TOPIC, QUEUES);
            broker.createTopic(DELAYED_TOPIC, QUEUES, "DELAY");
            broker.createGroup(BACKGROUND_GROUP);
            broker.createGroup(DELAYED_GROUP);
            run(broker, options, out);
        }
        machine.machine("end", Instant.now());
    }

    private static void run(CloudMqBroker broker, BenchOptions options, PrintStream out) throws Exception {
        Latencies[] lateness = {new Latencies(), new Latencies(), new Latencies()};
        long measureFrom = System.nanoTime() + options.warmupSeconds().toNanos();
        AtomicLong backgroundReceived = new AtomicLong();
        DefaultMQPushConsumer background = broker.pushConsumer(BACKGROUND_GROUP);
        background.subscribe(BACKGROUND_TOPIC, "*");
        background.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            backgroundReceived.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        DefaultMQPushConsumer delayed = broker.pushConsumer(DELAYED_GROUP);
        delayed.subscribe(DELAYED_TOPIC, "*");
        delayed.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.nanoTime();
            for (MessageExt message : messages) {
                ByteBuffer body = ByteBuffer.wrap(message.getBody());
                long sent = body.getLong();
                int level = body.getInt();
                if (sent - measureFrom >= 0) {
                    lateness[level - 1].record(now - sent - TimeUnit.MILLISECONDS.toNanos(LEVEL_DELAY_MILLIS[level - 1]));
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        background.start();
        delayed.start();
        DefaultMQProducer producer = broker.producer("bench-delay-producer");
        producer.start();
        try {
            ProcessStats.CpuTimes cpuBefore = ProcessStats.cpu(broker.brokerPid());
            Sent sent = send(producer, options.rate(), measureFrom, options.seconds());
            ProcessStats.CpuTimes cpu = ProcessStats.cpu(broker.brokerPid()).minus(cpuBefore);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEVEL_DELAY_MILLIS[2] + 30_000);
            while (received(lateness) < sent.measuredDelayed() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            report(out, options, sent, backgroundReceived.get(), lateness, cpu);
        } finally {
            producer.shutdown();
            delayed.shutdown();
            background.shutdown();
        }
    }

    /**
     * What the paced senders got acknowledged (delayed: in all, and sent after the warm-up), and how long they ran.
     */
    private record Sent(long background, long backgroundFailures, long delayed, long measuredDelayed,
            long delayedFailures, double seconds) {}

    /**
     * Sends the background load and the delayed messages, paced on one schedule, from now until {@code duration}
     * after {@code measureFrom}.
     */
    private static Sent send(DefaultMQProducer producer, int rate, long measureFrom, Duration duration)
            throws Exception {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicLong backgroundOk = new AtomicLong();
        AtomicLong backgroundFailed = new AtomicLong();
        AtomicLong delayedOk = new AtomicLong();
        AtomicLong measuredOk = new AtomicLong();
        AtomicLong delayedFailed = new AtomicLong();
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long delayedEvery = Math.max(1, rate / (DELAYED_PER_SECOND * LEVEL_DELAY_MILLIS.length));
        long start = System.nanoTime();
        long end = measureFrom + duration.toNanos();
        for (long i = 0; ; i++) {
            long due = start + i * period;
            if (due >= end) {
                break;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            inFlight.acquire();
            if (i % delayedEvery == 0) {
                int level = (int) (i / delayedEvery % LEVEL_DELAY_MILLIS.length) + 1;
                sendAsync(producer, delayedMessage(level, due), inFlight,
                        due - measureFrom >= 0 ? measuredOk : delayedOk, delayedFailed);
            } else {
                sendAsync(producer, new Message(BACKGROUND_TOPIC, new byte[Workloads.BODY_BYTES]), inFlight,
                        backgroundOk, backgroundFailed);
            }
        }
        inFlight.acquire(IN_FLIGHT);
        return new Sent(backgroundOk.get(), backgroundFailed.get(), delayedOk.get() + measuredOk.get(),
                measuredOk.get(), delayedFailed.get(), (System.nanoTime() - start) / 1e9);
    }

    private static Message delayedMessage(int level, long dueNanos) {
        byte[] body = new byte[Long.BYTES + Integer.BYTES];
        ByteBuffer.wrap(body).putLong(dueNanos).putInt(level);
        Message message = new Message(DELAYED_TOPIC, body);
        message.setDelayTimeLevel(level);
        return message;
    }

    private static void sendAsync(DefaultMQProducer producer, Message message, Semaphore inFlight, AtomicLong ok,
            AtomicLong failed) throws Exception {
        producer.send(message, new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                (result.getSendStatus() == SendStatus.SEND_OK ? ok : failed).incrementAndGet();
                inFlight.release();
            }

            @Override
            public void onException(Throwable e) {
                failed.incrementAndGet();
                inFlight.release();
            }
        });
    }

    private static long received(Latencies[] lateness) {
        long total = 0;
        for (Latencies level : lateness) {
            total += level.count();
        }
        return total;
    }

    private static void report(PrintStream out, BenchOptions options, Sent sent, long backgroundReceived,
            Latencies[] lateness, ProcessStats.CpuTimes cpu) {
        long messages = sent.background() + sent.delayed();
        out.printf(Locale.ROOT, "background: %d acknowledged (%.0f msg/s of %d asked), %d failed, %d received%n",
                sent.background(), sent.background() / sent.seconds(), options.rate(), sent.backgroundFailures(),
                backgroundReceived);
        out.printf(Locale.ROOT, "delayed: %d acknowledged (%d after the warm-up), %d failed, %d of those received;"
                + " broker CPU %.1f µs per message%n", sent.delayed(), sent.measuredDelayed(), sent.delayedFailures(),
                received(lateness), cpu.totalNanos() / 1e3 / messages);
        for (int level = 1; level <= LEVEL_DELAY_MILLIS.length; level++) {
            Latencies late = lateness[level - 1];
            out.printf(Locale.ROOT, "level %d (%d ms): %d received, lateness p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    level, LEVEL_DELAY_MILLIS[level - 1], late.count(), late.millis(50), late.millis(99),
                    late.millis(100));
        }
    }
}
