package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How an instance namespace appears in wire names, the same for clients using {@code setNamespace}
 * (the client prefixes every name) and {@code namespaceV2} (the server prefixes them):
 *
 * <pre>
 * | name as the tenant writes it | wire name                 |
 * |------------------------------|---------------------------|
 * | topic or group {@code x}     | {@code <ns>%x}            |
 * | retry topic of group g       | {@code %RETRY%<ns>%g}     |
 * | dead-letter topic of group g | {@code %DLQ%<ns>%g}       |
 * | system names ({@code TBW102}, {@code SCHEDULE_TOPIC_XXXX}, {@code RMQ_SYS_*}, {@code rmq_sys_*},
 * |   {@code CID_RMQ_SYS_*})     | unchanged                 |
 * </pre>
 *
 * A {@code namespaceV2} client sends bare names plus the ext fields {@value #NAMESPACE_FIELD} (the
 * namespace) and {@value #NAMESPACED_FIELD} ({@code "true"}), both covered by the signature;
 * {@link #applyRequestNamespace} turns its names into wire names. Stateless and thread-safe.
 */
public final class NamespacedNames {
    /** Ext field carrying a {@code namespaceV2} client's namespace. */
    public static final String NAMESPACE_FIELD = "ns";
    /** Ext field a {@code namespaceV2} client sets to {@code "true"} next to {@link #NAMESPACE_FIELD}. */
    public static final String NAMESPACED_FIELD = "nsd";
    public static final char SEPARATOR = '%';
    public static final String RETRY_PREFIX = "%RETRY%";
    public static final String DLQ_PREFIX = "%DLQ%";
    /** The producer topic template every producer may look up (spec §2.2). */
    public static final String AUTO_CREATE_TOPIC = "TBW102";
    /** The group of the producer inside every client instance; never namespaced by the client. */
    public static final String CLIENT_INNER_PRODUCER = "CLIENT_INNER_PRODUCER";

    private static final Set<String> SYSTEM_NAMES = Set.of(AUTO_CREATE_TOPIC, "SCHEDULE_TOPIC_XXXX");
    private static final List<String> SYSTEM_PREFIXES = List.of("RMQ_SYS_", "rmq_sys_", "CID_RMQ_SYS_");

    private NamespacedNames() {}

    /** The request's {@code namespaceV2} namespace, or null when the client sent none (or an empty one). */
    public static @Nullable String requestNamespace(RemotingCommand request) {
        String namespace = request.extField(NAMESPACE_FIELD);
        return namespace == null || namespace.isEmpty() ? null : namespace;
    }

    /** {@code name} as a wire name: wrapped into the request's {@code namespaceV2} namespace if it has one. */
    public static String applyRequestNamespace(RemotingCommand request, String name) {
        String namespace = requestNamespace(request);
        return namespace == null ? name : wrap(namespace, name);
    }

    /** {@code name} inside {@code namespace}; system names and names already inside stay as they are. */
    public static String wrap(String namespace, String name) {
        if (isSystemName(name) || isInside(namespace, name)) {
            return name;
        }
        if (name.startsWith(RETRY_PREFIX)) {
            return RETRY_PREFIX + namespace + SEPARATOR + name.substring(RETRY_PREFIX.length());
        }
        if (name.startsWith(DLQ_PREFIX)) {
            return DLQ_PREFIX + namespace + SEPARATOR + name.substring(DLQ_PREFIX.length());
        }
        return namespace + SEPARATOR + name;
    }

    /**
     * Whether {@code name} (topic, group, retry or dead-letter topic) belongs to {@code namespace}: it is
     * {@code <namespace>%x} after any retry/DLQ prefix, with a non-empty {@code x} that holds no further
     * {@code %}.
     */
    public static boolean isInside(String namespace, String name) {
        String unprefixed = withoutRetryOrDlqPrefix(name);
        int localStart = namespace.length() + 1;
        return unprefixed.length() > localStart
                && unprefixed.startsWith(namespace)
                && unprefixed.charAt(namespace.length()) == SEPARATOR
                && unprefixed.indexOf(SEPARATOR, localStart) < 0;
    }

    /** The tenant's own name: {@code x} of {@code <namespace>%x}; call only when {@link #isInside}. */
    public static String localName(String namespace, String name) {
        return withoutRetryOrDlqPrefix(name).substring(namespace.length() + 1);
    }

    public static boolean isRetryOrDlqTopic(String topic) {
        return topic.startsWith(RETRY_PREFIX) || topic.startsWith(DLQ_PREFIX);
    }

    /** The group part of a retry or dead-letter topic; the name itself otherwise. */
    public static String withoutRetryOrDlqPrefix(String name) {
        if (name.startsWith(RETRY_PREFIX)) {
            return name.substring(RETRY_PREFIX.length());
        }
        return name.startsWith(DLQ_PREFIX) ? name.substring(DLQ_PREFIX.length()) : name;
    }

    public static boolean isSystemName(String name) {
        if (SYSTEM_NAMES.contains(name)) {
            return true;
        }
        for (String prefix : SYSTEM_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
