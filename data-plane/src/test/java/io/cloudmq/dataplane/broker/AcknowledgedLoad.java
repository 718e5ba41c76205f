package io.cloudmq.dataplane.broker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageDecoder;

/**
 * Producer threads sending synchronously through one official producer, each message with a random body
 * of 64 to 2 111 bytes; every send answered {@code SEND_OK} is recorded by its message id with its body and
 * its commit-log offset.
 * Other answers and failed sends are counted; a failed send backs off 20 ms so a dead broker is not spun
 * on. Thread-safe; the counters and the snapshot may be read while the load runs.
 */
final class AcknowledgedLoad implements AutoCloseable {
    private final Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, Long> commitLogOffsets = new ConcurrentHashMap<>();
    private final AtomicLong otherStatuses = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    AcknowledgedLoad(DefaultMQProducer producer, String topic, int threadCount) {
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> send(producer, topic), "load-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void send(DefaultMQProducer producer, String topic) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running.get()) {
            byte[] body = new byte[64 + random.nextInt(2048)];
            random.nextBytes(body);
            try {
                SendResult result = producer.send(new Message(topic, "failover", body));
                if (result.getSendStatus() == SendStatus.SEND_OK) {
                    long offset = MessageDecoder.decodeMessageId(result.getOffsetMsgId()).getOffset();
                    commitLogOffsets.put(result.getMsgId(), offset);
                    acknowledged.put(result.getMsgId(), body);
                } else {
                    otherStatuses.incrementAndGet();
                }
            } catch (Exception e) {
                failures.incrementAndGet();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    /** The messages acknowledged so far, by message id. */
    Map<String, byte[]> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    /** The commit-log offset of each acknowledged message (from its offset message id), by message id. */
    Map<String, Long> commitLogOffsets() {
        return Map.copyOf(commitLogOffsets);
    }

    int acknowledgedCount() {
        return acknowledged.size();
    }

    /** Sends answered with a status other than SEND_OK (stored, not acknowledged as replicated). */
    long otherStatuses() {
        return otherStatuses.get();
    }

    /** Sends that ended with an exception. */
    long failures() {
        return failures.get();
    }

    /** Stops the threads after their current send. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }
}
