package io.cloudmq.dataplane.broker.processor;

import io.cloudmq.dataplane.auth.NamespacedNames;

/**
 * The {@code instance} label of a per-tenant meter: the namespace of a wire topic or group
 * ({@code <instance>%name}, also inside {@code %RETRY%} and {@code %DLQ%}), empty for a system or
 * unnamespaced name. Stateless.
 */
public final class InstanceLabel {
    private InstanceLabel() {}

    public static String of(String wireName) {
        String unprefixed = NamespacedNames.withoutRetryOrDlqPrefix(wireName);
        int separator = unprefixed.indexOf(NamespacedNames.SEPARATOR);
        return separator <= 0 ? "" : unprefixed.substring(0, separator);
    }
}
