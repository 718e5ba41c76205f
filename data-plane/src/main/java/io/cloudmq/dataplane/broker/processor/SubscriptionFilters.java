package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.remoting.protocol.body.SubscriptionData;
import io.cloudmq.dataplane.store.TagFilter;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Builds the store's tag filter from a TAG subscription (spec §4.9): {@code *} or empty accepts everything,
 * otherwise the hash codes of the {@code ||}-separated tags. Stateless.
 */
final class SubscriptionFilters {
    private static final String ALL = "*";

    private SubscriptionFilters() {}

    /** The filter of an expression string as a lite pull sends it in the header. */
    static TagFilter ofExpression(@Nullable String expression) {
        if (expression == null || expression.isBlank() || expression.trim().equals(ALL)) {
            return TagFilter.ALL;
        }
        Set<Integer> codes = new HashSet<>();
        for (String tag : expression.split("\\|\\|")) {
            if (!tag.isBlank()) {
                codes.add(tag.trim().hashCode());
            }
        }
        return codes.isEmpty() ? TagFilter.ALL : TagFilter.anyOf(codes);
    }

    /** The filter of a subscription from a heartbeat. */
    static TagFilter of(SubscriptionData subscription) {
        if (!subscription.codeSet().isEmpty()) {
            return TagFilter.anyOf(subscription.codeSet());
        }
        return ofExpression(subscription.subString());
    }
}
