package io.cloudmq.dataplane.broker.transaction;

import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code END_TRANSACTION} (37, oneway), spec §5.2: loads the half message by {@code commitLogOffset},
 * checks that it is a half of {@code producerGroup} at {@code tranStateTableOffset}, then on COMMIT (8)
 * stores the real message and on ROLLBACK (12) stores nothing; either way an op record marks the half
 * resolved, once ({@link TransactionOpLog}). A commit stores the real message at most once also across a crash
 * between storing it and writing the op record: a real message already stored for the half is not stored again. UNKNOWN (0) is only logged. The answer (0, or 1 on a
 * mismatch) is not sent for the usual oneway request.
 *
 * <p>Thread-safe; runs on the send executor.
 */
public final class EndTransactionProcessor implements SyncRequestProcessor {
    private static final Logger log = LoggerFactory.getLogger(EndTransactionProcessor.class);
    private static final int COMMIT = 8;
    private static final int ROLLBACK = 12;

    private final MessageStore store;
    private final TransactionOpLog opLog;

    public EndTransactionProcessor(MessageStore store, TransactionOpLog opLog) {
        this.store = store;
        this.opLog = opLog;
    }

    @Override
    public RemotingCommand handle(RequestContext context, RemotingCommand request) {
        Map<String, String> fields = request.extFields();
        String producerGroup = HeaderFields.requireString(fields, "producerGroup");
        long halfQueueOffset = HeaderFields.requireLong(fields, "tranStateTableOffset");
        long physicalOffset = HeaderFields.requireLong(fields, "commitLogOffset");
        int state = Objects.requireNonNullElse(HeaderFields.optionalInt(fields, "commitOrRollback"), 0);
        if (state != COMMIT && state != ROLLBACK) {
            log.debug("transaction of half {} still unknown to producer group {}", halfQueueOffset, producerGroup);
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        Optional<StoredMessage> stored = store.getByPhysicalOffset(physicalOffset);
        IncomingMessage half = stored.map(found -> StoredRecords.toIncoming(found.bytes())).orElse(null);
        if (half == null || !HalfMessages.HALF_TOPIC.equals(half.topic())
                || stored.get().queueOffset() != halfQueueOffset || !producerGroup.equals(HalfMessages.producerGroup(half))) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "no half message of " + producerGroup
                    + " at commit-log offset " + physicalOffset + " and half offset " + halfQueueOffset);
        }
        IncomingMessage committed = HalfMessages.committed(half, physicalOffset);
        boolean resolved = opLog.resolve(halfQueueOffset, () -> state == ROLLBACK
                || committed != null && (storedBefore(committed, physicalOffset) || store.put(committed).stored()));
        log.debug("half {} of {}: {} ({})", halfQueueOffset, producerGroup, state == COMMIT ? "commit" : "rollback",
                resolved ? "resolved" : "already resolved or not stored");
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    /**
     * Whether the real message of the half at {@code halfPhysicalOffset} is in the store already: stored by a
     * commit whose op record a crash (SIGKILL) prevented, found by its unique id and prepared-transaction offset.
     */
    private boolean storedBefore(IncomingMessage committed, long halfPhysicalOffset) {
        String uniqueId = MessageProperties.uniqueId(MessageProperties.parse(committed.properties()));
        return uniqueId != null && store.queryByUniqueId(committed.topic(), uniqueId).stream()
                .anyMatch(message -> StoredRecords.toIncoming(message.bytes()).preparedTransactionOffset()
                        == halfPhysicalOffset);
    }
}
