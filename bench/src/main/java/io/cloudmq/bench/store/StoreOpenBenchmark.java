package io.cloudmq.bench.store;

import io.cloudmq.bench.Directories;
import io.cloudmq.dataplane.store.DefaultMessageStore;
import io.cloudmq.dataplane.store.PutStatus;
import io.cloudmq.dataplane.store.StoreConfig;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long a broker's store takes to open after a clean shutdown, the part of a restart that grows with the data:
 * a store like a broker's after a few minutes of an upgrade benchmark at 5,000 msg/s (one topic's 4 queues hold
 * the messages, every other queue a single message: retry, system, canary and tenant topics that are mostly
 * empty) is written once, closed, then opened and closed again {@code rounds} times in this JVM. Writing it has
 * loaded and compiled the store's code, so the openings show the store's own work, as in a hot successor whose
 * start-up paths were exercised before it took over.
 *
 * <p>Usage: {@code java -Xmx256m -cp bench/target/bench.jar io.cloudmq.bench.store.StoreOpenBenchmark [dir]
 * [queues] [messages] [rounds]}, defaults {@code bench/target/store-open 44 360000 10}. The directory is deleted
 * before and after. Prints every opening and closing in milliseconds, and the openings' median, minimum and
 * maximum.
 *
 * <p>Threading: runs on the main thread only.
 */
public final class StoreOpenBenchmark {
    private static final int BODY_SIZE = 1024;
    private static final int BATCH = 64;
    private static final int BUSY_QUEUES = 4;

    private StoreOpenBenchmark() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "bench/target/store-open");
        int queues = args.length > 1 ? Integer.parseInt(args[1]) : 44;
        int messages = args.length > 2 ? Integer.parseInt(args[2]) : 360_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        if (queues < BUSY_QUEUES || messages < 1 || rounds < 1) {
            throw new IllegalArgumentException("needs queues >= " + BUSY_QUEUES + ", messages >= 1, rounds >= 1");
        }
        StoreConfig config = StoreConfig.defaults(root, "bench", "broker-a", new InetSocketAddress("127.0.0.1", 10911));
        Directories.deleteTree(root);
        try {
            long filled = fill(config, queues, messages);
            System.out.printf(Locale.ROOT, "store written: %d messages of %d B in %d queues (%d of them hold one "
                    + "message), %.0f MB of commit log%n", messages + queues - BUSY_QUEUES, BODY_SIZE, queues,
                    queues - BUSY_QUEUES, filled / 1e6);
            double[] opens = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long started = System.nanoTime();
                DefaultMessageStore store = DefaultMessageStore.open(config);
                long opened = System.nanoTime();
                store.close();
                long closed = System.nanoTime();
                opens[round] = (opened - started) / 1e6;
                System.out.printf(Locale.ROOT, "round %2d: open %7.1f ms, close %6.1f ms%n", round + 1,
                        opens[round], (closed - opened) / 1e6);
            }
            Arrays.sort(opens);
            System.out.printf(Locale.ROOT, "open: median %.1f ms, min %.1f ms, max %.1f ms (%d rounds)%n",
                    opens[rounds / 2], opens[0], opens[rounds - 1], rounds);
        } finally {
            Directories.deleteTree(root);
        }
    }

    /** Writes the store and closes it cleanly; answers the commit log's size in bytes. */
    private static long fill(StoreConfig config, int queues, int messages) {
        byte[] body = new byte[BODY_SIZE];
        InetSocketAddress born = new InetSocketAddress("127.0.0.1", 50000);
        DefaultMessageStore store = DefaultMessageStore.open(config);
        try {
            List<IncomingMessage> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < messages; i++) {
                batch.add(new IncomingMessage("orders", (i / BATCH) % BUSY_QUEUES, 0, body, "", 0,
                        System.currentTimeMillis(), born, 0, 0));
                if (batch.size() == BATCH || i == messages - 1) {
                    requireOk(store.putBatch(batch).status());
                    batch.clear();
                }
            }
            for (int queue = BUSY_QUEUES; queue < queues; queue++) {
                requireOk(store.put(new IncomingMessage("sparse-" + queue, 0, 0, body, "", 0,
                        System.currentTimeMillis(), born, 0, 0)).status());
            }
            return store.commitLogMaxOffset();
        } finally {
            store.close();
        }
    }

    private static void requireOk(PutStatus status) {
        if (status != PutStatus.PUT_OK) {
            throw new IllegalStateException("put failed: " + status);
        }
    }
}
