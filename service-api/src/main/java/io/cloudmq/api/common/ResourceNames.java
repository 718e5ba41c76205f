package io.cloudmq.api.common;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Naming rules of topics and consumer groups. A name is 1–64 characters of {@code [A-Za-z0-9_-]}, so the
 * wire name {@code <namespace>%<name>} stays within RocketMQ's 127 bytes, and must not collide with
 * names the brokers use themselves. Thread-safe (stateless).
 */
public final class ResourceNames {
    /** Longest topic or group name. */
    public static final int MAX_LENGTH = 64;
    /** Allowed characters and length, as a regular expression. */
    public static final String PATTERN = "^[A-Za-z0-9_-]{1," + MAX_LENGTH + "}$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);
    private static final List<String> RESERVED_TOPICS = List.of(
            "TBW102", "SCHEDULE_TOPIC_XXXX", "BenchmarkTest", "OFFSET_MOVED_EVENT", "SELF_TEST_TOPIC",
            "TRANS_CHECK_MAX_TIME_TOPIC", "DefaultCluster", "DefaultCluster_REPLY_TOPIC");
    private static final List<String> RESERVED_TOPIC_PREFIXES = List.of(
            "RMQ_SYS_", "rmq_sys_", "%RETRY%", "%DLQ%", "rocketmq-broker-", "rocketmq-proxy-");
    private static final List<String> RESERVED_GROUPS = List.of(
            "CLIENT_INNER_PRODUCER", "TOOLS_CONSUMER", "DEFAULT_CONSUMER", "DEFAULT_PRODUCER",
            "FILTERSRV_CONSUMER", "SELF_TEST_P_GROUP", "SELF_TEST_C_GROUP", "CID_ONSAPI_OWNER",
            "CID_ONSAPI_PERMISSION", "CID_ONSAPI_PULL", "CID_ONS-HTTP-PROXY");
    private static final List<String> RESERVED_GROUP_PREFIXES = List.of(
            "CID_RMQ_SYS_", "RMQ_SYS_", "rmq_sys_", "%RETRY%", "%DLQ%");

    private ResourceNames() {}

    /** The kind of name being checked; topics and groups reserve different names. */
    public enum Kind {
        TOPIC,
        CONSUMER_GROUP
    }

    /**
     * Checks a name.
     *
     * @return why the name is refused, or empty if it is acceptable
     */
    public static Optional<String> violation(Kind kind, String name) {
        if (!COMPILED.matcher(name).matches()) {
            return Optional.of("must be 1-" + MAX_LENGTH + " characters of A-Z, a-z, 0-9, '_' and '-'");
        }
        List<String> names = kind == Kind.TOPIC ? RESERVED_TOPICS : RESERVED_GROUPS;
        List<String> prefixes = kind == Kind.TOPIC ? RESERVED_TOPIC_PREFIXES : RESERVED_GROUP_PREFIXES;
        if (names.contains(name)) {
            return Optional.of("is a reserved name");
        }
        if (name.endsWith("_REPLY_TOPIC") && kind == Kind.TOPIC) {
            return Optional.of("uses the reserved suffix _REPLY_TOPIC");
        }
        return prefixes.stream()
                .filter(name::startsWith)
                .findFirst()
                .map(prefix -> "uses the reserved prefix " + prefix);
    }
}
