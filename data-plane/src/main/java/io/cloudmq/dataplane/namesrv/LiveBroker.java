package io.cloudmq.dataplane.namesrv;

import io.netty.channel.Channel;
import java.time.Instant;

/** A registered broker address, the connection it registered over, and when it was last heard of. */
record LiveBroker(BrokerRegistration registration, Channel channel, Instant lastUpdate) {

    boolean isSilentAt(Instant now) {
        return lastUpdate.plus(registration.timeout()).isBefore(now);
    }
}
