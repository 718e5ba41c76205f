package io.cloudmq.dataplane.broker.deadletter;

import io.cloudmq.api.node.NodeDeadLetter;
import io.cloudmq.api.node.NodeResentLetters.ResentLetter;
import io.cloudmq.dataplane.broker.metadata.ServedTopic;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.store.GetResult;
import io.cloudmq.dataplane.store.MessageStore;
import io.cloudmq.dataplane.store.PutResult;
import io.cloudmq.dataplane.store.StoredMessage;
import io.cloudmq.dataplane.store.TagFilter;
import io.cloudmq.dataplane.store.commitlog.IncomingMessage;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.commitlog.OffsetMessageId;
import io.cloudmq.dataplane.store.commitlog.StoredRecords;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a group's dead letters ({@code %DLQ%<group>}, queue 0) and sends them again to their original topic
 * ({@code RETRY_TOPIC}). A resent message keeps body, flag, keys, tags and user properties; it loses the retry
 * and schedule properties, starts at reconsume count 0, and gets a new {@code UNIQ_KEY} with the letter's
 * original one in {@code ORIGIN_MESSAGE_ID}. The new id is derived from (group, letter, request id):
 *
 * <table>
 *   <caption>resent message id</caption>
 *   <tr><th>characters</th><th>content</th></tr>
 *   <tr><td>32</td><td>upper-case hex of the first 16 bytes of SHA-256 of
 *       {@code group '\n' physicalOffset '\n' requestId} (UTF-8)</td></tr>
 * </table>
 *
 * so a repeated request finds its earlier resend by unique id in the target topic and stores nothing again,
 * also after a restart. Thread-safe: resends are serialised by the instance's monitor.
 */
public final class DeadLetters {
    private static final int READ_BYTES = 4 * 1024 * 1024;
    private static final int TRANSACTION_BITS = 0xC;
    private static final List<String> DROPPED_PROPERTIES = List.of(DeadLetterProperties.RETRY_TOPIC,
            ScheduleTopic.DELAY, ScheduleTopic.REAL_TOPIC, ScheduleTopic.REAL_QID);

    private final TopicTable topics;
    private final MessageStore store;
    private final InetSocketAddress storeAddress;

    public DeadLetters(TopicTable topics, MessageStore store, InetSocketAddress storeAddress) {
        this.topics = topics;
        this.store = store;
        this.storeAddress = storeAddress;
    }

    /** Up to {@code max} dead letters of {@code group} from queue offset {@code fromOffset} on, in queue order. */
    public List<NodeDeadLetter> list(String group, long fromOffset, int max) {
        String topic = TopicTable.DLQ_PREFIX + group;
        long offset = Math.max(fromOffset, store.minOffset(topic, 0));
        List<NodeDeadLetter> letters = new ArrayList<>();
        while (letters.size() < max && offset < store.maxOffset(topic, 0)) {
            GetResult result = store.getMessages(topic, 0, offset, max - letters.size(), READ_BYTES, TagFilter.ALL);
            if (result.messages().isEmpty()) {
                break;
            }
            result.messages().forEach(message -> letters.add(letter(message)));
            offset = result.nextBeginOffset();
        }
        return letters;
    }

    /**
     * Sends each dead letter of {@code group} named by {@code messageIds} again; ids of other brokers or of other
     * records are skipped.
     *
     * @throws IllegalStateException if the store refuses a message or no longer serves a letter's topic
     */
    public synchronized List<ResentLetter> resend(String group, String requestId, List<String> messageIds) {
        List<ResentLetter> resent = new ArrayList<>();
        for (String messageId : messageIds) {
            deadLetter(group, messageId).ifPresent(message -> resent.add(resend(group, requestId, messageId, message)));
        }
        return resent;
    }

    private ResentLetter resend(String group, String requestId, String messageId, StoredMessage letter) {
        IncomingMessage dead = StoredRecords.toIncoming(letter.bytes());
        Map<String, String> properties = MessageProperties.parse(dead.properties());
        String topic = properties.getOrDefault(DeadLetterProperties.RETRY_TOPIC, "");
        String newId = newId(group, letter.physicalOffset(), requestId);
        if (!store.queryByUniqueId(topic, newId).isEmpty()) {
            return new ResentLetter(messageId, newId, topic);
        }
        Optional<ServedTopic> served = topics.find(topic);
        if (served.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " of dead letter " + messageId + " is not served here");
        }
        String originalId = MessageProperties.uniqueId(properties);
        DROPPED_PROPERTIES.forEach(properties::remove);
        properties.put(MessageProperties.UNIQ_KEY, newId);
        if (originalId != null) {
            properties.put(DeadLetterProperties.ORIGIN_MESSAGE_ID, originalId);
        }
        PutResult result = store.put(new IncomingMessage(topic, served.get().validWriteQueue(newId.hashCode()),
                dead.flag(), dead.body(), MessageProperties.format(properties), dead.sysFlag() & ~TRANSACTION_BITS,
                dead.bornTimestamp(), dead.bornHost(), 0, 0));
        if (!result.stored()) {
            throw new IllegalStateException("resend of dead letter " + messageId + " not stored: " + result.status());
        }
        return new ResentLetter(messageId, newId, topic);
    }

    /** The record of {@code messageId} if it is one of this broker's dead letters of {@code group}. */
    private Optional<StoredMessage> deadLetter(String group, String messageId) {
        long physicalOffset;
        try {
            physicalOffset = OffsetMessageId.physicalOffsetOf(messageId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!OffsetMessageId.of(storeAddress, physicalOffset).equalsIgnoreCase(messageId)) {
            return Optional.empty();
        }
        return store.getByPhysicalOffset(physicalOffset).filter(message ->
                StoredRecords.toIncoming(message.bytes()).topic().equals(TopicTable.DLQ_PREFIX + group));
    }

    private NodeDeadLetter letter(StoredMessage message) {
        IncomingMessage dead = StoredRecords.toIncoming(message.bytes());
        Map<String, String> properties = MessageProperties.parse(dead.properties());
        return new NodeDeadLetter(OffsetMessageId.of(storeAddress, message.physicalOffset()),
                properties.getOrDefault(DeadLetterProperties.RETRY_TOPIC, ""), MessageProperties.uniqueId(properties),
                properties.get(MessageProperties.KEYS), properties.get(MessageProperties.TAGS), dead.reconsumeTimes(),
                message.storeTimestamp(), message.queueOffset());
    }

    static String newId(String group, long physicalOffset, String requestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (group + '\n' + physicalOffset + '\n' + requestId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(Arrays.copyOf(digest, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
