package io.cloudmq.api.consumergroup;

import java.util.List;

/**
 * Answer of a dead-letter resend: each letter sent again to its original topic with a new message id (the old one
 * is kept as property {@code ORIGIN_MESSAGE_ID}). Ids that name no dead letter of the group are left out.
 *
 * @param resent one entry per resent letter
 */
public record DeadLetterResendView(List<Resent> resent) {
    public DeadLetterResendView {
        resent = List.copyOf(resent);
    }

    /**
     * One resent letter.
     *
     * @param messageId id of the dead letter
     * @param newMessageId id of the message sent again
     * @param topic topic it was sent to
     */
    public record Resent(String messageId, String newMessageId, String topic) {}
}
