package io.cloudmq.dataplane.broker.offset;

import io.cloudmq.dataplane.store.file.StateFile;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Committed consumer offsets per (topic, group, queue), each with its version ({@link CommittedOffset}: this
 * broker's epoch and clock at the commit). Commits go to memory; {@link #persist()} writes them all to the
 * {@link OffsetFile} (its Javadoc has the layout), called periodically and at shutdown, so a crash loses at
 * most the commits of one persist interval.
 *
 * <p>A {@link #reset} (spec §4.15, server-side reset) overwrites the committed offset and leaves a pending
 * reset for the queue: until the next pull of that queue {@linkplain #takeReset takes} it, commits of the
 * queue are ignored, so a consumer still holding its old position cannot overwrite the reset. Pending resets
 * live in memory only; the reset offset itself is persisted like any commit.
 *
 * <p>A master and its slave both accept commits (the slave while the master is away) and reconcile them
 * last-writer-wins when they meet ({@link #reconcileWithMaster} on the slave, {@link #learnFromSlave} on the
 * master, rules in {@link OffsetMerge}).
 *
 * <p>Thread-safe: commits and reads are lock-free, each queue's entry changes atomically (a commit, a reset
 * and a merge of one queue never interleave); persists are serialised by the store's monitor.
 */
public final class ConsumerOffsetStore {
    private static final char KEY_SEPARATOR = '@';

    private final OffsetFile file;
    private final LongSupplier epoch;
    private final Clock clock;
    private final ConcurrentMap<String, ConcurrentMap<Integer, CommittedOffset>> offsets = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> pendingResets = new ConcurrentHashMap<>();

    private ConsumerOffsetStore(OffsetFile file, LongSupplier epoch, Clock clock) {
        this.file = file;
        this.epoch = epoch;
        this.clock = clock;
    }

    /**
     * Opens the store in {@code file}, reloading what was persisted there.
     *
     * @param epoch this broker's current epoch, the first half of the version of each commit it accepts
     * @param clock the second half: the time of the commit
     * @throws IOException if the file exists but cannot be read or has another format
     */
    public static ConsumerOffsetStore open(StateFile file, JsonMapper json, LongSupplier epoch, Clock clock)
            throws IOException {
        OffsetFile offsetFile = new OffsetFile(file, json);
        ConsumerOffsetStore store = new ConsumerOffsetStore(offsetFile, epoch, clock);
        offsetFile.read().forEach((key, queues) -> store.offsets.put(key, new ConcurrentHashMap<>(queues)));
        return store;
    }

    /** Records a committed offset (a later commit replaces an earlier one); ignored while a reset is pending. */
    public void commit(String topic, String group, int queueId, long offset) {
        String key = key(topic, group);
        CommittedOffset stamped = stamp(offset);
        queues(key).compute(queueId, (ignored, own) -> resetPending(key, queueId) ? own : stamped);
    }

    /** Overwrites the committed offset and leaves a pending reset for the queue's next pull. */
    public void reset(String topic, String group, int queueId, long offset) {
        String key = key(topic, group);
        pendingResets.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>()).put(queueId, offset);
        queues(key).put(queueId, stamp(offset));
    }

    /** Removes and answers the pending reset of the queue, if there is one. */
    public OptionalLong takeReset(String topic, String group, int queueId) {
        Map<Integer, Long> pending = pendingResets.get(key(topic, group));
        Long offset = pending == null ? null : pending.remove(queueId);
        return offset == null ? OptionalLong.empty() : OptionalLong.of(offset);
    }

    /** Whether a reset of the queue waits for its next pull. */
    public boolean resetPending(String topic, String group, int queueId) {
        return resetPending(key(topic, group), queueId);
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
        Map<Integer, CommittedOffset> queues = offsets.get(key(topic, group));
        CommittedOffset entry = queues == null ? null : queues.get(queueId);
        return entry == null ? OptionalLong.empty() : OptionalLong.of(entry.offset());
    }

    /** The committed offsets of {@code group}: topic → queue id → offset. */
    public Map<String, Map<Integer, Long>> ofGroup(String group) {
        String suffix = KEY_SEPARATOR + group;
        Map<String, Map<Integer, Long>> byTopic = new HashMap<>();
        offsets.forEach((key, queues) -> {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                byTopic.put(key.substring(0, key.length() - suffix.length()), offsetsOf(queues));
            }
        });
        return byTopic;
    }

    /** The committed offsets on one queue: group → offset. */
    public Map<String, Long> onQueue(String topic, int queueId) {
        String prefix = topic + KEY_SEPARATOR;
        Map<String, Long> byGroup = new HashMap<>();
        offsets.forEach((key, queues) -> {
            CommittedOffset entry = queues.get(queueId);
            if (entry != null && key.startsWith(prefix) && key.length() > prefix.length()) {
                byGroup.put(key.substring(prefix.length()), entry.offset());
            }
        });
        return byGroup;
    }

    /** A copy of every committed offset: {@code "<topic>@<group>"} → queue id → offset. */
    public Map<String, Map<Integer, Long>> snapshot() {
        Map<String, Map<Integer, Long>> snapshot = new HashMap<>();
        offsets.forEach((key, queues) -> snapshot.put(key, offsetsOf(queues)));
        return snapshot;
    }

    /** A copy of every committed offset with its version: {@code "<topic>@<group>"} → queue id → entry. */
    public Map<String, Map<Integer, CommittedOffset>> entries() {
        Map<String, Map<Integer, CommittedOffset>> entries = new HashMap<>();
        offsets.forEach((key, queues) -> entries.put(key, Map.copyOf(queues)));
        return entries;
    }

    /** The queues with a pending reset: {@code "<topic>@<group>"} → queue ids. */
    public Map<String, Set<Integer>> pendingResets() {
        Map<String, Set<Integer>> pending = new HashMap<>();
        pendingResets.forEach((key, queues) -> {
            if (!queues.isEmpty()) {
                pending.put(key, Set.copyOf(queues.keySet()));
            }
        });
        return pending;
    }

    /**
     * Takes over every entry of {@code table} (a master's that has no versions, such as an older node's):
     * the master's offsets win; offsets of queues the table does not name are kept.
     */
    public void adopt(Map<String, Map<Integer, CommittedOffset>> table) {
        table.forEach((key, queues) -> queues(key).putAll(queues));
    }

    /**
     * On a slave: merges its master's entries ({@link OffsetMerge#slaveTakes}) and answers the entries this
     * store keeps as newer than the master's, or that the master lacks, for the master to learn.
     *
     * @param masterResets the queues with a reset pending on the master: {@code "<topic>@<group>"} → queue ids
     */
    public Map<String, Map<Integer, CommittedOffset>> reconcileWithMaster(
            Map<String, Map<Integer, CommittedOffset>> master, Map<String, Set<Integer>> masterResets) {
        master.forEach((key, queues) -> queues.forEach((queueId, masters) -> queues(key).compute(queueId,
                (ignored, own) -> OffsetMerge.slaveTakes(own, masters, pendingOn(masterResets, key, queueId))
                        ? masters : own)));
        Map<String, Map<Integer, CommittedOffset>> newer = new HashMap<>();
        offsets.forEach((key, queues) -> queues.forEach((queueId, own) -> {
            Map<Integer, CommittedOffset> masterQueues = master.getOrDefault(key, Map.of());
            if (OffsetMerge.slaveReports(own, masterQueues.get(queueId), pendingOn(masterResets, key, queueId))) {
                newer.computeIfAbsent(key, ignored -> new HashMap<>()).put(queueId, own);
            }
        }));
        return newer;
    }

    /**
     * On a master: takes each of its slave's entries that is a later write than its own, unless a reset of the
     * queue is pending ({@link OffsetMerge#masterTakes}).
     *
     * @return how many entries were taken
     */
    public int learnFromSlave(Map<String, Map<Integer, CommittedOffset>> slave) {
        AtomicInteger taken = new AtomicInteger();
        slave.forEach((key, queues) -> queues.forEach((queueId, slaves) -> queues(key).compute(queueId,
                (ignored, own) -> {
                    if (OffsetMerge.masterTakes(own, resetPending(key, queueId), slaves)) {
                        taken.incrementAndGet();
                        return slaves;
                    }
                    return own;
                })));
        return taken.get();
    }

    /** Writes every committed offset to the file, replacing it atomically. */
    public synchronized void persist() throws IOException {
        file.write(entries());
    }

    private CommittedOffset stamp(long offset) {
        return new CommittedOffset(offset, epoch.getAsLong(), clock.millis());
    }

    private ConcurrentMap<Integer, CommittedOffset> queues(String key) {
        return offsets.computeIfAbsent(key, ignored -> new ConcurrentHashMap<>());
    }

    private boolean resetPending(String key, int queueId) {
        Map<Integer, Long> pending = pendingResets.get(key);
        return pending != null && pending.containsKey(queueId);
    }

    private static boolean pendingOn(Map<String, Set<Integer>> resets, String key, int queueId) {
        Set<Integer> queues = resets.get(key);
        return queues != null && queues.contains(queueId);
    }

    private static Map<Integer, Long> offsetsOf(Map<Integer, CommittedOffset> queues) {
        Map<Integer, Long> copy = new HashMap<>();
        queues.forEach((queueId, entry) -> copy.put(queueId, entry.offset()));
        return Map.copyOf(copy);
    }

    private static String key(String topic, String group) {
        return topic + KEY_SEPARATOR + group;
    }
}
