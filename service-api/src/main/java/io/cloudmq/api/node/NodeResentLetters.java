package io.cloudmq.api.node;

import java.util.List;

/**
 * Answer of {@code POST /admin/v1/dead-letters/resend}: the letters of this broker that were resent (now or by an
 * earlier call with the same request id).
 *
 * @param brokerName the broker group answering
 * @param resent one entry per resent letter
 */
public record NodeResentLetters(String brokerName, List<ResentLetter> resent) {
    public NodeResentLetters {
        resent = List.copyOf(resent);
    }

    /**
     * One resent dead letter.
     *
     * @param messageId offset message id of the dead letter
     * @param newMessageId unique id ({@code UNIQ_KEY}) of the message sent again
     * @param topic wire name of the topic it was sent to
     */
    public record ResentLetter(String messageId, String newMessageId, String topic) {}
}
