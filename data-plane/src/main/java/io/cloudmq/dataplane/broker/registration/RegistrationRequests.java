package io.cloudmq.dataplane.broker.registration;

import io.cloudmq.dataplane.remoting.protocol.BodyChecksum;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.body.DataVersion;
import io.cloudmq.dataplane.remoting.protocol.body.RegisterBrokerBody;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfigSerializeWrapper;
import io.cloudmq.dataplane.remoting.protocol.header.RegisterBrokerRequestHeader;
import io.cloudmq.dataplane.remoting.protocol.header.UnregisterBrokerRequestHeader;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the {@code REGISTER_BROKER} and {@code UNREGISTER_BROKER} requests of one broker as a RocketMQ
 * broker sends them (spec §2.4): an uncompressed JSON body with its masked CRC32 in the header.
 * Immutable and thread-safe.
 */
final class RegistrationRequests {
    private final BrokerIdentity identity;
    private final Duration heartbeatTimeout;

    RegistrationRequests(BrokerIdentity identity, Duration heartbeatTimeout) {
        this.identity = identity;
        this.heartbeatTimeout = heartbeatTimeout;
    }

    RemotingCommand register(Collection<TopicConfig> topics, DataVersion version) {
        Map<String, TopicConfig> table = topics.stream()
                .collect(Collectors.toMap(TopicConfig::topicName, Function.identity(), (first, second) -> second));
        byte[] body = RemotingJson.encode(
                new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, version), List.of()));
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(
                identity.brokerName(),
                identity.brokerAddr(),
                identity.clusterName(),
                identity.haServerAddr(),
                identity.brokerId(),
                heartbeatTimeout.toMillis(),
                false,
                false,
                BodyChecksum.crc32(body));
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, header.toExtFields()).withBody(body);
    }

    RemotingCommand unregister() {
        return RemotingCommand.request(RequestCode.UNREGISTER_BROKER, new UnregisterBrokerRequestHeader(
                identity.brokerName(), identity.brokerAddr(), identity.clusterName(), identity.brokerId()).toExtFields());
    }
}
