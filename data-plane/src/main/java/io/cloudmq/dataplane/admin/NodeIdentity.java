package io.cloudmq.dataplane.admin;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Facts about the running node process. Immutable.
 *
 * @param version the node jar's {@code Implementation-Version}, {@value #DEV_VERSION} when not run from the jar
 * @param pid the operating-system process id
 * @param startedAt when the JVM started
 */
public record NodeIdentity(String version, long pid, Instant startedAt) {
    public static final String DEV_VERSION = "dev";

    /** The identity of this process. */
    public static NodeIdentity current() {
        String version = NodeIdentity.class.getPackage().getImplementationVersion();
        return new NodeIdentity(
                version == null ? DEV_VERSION : version,
                ProcessHandle.current().pid(),
                Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime()));
    }
}
