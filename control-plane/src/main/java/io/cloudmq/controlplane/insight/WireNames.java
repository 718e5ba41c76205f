package io.cloudmq.controlplane.insight;

import java.util.Optional;

/**
 * Instance-local names and their wire form ({@code <instanceId>%<name>}; a group's retry and dead-letter topics
 * are {@code %RETRY%<instanceId>%<group>} and {@code %DLQ%…}). Stateless.
 */
final class WireNames {
    static final char SEPARATOR = '%';
    static final String RETRY = "%RETRY%";
    private static final String DLQ = "%DLQ%";

    private WireNames() {}

    static String wire(String instanceId, String name) {
        return instanceId + SEPARATOR + name;
    }

    /**
     * The instance-local form of a wire topic or group of {@code instanceId} ({@code %RETRY%g} for a retry
     * topic), empty when it belongs to another instance or none.
     */
    static Optional<String> local(String instanceId, String wireName) {
        String prefix = wire(instanceId, "");
        for (String systemPrefix : new String[] {RETRY, DLQ}) {
            if (wireName.startsWith(systemPrefix)) {
                return local(instanceId, wireName.substring(systemPrefix.length())).map(name -> systemPrefix + name);
            }
        }
        return wireName.startsWith(prefix) && wireName.length() > prefix.length()
                ? Optional.of(wireName.substring(prefix.length()))
                : Optional.empty();
    }
}
