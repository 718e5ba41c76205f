package io.cloudmq.api.consumergroup;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connected consumer of a group.
 *
 * @param clientId the client's {@code clientID}
 * @param address remote {@code host:port} of its connection
 * @param language the client's language, e.g. {@code JAVA}
 * @param version the client's RocketMQ {@code MQVersion} ordinal, e.g. 513
 * @param versionName that version's name, e.g. {@code V5_5_0}; {@code null} for a version before 4.0.0
 * @param brokerName the first broker group that reported the client
 * @param lastHeartbeat when that broker received its latest heartbeat
 */
public record ConsumerClientView(String clientId, String address, String language, int version,
        @Nullable String versionName, String brokerName, Instant lastHeartbeat) {}
