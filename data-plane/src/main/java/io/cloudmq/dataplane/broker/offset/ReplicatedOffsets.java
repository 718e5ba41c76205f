package io.cloudmq.dataplane.broker.offset;

import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable;
import io.cloudmq.dataplane.remoting.protocol.body.ConsumerOffsetTable.Version;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Committed offsets as a master and its slave exchange them: {@link ConsumerOffsetTable} bodies (layout there)
 * built from and read into {@link CommittedOffset} entries. A table without a {@code versionTable} comes from a
 * peer that does not version offsets (an older node, or Apache RocketMQ).
 *
 * <p>Stateless and thread-safe.
 */
public final class ReplicatedOffsets {
    private ReplicatedOffsets() {}

    /** What a master answers to {@code GET_ALL_CONSUMER_OFFSET}: every entry and the pending resets. */
    public static ConsumerOffsetTable answer(ConsumerOffsetStore store) {
        ConsumerOffsetTable entries = tableOf(store.entries());
        return new ConsumerOffsetTable(entries.offsetTable(), entries.versionTable(), store.pendingResets());
    }

    /** {@code entries} ({@code "<topic>@<group>"} → queue id → entry) as a table with versions, no resets. */
    public static ConsumerOffsetTable tableOf(Map<String, Map<Integer, CommittedOffset>> entries) {
        Map<String, Map<Integer, Long>> offsets = new HashMap<>();
        Map<String, Map<Integer, Version>> versions = new HashMap<>();
        entries.forEach((key, queues) -> queues.forEach((queueId, entry) -> {
            offsets.computeIfAbsent(key, ignored -> new HashMap<>()).put(queueId, entry.offset());
            versions.computeIfAbsent(key, ignored -> new HashMap<>())
                    .put(queueId, new Version(entry.epoch(), entry.timeMillis()));
        }));
        return new ConsumerOffsetTable(offsets, versions, null);
    }

    /** The entries of {@code table}; an offset without a version gets version (0, 0). */
    public static Map<String, Map<Integer, CommittedOffset>> entriesOf(ConsumerOffsetTable table) {
        Map<String, Map<Integer, Version>> versions = Objects.requireNonNullElse(table.versionTable(), Map.of());
        Map<String, Map<Integer, CommittedOffset>> entries = new HashMap<>();
        table.offsetTable().forEach((key, queues) -> {
            Map<Integer, Version> queueVersions = versions.getOrDefault(key, Map.of());
            Map<Integer, CommittedOffset> converted = new HashMap<>();
            queues.forEach((queueId, offset) -> {
                Version version = queueVersions.get(queueId);
                converted.put(queueId, version == null ? CommittedOffset.unversioned(offset)
                        : new CommittedOffset(offset, version.epoch(), version.timeMillis()));
            });
            entries.put(key, converted);
        });
        return entries;
    }
}
