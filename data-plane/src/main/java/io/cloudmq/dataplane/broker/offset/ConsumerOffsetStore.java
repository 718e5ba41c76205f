package io.cloudmq.dataplane.broker.offset;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Committed consumer offsets per (topic, group, queue). Commits go to memory; {@link #persist()} writes
 * them all to one {@link StateFile} (atomic replace), called periodically and at shutdown, so a crash
 * loses at most the commits of one persist interval.
 *
 * <p>File format (UTF-8 JSON, one object):
 * <table>
 *   <caption>consumer-offsets.json</caption>
 *   <tr><th>field</th><th>type</th><th>meaning</th></tr>
 *   <tr><td>formatVersion</td><td>int</td><td>{@value #FORMAT_VERSION}</td></tr>
 *   <tr><td>offsets</td><td>object</td><td>{@code "<topic>@<group>"} → object of queue id (string) → offset (long)</td></tr>
 * </table>
 *
 * <p>A {@link #reset} (spec §4.15, server-side reset) overwrites the committed offset and leaves a pending
 * reset for the queue: until the next pull of that queue {@linkplain #takeReset takes} it, commits of the
 * queue are ignored, so a consumer still holding its old position cannot overwrite the reset. Pending resets
 * live in memory only; the reset offset itself is persisted like any commit.
 *
 * <p>Thread-safe: commits and reads are lock-free; persists are serialised by the store's monitor.
 */
public final class ConsumerOffsetStore {
    static final int FORMAT_VERSION = 1;
    private static final char KEY_SEPARATOR = '@';

    /** On-disk content; see the class Javadoc. */
    record Stored(int formatVersion, Map<String, Map<Integer, Long>> offsets) {}

    private final StateFile file;
    private final JsonMapper json;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> pendingResets = new ConcurrentHashMap<>();

    private ConsumerOffsetStore(StateFile file, JsonMapper json) {
        this.file = file;
        this.json = json;
    }

    /**
     * Opens the store in {@code file}, reloading what was persisted there.
     *
     * @throws IOException if the file exists but cannot be read or has another format
     */
    public static ConsumerOffsetStore open(StateFile file, JsonMapper json) throws IOException {
        ConsumerOffsetStore store = new ConsumerOffsetStore(file, json);
        byte[] content = file.read().orElse(null);
        if (content != null) {
            try {
                Stored stored = json.readValue(content, Stored.class);
                if (stored.formatVersion() != FORMAT_VERSION) {
                    throw new IOException(file.path() + " has format version " + stored.formatVersion());
                }
                stored.offsets().forEach((key, queues) -> store.offsets.put(key, new ConcurrentHashMap<>(queues)));
            } catch (JacksonException e) {
                throw new IOException(file.path() + " is not a valid offset file: " + e.getOriginalMessage(), e);
            }
        }
        return store;
    }

    /** Records a committed offset (a later commit replaces an earlier one); ignored while a reset is pending. */
    public void commit(String topic, String group, int queueId, long offset) {
        if (resetPending(topic, group, queueId)) {
            return;
        }
        offsets.computeIfAbsent(key(topic, group), ignored -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /** Overwrites the committed offset and leaves a pending reset for the queue's next pull. */
    public void reset(String topic, String group, int queueId, long offset) {
        String key = key(topic, group);
        pendingResets.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>()).put(queueId, offset);
        offsets.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /** Removes and answers the pending reset of the queue, if there is one. */
    public OptionalLong takeReset(String topic, String group, int queueId) {
        Map<Integer, Long> pending = pendingResets.get(key(topic, group));
        Long offset = pending == null ? null : pending.remove(queueId);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Whether a reset of the queue waits for its next pull. */
    public boolean resetPending(String topic, String group, int queueId) {
        Map<Integer, Long> pending = pendingResets.get(key(topic, group));
        return pending != null && pending.containsKey(queueId);
    }

    /** The topics for which {@code group} committed an offset. */
    public Set<String> topicsOf(String group) {
        String suffix = KEY_SEPARATOR + group;
        Set<String> topics = new TreeSet<>();
        offsets.keySet().stream().filter(key -> key.endsWith(suffix))
                .forEach(key -> topics.add(key.substring(0, key.length() - suffix.length())));
        return topics;
    }

    /** The committed offset, if the group ever committed one for the queue. */
    public OptionalLong committed(String topic, String group, int queueId) {
        Map<Integer, Long> queues = offsets.get(key(topic, group));
        Long offset = queues == null ? null : queues.get(queueId);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** The committed offsets of {@code group}: topic → queue id → offset. */
    public Map<String, Map<Integer, Long>> ofGroup(String group) {
        String suffix = KEY_SEPARATOR + group;
        Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
        offsets.forEach((key, queues) -> {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                byTopic.put(key.substring(0, key.length() - suffix.length()), Map.copyOf(queues));
            }
        });
        return byTopic;
    }

    /** The committed offsets on one queue: group → offset. */
    public Map<String, Long> onQueue(String topic, int queueId) {
        String prefix = topic + KEY_SEPARATOR;
        Map<String, Long> byGroup = new HashMap<>();
        offsets.forEach((key, queues) -> {
            Long offset = queues.get(queueId);
            if (offset != null && key.startsWith(prefix) && key.length() > prefix.length()) {
                byGroup.put(key.substring(prefix.length()), offset);
            }
        });
        return byGroup;
    }

    /** A copy of every committed offset: {@code "<topic>@<group>"} → queue id → offset. */
    public Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> snapshot = new HashMap<>();
        offsets.forEach((key, queues) -> snapshot.put(key, Map.copyOf(queues)));
        return snapshot;
    }

    /**
     * Takes over every offset of {@code table} (a master's {@link #snapshot()}, on a slave); offsets of
     * queues the table does not name are kept.
     */
    public void adopt(Map<String, Map<Integer, Long>> table) {
        table.forEach((key, queues) -> offsets.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>()).putAll(queues));
    }

    /** Writes every committed offset to the file, replacing it atomically. */
    public synchronized void persist() throws IOException {
        file.write(json.writeValueAsBytes(new Stored(FORMAT_VERSION, snapshot())));
    }

    private static String key(String topic, String group) {
        return topic + KEY_SEPARATOR + group;
    }
}
