package io.cloudmq.dataplane.store.recovery;

import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.StoreConfig;
import io.cloudmq.dataplane.store.TestStores;
import io.cloudmq.dataplane.store.commitlog.AppendedRecord;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.flush.FlushMode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Child process of {@link CrashRecoveryIT}: opens a store and puts messages from several threads until
 * it is killed, printing one line per acknowledged record on stdout:
 * {@code ACK <physicalOffset> <size> <queueId> <queueOffset> <uniqueId> <crc32 of the record> END}.
 * Exits when its stdin closes (the parent died).
 */
public final class CrashChild {
    static final String TOPIC = "T";
    static final int WRITERS = 4;

    private CrashChild() {}

    /** The store settings parent and child share. */
    static StoreConfig config(Path root, FlushMode mode) {
        return TestStores.config(root).withFlushMode(mode).withFlushInterval(Duration.ofMillis(30),
                Duration.ofSeconds(10));
    }

    /** The message a writer puts at a sequence number in a round. */
    static IncomingMessage message(int round, int writer, int sequence) {
        long seed = round * 1_000_000L + writer * 100_000L + sequence;
        return io.cloudmq.dataplane.store.commitlog.TestMessages.message(TOPIC, writer, "tag" + sequence % 3,
                "key-" + seed, "U-" + seed, 100 + sequence % 200, seed);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        FlushMode mode = FlushMode.valueOf(args[1]);
        int round = Integer.parseInt(args[2]);
        Thread parentWatch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent never writes; EOF means it is gone
                }
            } catch (IOException e) {
                // stdin broken: the parent is gone as well
            }
            Runtime.getRuntime().halt(3);
        });
        parentWatch.setDaemon(true);
        parentWatch.start();
        DefaultMessageStore store = DefaultMessageStore.open(config(root, mode));
        PrintStream out = System.out;
        out.println("READY");
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> write(store, out, round, writer), "writer-" + w);
            writers.add(thread);
            thread.start();
        }
        for (Thread thread : writers) {
            thread.join();
        }
    }

    private static void write(DefaultMessageStore store, PrintStream out, int round, int writer) {
        for (int sequence = 0; ; sequence += 3) {
            List<IncomingMessage> batch = sequence % 10 == 0
                    ? List.of(message(round, writer, sequence), message(round, writer, sequence + 1),
                            message(round, writer, sequence + 2))
                    : List.of(message(round, writer, sequence));
            PutResult result = store.putBatch(batch);
            if (result.status() != PutStatus.PUT_OK) {
                throw new IllegalStateException("put failed: " + result.status());
            }
            for (int i = 0; i < result.records().size(); i++) {
                AppendedRecord record = result.records().get(i);
                ByteBuffer bytes = store.getByPhysicalOffset(record.physicalOffset()).orElseThrow().bytes();
                out.println("ACK " + record.physicalOffset() + " " + record.size() + " " + writer + " "
                        + record.queueOffset() + " " + uniqueId(batch.get(i)) + " " + crc(bytes) + " END");
            }
        }
    }

    static String uniqueId(IncomingMessage message) {
        String properties = message.properties();
        int start = properties.indexOf("UNIQ_KEY\u0001") + "UNIQ_KEY\u0001".length();
        return properties.substring(start, properties.indexOf('\u0002', start));
    }

    static long crc(ByteBuffer bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes.duplicate());
        return crc.getValue();
    }
}
