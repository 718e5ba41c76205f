package io.cloudmq.dataplane.store;

import io.cloudmq.dataplane.store.commitlog.CommitLog;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.commitlog.RecordHeader;
import io.cloudmq.dataplane.store.commitlog.RecordScan;
import io.cloudmq.dataplane.store.index.IndexService;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds single records: by physical offset, and by key or unique id through the index, confirming
 * every index candidate against the record itself (hashes collide).
 *
 * <p>Threading: safe from any thread.
 */
final class MessageLookup {
    private final CommitLog commitLog;
    private final IndexService index;

    MessageLookup(CommitLog commitLog, IndexService index) {
        this.commitLog = commitLog;
        this.index = index;
    }

    Optional<StoredMessage> byPhysicalOffset(long physicalOffset) {
        byte[] record = commitLog.readRecord(physicalOffset);
        if (record == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(record);
        return Optional.of(new StoredMessage(physicalOffset, RecordCodec.queueOffsetOf(buffer),
                RecordCodec.storeTimestampOf(buffer), buffer));
    }

    /** Records of {@code topic} whose unique id (or one of whose keys) is {@code key}, newest first. */
    List<StoredMessage> byKey(String topic, String key, int maxCount, boolean uniqueId) {
        List<StoredMessage> found = new ArrayList<>();
        for (long physicalOffset : new LinkedHashSet<>(index.find(topic, key, maxCount))) {
            Optional<StoredMessage> message = byPhysicalOffset(physicalOffset);
            if (message.isPresent() && matches(message.get(), topic, key, uniqueId)) {
                found.add(message.get());
            }
        }
        return found;
    }

    private static boolean matches(StoredMessage message, String topic, String key, boolean uniqueId) {
        ByteBuffer bytes = message.bytes();
        RecordScan scan = RecordCodec.scan(bytes, 0, bytes.remaining());
        if (scan.status() != RecordScan.Status.RECORD) {
            return false;
        }
        RecordHeader header = scan.headerOrThrow();
        Map<String, String> properties = MessageProperties.parse(header.properties());
        return header.topic().equals(topic) && (uniqueId
                ? key.equals(MessageProperties.uniqueId(properties))
                : MessageProperties.keys(properties).contains(key));
    }
}
