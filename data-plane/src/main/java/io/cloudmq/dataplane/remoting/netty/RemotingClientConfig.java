package io.cloudmq.dataplane.remoting.netty;

import java.time.Duration;

/**
 * Settings of a {@link RemotingClient}.
 *
 * @param ioThreads event-loop threads for the connections
 * @param connectTimeout how long a connection attempt may take
 * @param maxFrameLength largest frame accepted, length prefix included
 * @param idleTimeout a connection with no reads or writes for this long is closed
 */
public record RemotingClientConfig(int ioThreads, Duration connectTimeout, int maxFrameLength, Duration idleTimeout) {

    public RemotingClientConfig {
        if (ioThreads < 1 || maxFrameLength < 8 || connectTimeout.isNegative() || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("ioThreads, maxFrameLength and the timeouts must be positive");
        }
    }

    /** One I/O thread, 3 s connect timeout (the client's), 16 MiB frames, 120 s idle timeout. */
    public static RemotingClientConfig defaults() {
        return new RemotingClientConfig(
                1, Duration.ofSeconds(3), RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH,
                RemotingServerConfig.DEFAULT_IDLE_TIMEOUT);
    }
}
