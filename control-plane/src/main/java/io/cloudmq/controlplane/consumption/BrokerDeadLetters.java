package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.consumergroup.DeadLetterResendView;
import io.cloudmq.api.consumergroup.DeadLetterView;
import io.cloudmq.api.node.NodeDeadLetterQuery;
import io.cloudmq.api.node.NodeDeadLetterResend;
import io.cloudmq.api.node.NodeDeadLetters;
import io.cloudmq.api.node.NodeResentLetters;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.node.MasterBrokers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A group's dead letters on the master brokers of a cluster, through their admin API
 * ({@code /admin/v1/dead-letters}). Names in the answers are without the instance namespace. Never called inside a
 * database transaction. Thread-safe.
 */
@Component
class BrokerDeadLetters {
    static final String LIST_PATH = "/admin/v1/dead-letters/list";
    static final String RESEND_PATH = "/admin/v1/dead-letters/resend";

    private final MasterBrokers masters;

    BrokerDeadLetters(MasterBrokers masters) {
        this.masters = masters;
    }

    /** The first {@code max} dead letters of every master, oldest first. */
    List<DeadLetterView> list(String clusterId, String instanceId, String group, int max) {
        NodeDeadLetterQuery query = new NodeDeadLetterQuery(WireNames.of(instanceId, group), 0, max);
        List<DeadLetterView> letters = new ArrayList<>();
        for (NodeView master : masters.of(clusterId)) {
            masters.post(master, LIST_PATH, query, NodeDeadLetters.class).ifPresent(answer ->
                    answer.letters().forEach(letter -> letters.add(new DeadLetterView(letter.messageId(),
                            WireNames.strip(instanceId, letter.originalTopic()), letter.originalMessageId(),
                            letter.keys(), letter.tags(), letter.reconsumeTimes(),
                            Instant.ofEpochMilli(letter.storeTimestamp()), answer.brokerName(), letter.queueOffset()))));
        }
        letters.sort(Comparator.comparing(DeadLetterView::storeTime).thenComparing(DeadLetterView::brokerName)
                .thenComparingLong(DeadLetterView::queueOffset));
        return letters;
    }

    /** Asks every master to resend those of {@code messageIds} it holds; a repeated {@code requestId} resends nothing twice. */
    List<DeadLetterResendView.Resent> resend(String clusterId, String instanceId, String group, String requestId,
            List<String> messageIds) {
        NodeDeadLetterResend resend = new NodeDeadLetterResend(WireNames.of(instanceId, group), requestId, messageIds);
        List<DeadLetterResendView.Resent> resent = new ArrayList<>();
        for (NodeView master : masters.of(clusterId)) {
            masters.post(master, RESEND_PATH, resend, NodeResentLetters.class).ifPresent(answer ->
                    answer.resent().forEach(letter -> resent.add(new DeadLetterResendView.Resent(letter.messageId(),
                            letter.newMessageId(), WireNames.strip(instanceId, letter.topic())))));
        }
        return resent;
    }
}
