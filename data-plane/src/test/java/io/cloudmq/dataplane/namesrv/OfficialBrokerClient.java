package io.cloudmq.dataplane.namesrv;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.jspecify.annotations.Nullable;
import org.apache.rocketmq.remoting.protocol.DataVersion;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.remoting.protocol.body.TopicConfigAndMappingSerializeWrapper;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.apache.rocketmq.remoting.protocol.header.namesrv.UnRegisterBrokerRequestHeader;

/**
 * Registers a broker with a name server exactly as a real 5.5.0 broker does ({@code BrokerOuterAPI}): the
 * official {@link NettyRemotingClient}, header and body classes, uncompressed body with its CRC32.
 */
public final class OfficialBrokerClient implements AutoCloseable {
    private final NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
    private final String nameServer;
    private final String brokerName;
    private final String brokerAddr;
    private final long brokerId;

    public OfficialBrokerClient(String nameServer, String brokerName, String brokerAddr, long brokerId) {
        this(nameServer, brokerName, brokerAddr, brokerId, null);
    }

    /** A client whose requests pass {@code hook} (e.g. the operator's signing hook), if not null. */
    public OfficialBrokerClient(String nameServer, String brokerName, String brokerAddr, long brokerId,
            @Nullable RPCHook hook) {
        if (hook != null) {
            client.registerRPCHook(hook);
        }
        this.nameServer = nameServer;
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        this.brokerId = brokerId;
        client.start();
    }

    public static TopicConfig topic(String name, int queues, int perm) {
        TopicConfig config = new TopicConfig(name, queues, queues);
        config.setPerm(perm);
        return config;
    }

    /** Registers with these topics and returns the decoded response header. */
    public RegisterBrokerResponseHeader register(TopicConfig... topics) throws Exception {
        TopicConfigAndMappingSerializeWrapper wrapper = new TopicConfigAndMappingSerializeWrapper();
        Map<String, TopicConfig> table = new ConcurrentHashMap<>();
        for (TopicConfig topic : topics) {
            table.put(topic.getTopicName(), topic);
        }
        wrapper.setTopicConfigTable(new ConcurrentHashMap<>(table));
        wrapper.setDataVersion(new DataVersion());
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        body.setFilterServerList(new ArrayList<>());
        byte[] bytes = body.encode(false);

        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerAddr(brokerAddr);
        header.setBrokerId(brokerId);
        header.setBrokerName(brokerName);
        header.setClusterName("DefaultCluster");
        header.setHaServerAddr(brokerAddr.replaceAll(":\\d+$", ":10912"));
        header.setEnableActingMaster(false);
        header.setCompressed(false);
        header.setHeartbeatTimeoutMillis(120_000L);
        header.setBodyCrc32(UtilAll.crc32(bytes));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setBody(bytes);

        RemotingCommand response = client.invokeSync(nameServer, request, 3000);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("registration failed: " + response.getCode() + " " + response.getRemark());
        }
        return (RegisterBrokerResponseHeader) response.decodeCommandCustomHeader(RegisterBrokerResponseHeader.class);
    }

    void unregister() throws Exception {
        UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader();
        header.setBrokerAddr(brokerAddr);
        header.setBrokerId(brokerId);
        header.setBrokerName(brokerName);
        header.setClusterName("DefaultCluster");
        RemotingCommand response = client.invokeSync(
                nameServer, RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, header), 3000);
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("unregistration failed: " + response.getCode());
        }
    }

    /** Sends any request through this broker's official client. */
    RemotingCommand invoke(RemotingCommand request) throws Exception {
        return client.invokeSync(nameServer, request, 3000);
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
