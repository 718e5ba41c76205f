package io.cloudmq.dataplane.broker;

import java.time.Duration;

/**
 * Tunables of a broker node. Immutable.
 *
 * @param sendThreads threads storing sends (puts are serialised by the store; more threads only overlap I/O)
 * @param pullThreads threads serving pulls
 * @param otherThreads threads serving every other request code
 * @param queueCapacity requests waiting per executor (sends beyond it get backpressure, others SYSTEM_BUSY)
 * @param offsetPersistInterval how often committed consumer offsets are written to disk
 * @param offsetSyncInterval how often a slave fetches its master's consumer offsets
 * @param clientExpiryCheckInterval how often silent client channels are looked for
 * @param clientTimeout heartbeat silence after which a client channel is closed (spec §4.2: 120 s)
 * @param pullHoldCheckInterval how often held pulls are checked for their deadline
 * @param consumerListWarmUp after a start on existing data, how long consumer lists are refused (one client
 *     heartbeat interval, 30 s, plus 2 s for a late heartbeat; {@link
 *     io.cloudmq.dataplane.broker.client.ConsumerListWarmUp})
 */
public record BrokerSettings(
        int sendThreads,
        int pullThreads,
        int otherThreads,
        int queueCapacity,
        Duration offsetPersistInterval,
        Duration offsetSyncInterval,
        Duration clientExpiryCheckInterval,
        Duration clientTimeout,
        Duration pullHoldCheckInterval,
        Duration consumerListWarmUp) {

    /** 2 send, 4 pull and 4 other threads, 10,000 queued each; offsets persisted and synced every 5 s. */
    public static BrokerSettings defaults() {
        return new BrokerSettings(2, 4, 4, 10_000, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(120), Duration.ofSeconds(1), Duration.ofSeconds(32));
    }
}
