package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.ClientRequests.sendV2;
import static io.cloudmq.dataplane.auth.Tenants.inA;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.netty.ConnectionListener;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingServer;
import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import io.cloudmq.dataplane.remoting.netty.RequestExecutors;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.rpchook.NamespaceRpcHook;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A remoting server guarded by the authorizer, called over TCP by the official 5.5.0 remoting client. */
class CredentialAuthorizerIT {
    private static final long TIMEOUT_MILLIS = 3000;

    private final ExecutorService executor = RequestExecutors.bounded("auth-it", 2, 64);
    private final SyncRequestProcessor accept = (context, request) ->
            RemotingCommand.responseTo(request, ResponseCode.SUCCESS, "accepted " + request.code());
    private final RemotingServer server = new RemotingServer(
            new RemotingServerConfig("127.0.0.1", 0, 1, RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH,
                    Duration.ofSeconds(30), 64, 32),
            new ProcessorRegistry()
                    .register(RequestCode.SEND_MESSAGE_V2, accept, executor)
                    .register(RequestCode.UPDATE_AND_CREATE_TOPIC, accept, executor),
            new CredentialAuthorizer(new CredentialRegistry(Tenants.table())),
            ConnectionListener.NONE);
    private final List<NettyRemotingClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        // Each client's shutdown waits out its event loop's quiet period; stop them side by side.
        List<Thread> stopping = clients.stream().map(client -> new Thread(client::shutdown)).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            thread.join();
        }
        server.close();
        executor.shutdownNow();
    }

    @Test
    void servesASignedTenantAndRefusesForgedUnsignedAndForeignRequestsWithNoPermission() throws Exception {
        NettyRemotingClient tenantA = client(acl("ak-a", "sk-a"));
        NettyRemotingClient forger = client(acl("ak-a", "guessed"));
        NettyRemotingClient anonymous = client();
        NettyRemotingClient tenantB = client(acl("ak-b", "sk-b"));

        var served = call(tenantA, sendV2(inA("PG"), inA("orders")));
        var forged = call(forger, sendV2(inA("PG"), inA("orders")));
        var unsigned = call(anonymous, sendV2(inA("PG"), inA("orders")));
        var foreign = call(tenantB, sendV2(Tenants.inB("PG"), inA("orders")));

        assertThat(served.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(served.getRemark()).isEqualTo("accepted 310");
        assertThat(forged.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(forged.getRemark()).contains("signature mismatch for AccessKey ak-a");
        assertThat(unsigned.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(unsigned.getRemark()).contains("unsigned request");
        assertThat(foreign.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(foreign.getRemark()).contains("outside namespace " + Tenants.NS_B);
    }

    @Test
    void keepsServingEveryConnectionAfterRefusals() throws Exception {
        NettyRemotingClient forger = client(acl("ak-a", "guessed"));
        NettyRemotingClient tenantA = client(acl("ak-a", "sk-a"));
        for (int i = 0; i < 5; i++) {
            assertThat(call(forger, sendV2(inA("PG"), inA("orders"))).getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        }

        assertThat(call(tenantA, sendV2(inA("PG"), inA("orders"))).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(forger, sendV2(inA("PG"), inA("orders"))).getCode())
                .as("the refused client's connection still gets answers")
                .isEqualTo(ResponseCode.NO_PERMISSION);
    }

    @Test
    void servesANamespaceV2ClientSendingBareNames() throws Exception {
        ClientConfig config = new ClientConfig();
        config.setNamespaceV2(Tenants.NS_A);
        NettyRemotingClient tenantA = client(new NamespaceRpcHook(config), acl("ak-a", "sk-a"));
        NettyRemotingClient tenantB = client(new NamespaceRpcHook(config), acl("ak-b", "sk-b"));

        assertThat(call(tenantA, sendV2("PG", "orders")).getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(call(tenantB, sendV2("PG", "orders")).getRemark()).contains("(ext field ns) is not the namespace");
    }

    @Test
    void acceptsAdminCodesOnlyWithTheOperatorCredential() throws Exception {
        var createTopic = OfficialRequests.request(RequestCode.UPDATE_AND_CREATE_TOPIC, null, null);
        var createTopicAgain = OfficialRequests.request(RequestCode.UPDATE_AND_CREATE_TOPIC, null, null);

        var tenant = call(client(acl("ak-a", "sk-a")), createTopic);
        var operator = call(client(acl("ak-operator", "sk-operator")), createTopicAgain);

        assertThat(tenant.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(tenant.getRemark()).contains("needs the operator credential");
        assertThat(operator.getCode()).isEqualTo(ResponseCode.SUCCESS);
    }

    private static RPCHook acl(String accessKey, String secretKey) {
        return new AclClientRPCHook(new SessionCredentials(accessKey, secretKey));
    }

    /** The official client with these hooks, in the order the client registers them. */
    private NettyRemotingClient client(RPCHook... hooks) {
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        for (RPCHook hook : hooks) {
            client.registerRPCHook(hook);
        }
        client.start();
        clients.add(client);
        return client;
    }

    private org.apache.rocketmq.remoting.protocol.RemotingCommand call(
            NettyRemotingClient client, org.apache.rocketmq.remoting.protocol.RemotingCommand request)
            throws Exception {
        return client.invokeSync("127.0.0.1:" + server.port(), request, TIMEOUT_MILLIS);
    }
}
