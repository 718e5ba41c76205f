package io.cloudmq.api.node.read;

import java.time.Instant;

/**
 * One connected consumer as its latest heartbeat describes it.
 *
 * @param clientId the client's {@code clientID}
 * @param address remote {@code host:port} of its connection
 * @param language the client's language, e.g. {@code JAVA}
 * @param version the client's RocketMQ {@code MQVersion} ordinal (513 for 5.5.0)
 * @param lastHeartbeat when its latest heartbeat arrived
 */
public record NodeClient(String clientId, String address, String language, int version, Instant lastHeartbeat) {}
