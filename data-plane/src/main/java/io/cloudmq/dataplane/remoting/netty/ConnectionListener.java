package io.cloudmq.dataplane.remoting.netty;

import io.netty.channel.Channel;

/**
 * Told when a connection becomes active and when it closes. Called on the channel's event loop: do not
 * block.
 */
public interface ConnectionListener {
    ConnectionListener NONE = new ConnectionListener() {};

    default void onConnected(Channel channel) {}

    default void onDisconnected(Channel channel) {}
}
