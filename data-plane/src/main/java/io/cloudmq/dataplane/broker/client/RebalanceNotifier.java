package io.cloudmq.dataplane.broker.client;

import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.netty.channel.Channel;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every member of a consumer group to rebalance now: a oneway {@code NOTIFY_CONSUMER_IDS_CHANGED}
 * (spec §4.11) to each member's channel. Thread-safe; sending never blocks.
 */
public final class RebalanceNotifier {
    private static final Logger log = LoggerFactory.getLogger(RebalanceNotifier.class);

    /** Sends a server-initiated oneway request on a channel. */
    @FunctionalInterface
    public interface OnewaySender {
        void sendOneway(Channel channel, RemotingCommand request);
    }

    private final ClientRegistry registry;
    private final OnewaySender sender;

    public RebalanceNotifier(ClientRegistry registry, OnewaySender sender) {
        this.registry = registry;
        this.sender = sender;
    }

    public void notifyGroups(Collection<String> groups) {
        groups.forEach(this::notifyGroup);
    }

    public void notifyGroup(String group) {
        RemotingCommand notice = RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                HeaderFields.writer().put("consumerGroup", group).build()).asOneway();
        for (ClientChannel member : registry.consumers(group)) {
            log.debug("notifying {} that the members of {} changed", member.clientId(), group);
            sender.sendOneway(member.channel(), notice);
        }
    }
}
