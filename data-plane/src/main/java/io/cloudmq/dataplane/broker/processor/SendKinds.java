package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.broker.metadata.SendKind;
import io.cloudmq.dataplane.store.commitlog.MessageProperties;
import io.cloudmq.dataplane.store.schedule.ScheduleTopic;
import org.jspecify.annotations.Nullable;

/**
 * Classifies a send from its header: the transaction type bits of {@code sysFlag} (mask {@code 0xC}) equal to
 * PREPARED ({@code 0x4}) make it a half; otherwise a {@code DELAY} property with a level above 0 makes it delayed;
 * anything else is plain. Stateless.
 */
final class SendKinds {
    private static final int TRANSACTION_TYPE_MASK = 0xC;
    private static final int PREPARED = 0x4;

    private SendKinds() {}

    static SendKind of(int sysFlag, @Nullable String properties) {
        if ((sysFlag & TRANSACTION_TYPE_MASK) == PREPARED) {
            return SendKind.HALF;
        }
        String delay = properties == null ? null : MessageProperties.get(properties, ScheduleTopic.DELAY);
        return delay != null && level(delay) > 0 ? SendKind.DELAYED : SendKind.PLAIN;
    }

    private static int level(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
