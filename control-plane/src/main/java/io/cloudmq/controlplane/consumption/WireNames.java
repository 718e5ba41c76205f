package io.cloudmq.controlplane.consumption;

/** Names as the nodes serve them: {@code <instanceId>%<name>} (the reconciler's namespacing). Stateless. */
final class WireNames {
    static final char SEPARATOR = '%';

    private WireNames() {}

    static String of(String instanceId, String name) {
        return instanceId + SEPARATOR + name;
    }

    /** {@code wireName} without the instance's namespace prefix (unchanged if it has none). */
    static String strip(String instanceId, String wireName) {
        String prefix = instanceId + SEPARATOR;
        return wireName.startsWith(prefix) ? wireName.substring(prefix.length()) : wireName;
    }
}
