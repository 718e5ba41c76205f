package io.cloudmq.dataplane.replication;

import java.time.Clock;
import java.time.Duration;

/**
 * Settings of replication, shared by master and slave.
 *
 * @param maxChunkBytes largest DATA chunk the master sends (a single larger record travels alone)
 * @param heartbeatInterval how often an idle master sends a HEARTBEAT; the slave acknowledges every frame
 * @param peerTimeout a connection with nothing read for this long is dropped (and a slave reconnects)
 * @param ackTimeout how long a SYNC_MASTER put waits for a slave's confirmation (then FLUSH_SLAVE_TIMEOUT)
 * @param inSync a slave is in sync while it is at most so many bytes behind and was caught up with the master at
 *     most so long ago (node settings {@code replication.in-sync.max-lag.bytes} and {@code .ms})
 * @param reconnectMinBackoff first wait of a slave before it reconnects; doubles per failed attempt
 * @param reconnectMaxBackoff longest wait between reconnect attempts
 * @param minVersion lowest protocol version this node speaks
 * @param maxVersion highest protocol version this node speaks
 * @param clock time source of lag measurement, ack deadlines and the HELLO's authentication
 * @param key the cluster's key: a slave proves it in its HELLO, a master serves only slaves that did
 */
public record ReplicationConfig(
        int maxChunkBytes,
        Duration heartbeatInterval,
        Duration peerTimeout,
        Duration ackTimeout,
        InSyncLimits inSync,
        Duration reconnectMinBackoff,
        Duration reconnectMaxBackoff,
        int minVersion,
        int maxVersion,
        Clock clock,
        ReplicationKey key) {

    public ReplicationConfig {
        if (minVersion < FrameCodec.V1 || maxVersion > FrameCodec.CURRENT || minVersion > maxVersion) {
            throw new IllegalArgumentException("unsupported version range " + minVersion + ".." + maxVersion);
        }
    }

    /**
     * Defaults: 256 KiB chunks, 1 s heartbeat, 10 s peer timeout, 3 s ack timeout, in sync ≤ 64 MiB and ≤ 3 s.
     * The in-sync bound is the ack timeout: a slave caught up within it can still confirm a put in time, so a
     * SYNC_MASTER waits for it rather than failing the send at once with {@code SLAVE_NOT_AVAILABLE}. A
     * byte bound of a few hundred milliseconds of traffic (1 MiB, 0.2 s at 5 MB/s) made a slave that paused
     * for a GC or a busy core fail every send to its master meanwhile; 64 MiB only keeps a slave that is
     * far behind (reconnecting after an outage) out. A slave reconnects after 100 ms, doubling to at most 1 s:
     * a restarted SYNC_MASTER opens writes only once its slave is back in sync, so the slave's wait after a
     * master's restart of under a second (a hot successor) adds directly to the master's write-fenced time; one
     * connection attempt a second to a master that is down costs nothing.
     */
    public static ReplicationConfig defaults(ReplicationKey key) {
        return new ReplicationConfig(256 * 1024, Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(3),
                InSyncLimits.defaults(), Duration.ofMillis(100), Duration.ofSeconds(1), FrameCodec.V1,
                FrameCodec.CURRENT, Clock.systemUTC(), key);
    }

    /** The replication port of a broker: its remoting port + 1 (ARCHITECTURE §1). */
    public static int replicationPort(int remotingPort) {
        return remotingPort + 1;
    }

    public ReplicationConfig withTimings(Duration heartbeat, Duration timeout, Duration minBackoff,
            Duration maxBackoff) {
        return new ReplicationConfig(maxChunkBytes, heartbeat, timeout, ackTimeout, inSync,
                minBackoff, maxBackoff, minVersion, maxVersion, clock, key);
    }

    public ReplicationConfig withMaxChunkBytes(int bytes) {
        return new ReplicationConfig(bytes, heartbeatInterval, peerTimeout, ackTimeout, inSync,
                reconnectMinBackoff, reconnectMaxBackoff, minVersion, maxVersion, clock, key);
    }

    public ReplicationConfig withInSync(InSyncLimits limits) {
        return new ReplicationConfig(maxChunkBytes, heartbeatInterval, peerTimeout, ackTimeout, limits,
                reconnectMinBackoff, reconnectMaxBackoff, minVersion, maxVersion, clock, key);
    }

    public ReplicationConfig withVersions(int min, int max) {
        return new ReplicationConfig(maxChunkBytes, heartbeatInterval, peerTimeout, ackTimeout, inSync,
                reconnectMinBackoff, reconnectMaxBackoff, min, max, clock, key);
    }

    public ReplicationConfig withClock(Clock newClock) {
        return new ReplicationConfig(maxChunkBytes, heartbeatInterval, peerTimeout, ackTimeout, inSync,
                reconnectMinBackoff, reconnectMaxBackoff, minVersion, maxVersion, newClock, key);
    }
}
