package io.cloudmq.dataplane.broker.transaction;

import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.GetStatus;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Which half messages are resolved (committed or rolled back), kept as op records in
 * {@link #OP_TOPIC} queue 0 (spec §5.2: tag {@code d}, body {@code "<halfQueueOffset>,"}) and in memory;
 * the memory is rebuilt from the op records when the broker opens.
 *
 * <p>Thread-safe: {@link #resolve} is serialised by the log's monitor so a half is resolved once.
 */
public final class TransactionOpLog {
    /** Topic of the op records. */
    public static final String OP_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    private static final String OP_PROPERTIES = "TAGS\u0001d\u0002";
    private static final int READ_BATCH = 256;

    private final MessageStore store;
    private final InetSocketAddress host;
    private final Set<Long> resolved = new HashSet<>();

    private TransactionOpLog(MessageStore store, InetSocketAddress host) {
        this.store = store;
        this.host = host;
    }

    /** The op log of {@code store}, with every op record read back. */
    public static TransactionOpLog open(MessageStore store, InetSocketAddress host) {
        TransactionOpLog log = new TransactionOpLog(store, host);
        long offset = store.minOffset(OP_TOPIC, 0);
        while (true) {
            GetResult read = store.getMessages(OP_TOPIC, 0, offset, READ_BATCH, Integer.MAX_VALUE, TagFilter.ALL);
            if (read.status() != GetStatus.FOUND) {
                return log;
            }
            for (StoredMessage op : read.messages()) {
                String body = new String(StoredRecords.toIncoming(op.bytes()).body(), StandardCharsets.UTF_8);
                for (String halfOffset : body.split(",")) {
                    if (!halfOffset.isBlank()) {
                        log.resolved.add(Long.parseLong(halfOffset.trim()));
                    }
                }
            }
            offset = read.nextBeginOffset();
        }
    }

    public synchronized boolean isResolved(long halfQueueOffset) {
        return resolved.contains(halfQueueOffset);
    }

    /**
     * Runs {@code outcome} (storing the committed message, or nothing for a rollback) and, if it succeeded,
     * records the half as resolved, unless it already is.
     *
     * @return whether this call resolved the half
     */
    public synchronized boolean resolve(long halfQueueOffset, BooleanSupplier outcome) {
        if (resolved.contains(halfQueueOffset) || !outcome.getAsBoolean()) {
            return false;
        }
        PutResult op = store.put(new IncomingMessage(OP_TOPIC, 0, 0,
                (halfQueueOffset + ",").getBytes(StandardCharsets.UTF_8), OP_PROPERTIES, 0, System.currentTimeMillis(),
                host, 0, 0));
        if (op.stored()) {
            resolved.add(halfQueueOffset);
        }
        return op.stored();
    }
}
