package io.cloudmq.dataplane.broker.client;

import io.netty.channel.Channel;

/**
 * One client connection as a group member. Immutable.
 *
 * @param channel the connection requests arrive on and notifications go to
 * @param clientId the client's {@code clientID} ({@code ip@instance})
 * @param language the client's language name
 * @param version the client's MQVersion ordinal
 * @param lastHeartbeatMillis when the client last sent a heartbeat on this channel
 */
public record ClientChannel(Channel channel, String clientId, String language, int version, long lastHeartbeatMillis) {}
