package io.cloudmq.dataplane.broker.transaction;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.GetStatus;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.RecordCodec;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks producers about unresolved half messages (spec §5.3, §5.4): each pass walks the half queue from
 * the first unresolved half; a half older than the timeout gets a oneway {@code CHECK_TRANSACTION_STATE}
 * to one live producer of its {@code PGROUP} (counted as a check even when none is online); after the
 * maximum number of checks it is rolled back and kept in {@link #CHECK_MAX_TOPIC}. The producer answers
 * with {@code END_TRANSACTION}, handled by {@link EndTransactionProcessor}. Check counts live in memory:
 * a restart starts them again.
 *
 * <p>Threading: {@link #checkOnce()} is not reentrant (the broker runs it on one background thread).
 */
public final class TransactionCheckService {
    /** Topic keeping halves rolled back after the maximum number of checks. */
    public static final String CHECK_MAX_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    private static final Logger log = LoggerFactory.getLogger(TransactionCheckService.class);
    private static final int BATCH = 64;

    private final MessageStore store;
    private final TransactionOpLog opLog;
    private final Function<String, List<Channel>> producers;
    private final BiConsumer<Channel, RemotingCommand> sender;
    private final Clock clock;
    private final TransactionCheckSettings settings;
    private final InetSocketAddress storeHost;
    private final Map<Long, Integer> checks = new HashMap<>();
    private long scanFrom;

    public TransactionCheckService(MessageStore store, TransactionOpLog opLog, Function<String, List<Channel>> producers,
            BiConsumer<Channel, RemotingCommand> sender, Clock clock, TransactionCheckSettings settings,
            InetSocketAddress storeHost) {
        this.store = store;
        this.opLog = opLog;
        this.producers = producers;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.storeHost = storeHost;
    }

    /** One pass over the half queue; returns the number of checks sent or counted. */
    public int checkOnce() {
        int checked = 0;
        long offset = Math.max(scanFrom, store.minOffset(HalfMessages.HALF_TOPIC, 0));
        scanFrom = offset;
        while (true) {
            GetResult read = store.getMessages(HalfMessages.HALF_TOPIC, 0, offset, BATCH, Integer.MAX_VALUE, TagFilter.ALL);
            if (read.status() != GetStatus.FOUND) {
                return checked;
            }
            for (StoredMessage half : read.messages()) {
                if (opLog.isResolved(half.queueOffset())) {
                    scanFrom = scanFrom == half.queueOffset() ? half.queueOffset() + 1 : scanFrom;
                    checks.remove(half.queueOffset());
                } else if (half.storeTimestamp() + settings.timeout().toMillis() > clock.millis()) {
                    return checked;
                } else {
                    check(half);
                    checked++;
                }
            }
            offset = read.nextBeginOffset();
        }
    }

    private void check(StoredMessage stored) {
        IncomingMessage half = StoredRecords.toIncoming(stored.bytes());
        int done = checks.getOrDefault(stored.queueOffset(), 0);
        if (done >= settings.maxChecks()) {
            IncomingMessage kept = new IncomingMessage(CHECK_MAX_TOPIC, 0, half.flag(), half.body(), half.properties(),
                    half.sysFlag(), half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(), 0);
            if (opLog.resolve(stored.queueOffset(), () -> store.put(kept).stored())) {
                log.warn("half message {} of producer group {} rolled back after {} checks", stored.queueOffset(),
                        HalfMessages.producerGroup(half), done);
            }
            return;
        }
        checks.put(stored.queueOffset(), done + 1);
        String group = HalfMessages.producerGroup(half);
        List<Channel> channels = group == null ? List.of() : producers.apply(group);
        if (!channels.isEmpty()) {
            sender.accept(channels.get(done % channels.size()), request(stored, half));
        }
    }

    /** The check request: header of spec §5.3, body the half message with its real topic and queue. */
    private RemotingCommand request(StoredMessage stored, IncomingMessage half) {
        Map<String, String> properties = MessageProperties.parse(half.properties());
        String uniqueId = MessageProperties.uniqueId(properties);
        String realTopic = properties.getOrDefault(ScheduleTopic.REAL_TOPIC, HalfMessages.HALF_TOPIC);
        int realQueue = Integer.parseInt(properties.getOrDefault(ScheduleTopic.REAL_QID, "0"));
        IncomingMessage real = new IncomingMessage(realTopic, realQueue, half.flag(), half.body(), half.properties(),
                half.sysFlag(), half.bornTimestamp(), half.bornHost(), half.reconsumeTimes(), 0);
        ByteBuffer body = ByteBuffer.allocate(RecordCodec.sizeOf(real, storeHost));
        RecordCodec.encode(real, storeHost, stored.physicalOffset(), stored.queueOffset(), stored.storeTimestamp(), body);
        return RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE, HeaderFields.writer()
                .put("topic", HalfMessages.HALF_TOPIC)
                .put("commitLogOffset", stored.physicalOffset())
                .put("tranStateTableOffset", stored.queueOffset())
                .put("msgId", uniqueId)
                .put("transactionId", uniqueId)
                .put("offsetMsgId", OffsetMessageId.of(storeHost, stored.physicalOffset()))
                .build()).withBody(body.array()).asOneway();
    }
}
