package io.cloudmq.dataplane.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.remoting.protocol.InvalidHeaderException;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RemotingServerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final int ECHO = 1000;

    private final ExecutorService executor = RequestExecutors.bounded("test-processor", 2, 16);
    private final ProcessorRegistry registry = new ProcessorRegistry()
            .register(ECHO, (SyncRequestProcessor) (context, request) ->
                    RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).withBody(request.body()), executor)
            .register(1001, (SyncRequestProcessor) (context, request) -> {
                throw new InvalidHeaderException("the header field topic is missing");
            }, executor)
            .register(1002, (SyncRequestProcessor) (context, request) -> {
                throw new IllegalStateException("boom");
            }, executor);
    private final AtomicReference<Channel> lastConnection = new AtomicReference<>();
    private final RemotingServer server = new RemotingServer(
            new RemotingServerConfig("127.0.0.1", 0, 1, 1 << 20, Duration.ofMillis(500), 8, 4),
            registry,
            (context, request) -> request.extFields().containsKey("deny")
                    ? AuthorizationDecision.deny("denied for the test")
                    : AuthorizationDecision.ALLOW,
            new ConnectionListener() {
                @Override
                public void onConnected(Channel channel) {
                    lastConnection.set(channel);
                }
            });
    private final RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry()
            .register(40, (SyncRequestProcessor) (context, request) ->
                    RemotingCommand.responseTo(request, ResponseCode.SUCCESS, "client saw " + request.extField("k")), executor));

    @AfterEach
    void stop() {
        client.close();
        server.close();
        executor.shutdownNow();
    }

    private String address() {
        return "127.0.0.1:" + server.port();
    }

    @Test
    void echoesTheOpaqueAndAnswersWithTheProcessorsResponse() {
        server.start();

        RemotingCommand response = client.invoke(address(), RemotingCommand.request(ECHO, Map.of())
                .withBody(new byte[] {7}), TIMEOUT).join();

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.isResponse()).isTrue();
        assertThat(response.body()).containsExactly(7);
    }

    @Test
    void answersUnknownCodesWithRequestCodeNotSupported() {
        server.start();

        RemotingCommand response = client.invoke(address(), RemotingCommand.request(4242, Map.of()), TIMEOUT).join();

        assertThat(response.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    }

    @Test
    void answersProcessorFailuresWithSystemError() {
        server.start();

        RemotingCommand badHeader = client.invoke(address(), RemotingCommand.request(1001, Map.of()), TIMEOUT).join();
        RemotingCommand crash = client.invoke(address(), RemotingCommand.request(1002, Map.of()), TIMEOUT).join();

        assertThat(badHeader.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(badHeader.remark()).isEqualTo("the header field topic is missing");
        assertThat(crash.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(crash.remark()).doesNotContain("boom");
    }

    @Test
    void answersDeniedRequestsWithNoPermission() {
        server.start();

        RemotingCommand response = client.invoke(address(), RemotingCommand.request(ECHO, Map.of("deny", "1")), TIMEOUT)
                .join();

        assertThat(response.code()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertThat(response.remark()).isEqualTo("denied for the test");
    }

    @Test
    void neverAnswersAOnewayRequest() throws Exception {
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(jsonFrame("{\"code\":" + ECHO + ",\"flag\":2,\"opaque\":1}"));
            out.write(jsonFrame("{\"code\":4242,\"flag\":2,\"opaque\":2}"));
            out.write(jsonFrame("{\"code\":" + ECHO + ",\"flag\":0,\"opaque\":3}"));
            out.flush();

            String firstResponse = readJsonHeader(socket.getInputStream());

            assertThat(firstResponse).contains("\"opaque\":3");
        }
    }

    @Test
    void closesAConnectionSendingGarbageAndKeepsServingOthers() throws Exception {
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(new byte[] {0, 0, 0, 8, 9, 0, 0, 1, 1, 2, 3, 4});
            socket.getOutputStream().flush();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }

        RemotingCommand response = client.invoke(address(), RemotingCommand.request(ECHO, Map.of()), TIMEOUT).join();
        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void closesAConnectionAnnouncingAnOversizeFrame() throws Exception {
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(ByteBuffer.allocate(4).putInt(Integer.MAX_VALUE).array());
            socket.getOutputStream().flush();

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closesIdleConnections() throws Exception {
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            assertThat(socket.getInputStream().read()).as("closed by the server after 500 ms").isEqualTo(-1);
        }
    }

    @Test
    void sendsRequestsToAConnectedClientAndMatchesItsResponse() {
        server.start();
        client.invoke(address(), RemotingCommand.request(ECHO, Map.of()), TIMEOUT).join();
        await().atMost(TIMEOUT).until(() -> lastConnection.get() != null);

        RemotingCommand response = server.invoke(
                lastConnection.get(), RemotingCommand.request(40, Map.of("k", "v")), TIMEOUT).join();

        assertThat(response.remark()).isEqualTo("client saw v");
    }

    @Test
    void failsPendingRequestsWhenTheConnectionCloses() {
        ProcessorRegistry silent = new ProcessorRegistry()
                .register(ECHO, (context, request) -> new CompletableFuture<>(), executor);
        try (RemotingServer silentServer = new RemotingServer(
                new RemotingServerConfig("127.0.0.1", 0, 1, 1 << 20, Duration.ofSeconds(120), 8, 4),
                silent, RequestAuthorizer.ALLOW_ALL, ConnectionListener.NONE)) {
            silentServer.start();
            var pending = client.invoke("127.0.0.1:" + silentServer.port(), RemotingCommand.request(ECHO, Map.of()),
                    Duration.ofSeconds(30));
            await().atMost(TIMEOUT).until(() -> client.isConnected("127.0.0.1:" + silentServer.port()));

            silentServer.close();

            await().atMost(TIMEOUT).until(pending::isCompletedExceptionally);
        }
    }

    static byte[] jsonFrame(String json) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + header.length).putInt(4 + header.length).putInt(header.length).put(header).array();
    }

    static String readJsonHeader(InputStream in) throws Exception {
        DataInputStream data = new DataInputStream(in);
        int total = data.readInt();
        int headerLength = data.readInt() & 0xFFFFFF;
        byte[] header = new byte[headerLength];
        data.readFully(header);
        data.skipNBytes(total - 4 - headerLength);
        return new String(header, StandardCharsets.UTF_8);
    }
}
