package io.cloudmq.dataplane.remoting.netty;

import java.time.Duration;

/**
 * Settings of a {@link RemotingServer}.
 *
 * @param bindAddress host or IP to listen on ({@code 0.0.0.0} for all)
 * @param port TCP port; 0 picks a free one, see {@link RemotingServer#port()}
 * @param ioThreads event-loop threads for the connections
 * @param maxFrameLength largest frame accepted, length prefix included; a larger one closes the connection
 * @param idleTimeout a connection with no reads or writes for this long is closed (spec §1.8: ≥ 120 s)
 * @param inflightHighWaterMark a connection stops being read with this many requests unanswered
 * @param inflightLowWaterMark ... and is read again once they drop to this many
 */
public record RemotingServerConfig(
        String bindAddress,
        int port,
        int ioThreads,
        int maxFrameLength,
        Duration idleTimeout,
        int inflightHighWaterMark,
        int inflightLowWaterMark) {

    /** The client's own frame limit (spec §1.2). */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;

    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(120);

    public RemotingServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (ioThreads < 1 || maxFrameLength < 8 || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("ioThreads, maxFrameLength and idleTimeout must be positive");
        }
        if (inflightLowWaterMark < 0 || inflightLowWaterMark >= inflightHighWaterMark) {
            throw new IllegalArgumentException("need 0 <= inflightLowWaterMark < inflightHighWaterMark");
        }
    }

    /** All interfaces, 2 I/O threads, 16 MiB frames, 120 s idle timeout, 1024/512 in-flight marks. */
    public static RemotingServerConfig defaults(int port) {
        return new RemotingServerConfig("0.0.0.0", port, 2, DEFAULT_MAX_FRAME_LENGTH, DEFAULT_IDLE_TIMEOUT, 1024, 512);
    }
}
