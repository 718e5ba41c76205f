package io.cloudmq.dataplane.namesrv;

import io.cloudmq.dataplane.remoting.netty.ConnectionListener;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.netty.RemotingServer;
import io.cloudmq.dataplane.remoting.netty.RemotingServerConfig;
import io.cloudmq.dataplane.remoting.netty.RequestAuthorizer;
import io.cloudmq.dataplane.remoting.netty.RequestExecutors;
import io.cloudmq.dataplane.remoting.netty.SyncRequestProcessor;
import io.cloudmq.dataplane.remoting.protocol.HeaderFields;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;

/**
 * A broker stand-in on our remoting server that accepts {@code SEND_MESSAGE_V2} and records each send's
 * header, so a test can see where the official producer sent; every other code is unsupported.
 */
final class StubSendBroker implements AutoCloseable {
    private final ExecutorService executor = RequestExecutors.bounded("stub-broker", 1, 64);
    private final List<Map<String, String>> sends = new CopyOnWriteArrayList<>();
    private final RemotingServer server;

    StubSendBroker() {
        SyncRequestProcessor send = (context, request) -> {
            sends.add(request.extFields());
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).withExtFields(HeaderFields.writer()
                    .put("msgId", "0A00000100002A9F0000000000000000")
                    .put("queueId", request.extField("e"))
                    .put("queueOffset", sends.size() - 1)
                    .build());
        };
        server = new RemotingServer(
                new RemotingServerConfig("127.0.0.1", 0, 1, RemotingServerConfig.DEFAULT_MAX_FRAME_LENGTH,
                        RemotingServerConfig.DEFAULT_IDLE_TIMEOUT, 64, 32),
                new ProcessorRegistry().register(RequestCode.SEND_MESSAGE_V2, send, executor),
                RequestAuthorizer.ALLOW_ALL,
                ConnectionListener.NONE);
        server.start();
    }

    String address() {
        return "127.0.0.1:" + server.port();
    }

    List<Map<String, String>> sends() {
        return sends;
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
