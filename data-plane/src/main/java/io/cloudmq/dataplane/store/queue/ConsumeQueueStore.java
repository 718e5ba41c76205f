package io.cloudmq.dataplane.store.queue;

import io.cloudmq.dataplane.store.file.MappedFileQueue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * All consume queues of a store, under {@code <root>/consumequeue/<topic>/<queueId>/}.
 *
 * <p>Threading: lookups from any thread; {@link #findOrCreate} from the writer or recovery.
 */
public final class ConsumeQueueStore {
    private final Path directory;
    private final int fileSize;
    private final Map<String, Map<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    /**
     * @param directory the {@code consumequeue} directory
     * @param entriesPerFile entries per consume-queue file
     */
    public ConsumeQueueStore(Path directory, int entriesPerFile) {
        this.directory = directory;
        this.fileSize = entriesPerFile * ConsumeQueueEntry.SIZE;
    }

    /** Maps every consume-queue file found on disk and finds each queue's end. */
    public void load() throws IOException {
        Files.createDirectories(directory);
        for (Path topicDirectory : list(directory)) {
            String topic = topicDirectory.getFileName().toString();
            for (Path queueDirectory : list(topicDirectory)) {
                String name = queueDirectory.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    MappedFileQueue files = new MappedFileQueue(queueDirectory, fileSize);
                    files.load();
                    ConsumeQueue queue = new ConsumeQueue(topic, Integer.parseInt(name), files);
                    queue.recoverEnd();
                    queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).put(queue.queueId(), queue);
                }
            }
        }
    }

    public @Nullable ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    public ConsumeQueue findOrCreate(String topic, int queueId) {
        return queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>()).computeIfAbsent(queueId,
                id -> new ConsumeQueue(topic, id,
                        new MappedFileQueue(directory.resolve(topic).resolve(String.valueOf(id)), fileSize)));
    }

    /** Snapshot of every queue. */
    public List<ConsumeQueue> all() {
        List<ConsumeQueue> all = new ArrayList<>();
        queues.values().forEach(byId -> all.addAll(byId.values()));
        return all;
    }

    public void flushAll() throws IOException {
        for (ConsumeQueue queue : all()) {
            queue.flush();
        }
    }

    private static List<Path> list(Path parent) throws IOException {
        try (Stream<Path> listing = Files.list(parent)) {
            return listing.filter(Files::isDirectory).toList();
        }
    }
}
