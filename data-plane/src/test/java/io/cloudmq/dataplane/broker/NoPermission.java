package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertion that the official client gave up because a node answered {@code NO_PERMISSION} (16). */
final class NoPermission {
    private NoPermission() {}

    /**
     * The client may retry first (sends), so the code may sit in a cause, in an {@link MQBrokerException} or an
     * {@link MQClientException}.
     */
    static void assertNoPermission(ThrowingCallable call) {
        assertThatThrownBy(call).satisfies(
                thrown -> assertThat(responseCodes(thrown)).as(thrown.toString()).contains(ResponseCode.NO_PERMISSION));
    }

    private static List<Integer> responseCodes(Throwable thrown) {
        List<Integer> codes = new ArrayList<>();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof MQBrokerException broker) {
                codes.add(broker.getResponseCode());
            } else if (cause instanceof MQClientException client) {
                codes.add(client.getResponseCode());
            }
        }
        return codes;
    }
}
