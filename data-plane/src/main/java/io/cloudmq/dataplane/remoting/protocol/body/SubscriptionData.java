package io.cloudmq.dataplane.remoting.protocol.body;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One subscription of a consumer (spec §4.2, §4.9): {@code subString} {@code *} or tags joined by
 * {@code ||}, with the tags' {@code String.hashCode()} values in {@code codeSet}.
 *
 * @param expressionType {@code TAG} (or absent) or {@code SQL92}
 */
public record SubscriptionData(
        String topic, @Nullable String subString, @Nullable Set<String> tagsSet, @Nullable Set<Integer> codeSet,
        long subVersion, @Nullable String expressionType) {

    public SubscriptionData {
        tagsSet = tagsSet == null ? Set.of() : Set.copyOf(tagsSet);
        codeSet = codeSet == null ? Set.of() : Set.copyOf(codeSet);
    }
}
