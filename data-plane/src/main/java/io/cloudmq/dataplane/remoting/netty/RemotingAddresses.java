package io.cloudmq.dataplane.remoting.netty;

import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** Formats and parses {@code host:port} addresses as RocketMQ writes them. Stateless. */
public final class RemotingAddresses {
    private RemotingAddresses() {}

    /** The channel's peer as {@code host:port}, or {@code "unknown"} before it is connected. */
    public static String describe(Channel channel) {
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet) {
            return inet.getHostString() + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }

    /** Parses {@code host:port}; the host part may itself contain colons (IPv6). */
    public static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("not a host:port address: " + address);
        }
        return InetSocketAddress.createUnresolved(
                address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
    }
}
