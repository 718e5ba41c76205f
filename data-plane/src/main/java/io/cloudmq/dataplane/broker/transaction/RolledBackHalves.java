package io.cloudmq.dataplane.broker.transaction;

import io.cloudmq.api.node.NodeRolledBackHalf;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the halves the {@link TransactionCheckService} rolled back after the maximum number of checks
 * ({@link TransactionCheckService#CHECK_MAX_TOPIC}, queue 0, shared by every namespace), keeping those whose
 * transaction topic ({@code REAL_TOPIC}) lies in one namespace. Thread-safe: stateless over the store.
 */
public final class RolledBackHalves {
    private static final int BATCH = 64;
    private static final int BATCH_BYTES = 4 * 1024 * 1024;

    private final MessageStore store;
    private final InetSocketAddress storeAddress;

    public RolledBackHalves(MessageStore store, InetSocketAddress storeAddress) {
        this.store = store;
        this.storeAddress = storeAddress;
    }

    /** The first {@code max} kept halves whose topic's wire name starts with {@code namespace}, oldest first. */
    public List<NodeRolledBackHalf> list(String namespace, int max) {
        String topic = TransactionCheckService.CHECK_MAX_TOPIC;
        List<NodeRolledBackHalf> halves = new ArrayList<>();
        long offset = store.minOffset(topic, 0);
        while (halves.size() < max && offset < store.maxOffset(topic, 0)) {
            GetResult read = store.getMessages(topic, 0, offset, BATCH, BATCH_BYTES, TagFilter.ALL);
            if (read.messages().isEmpty()) {
                break;
            }
            read.messages().stream().map(this::half).filter(half -> half.topic().startsWith(namespace))
                    .limit(max - halves.size()).forEach(halves::add);
            offset = read.nextBeginOffset();
        }
        return halves;
    }

    private NodeRolledBackHalf half(StoredMessage kept) {
        IncomingMessage half = StoredRecords.toIncoming(kept.bytes());
        Map<String, String> properties = MessageProperties.parse(half.properties());
        return new NodeRolledBackHalf(OffsetMessageId.of(storeAddress, kept.physicalOffset()),
                properties.getOrDefault(ScheduleTopic.REAL_TOPIC, ""), MessageProperties.uniqueId(properties),
                properties.get(HalfMessages.PRODUCER_GROUP), properties.get(MessageProperties.KEYS),
                properties.get(MessageProperties.TAGS), half.bornTimestamp(), kept.storeTimestamp(), kept.queueOffset());
    }
}
