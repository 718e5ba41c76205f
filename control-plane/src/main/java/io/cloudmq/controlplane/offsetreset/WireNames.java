package io.cloudmq.controlplane.offsetreset;

/** Names as the nodes serve them: {@code <instanceId>%<name>} (the reconciler's namespacing). Stateless. */
final class WireNames {
    static final char SEPARATOR = '%';

    private WireNames() {}

    static String of(String instanceId, String name) {
        return instanceId + SEPARATOR + name;
    }
}
