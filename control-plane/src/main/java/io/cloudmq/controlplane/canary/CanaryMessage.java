package io.cloudmq.controlplane.canary;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The body of a canary message: which run sent it, its number in the run and when it was sent, as UTF-8 text.
 *
 * <table>
 *   <caption>body layout (UTF-8, fields separated by {@code :})</caption>
 *   <tr><th>field</th><th>content</th></tr>
 *   <tr><td>runId</td><td>the sending run's id, without {@code :}</td></tr>
 *   <tr><td>sequence</td><td>decimal, from 0 in each run</td></tr>
 *   <tr><td>sentAt</td><td>decimal epoch milliseconds of the send</td></tr>
 * </table>
 *
 * Immutable.
 *
 * @param runId the run that sent it
 * @param sequence its number in the run
 * @param sentAt when it was sent (millisecond precision on the wire)
 */
record CanaryMessage(String runId, long sequence, Instant sentAt) {
    private static final String SEPARATOR = ":";

    byte[] body() {
        return (runId + SEPARATOR + sequence + SEPARATOR + sentAt.toEpochMilli()).getBytes(StandardCharsets.UTF_8);
    }

    /** The message in {@code body}, empty for a body that is not a canary message. */
    static Optional<CanaryMessage> parse(byte[] body) {
        String[] fields = new String(body, StandardCharsets.UTF_8).split(SEPARATOR, -1);
        if (fields.length != 3) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CanaryMessage(fields[0], Long.parseLong(fields[1]),
                    Instant.ofEpochMilli(Long.parseLong(fields[2]))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
