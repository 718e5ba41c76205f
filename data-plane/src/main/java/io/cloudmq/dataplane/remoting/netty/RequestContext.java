package io.cloudmq.dataplane.remoting.netty;

import io.netty.channel.Channel;

/**
 * Where a request came from, handed to the authorizer and the processor.
 *
 * @param channel the connection; a processor keeps it to send server-initiated requests later
 */
public record RequestContext(Channel channel) {

    /** The peer as {@code host:port}, for logs and remarks. */
    public String remoteAddress() {
        return RemotingAddresses.describe(channel);
    }
}
