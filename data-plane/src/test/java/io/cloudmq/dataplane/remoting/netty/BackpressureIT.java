package io.cloudmq.dataplane.remoting.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.ResponseCode;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A full executor slows a BACKPRESSURE code's connection down instead of answering SYSTEM_BUSY. */
class BackpressureIT {
    private static final int SEND = 310;
    private static final int OTHER = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CountDownLatch release = new CountDownLatch(1);
    private final ThreadPoolExecutor executor = RequestExecutors.bounded("blocked", 1, 1);
    private final SyncRequestProcessor blocking = (context, request) -> {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    };
    private final RemotingServer server = new RemotingServer(
            new RemotingServerConfig("127.0.0.1", 0, 1, 1 << 20, Duration.ofSeconds(120), 4, 2),
            new ProcessorRegistry()
                    .register(SEND, blocking, executor, OverloadPolicy.BACKPRESSURE)
                    .register(OTHER, blocking, executor, OverloadPolicy.REJECT_BUSY),
            RequestAuthorizer.ALLOW_ALL,
            ConnectionListener.NONE);
    private final RemotingClient client = new RemotingClient(RemotingClientConfig.defaults(), new ProcessorRegistry());

    @AfterEach
    void stop() {
        release.countDown();
        client.close();
        server.close();
        executor.shutdownNow();
    }

    @Test
    void holdsSendsBackUntilTheExecutorHasRoomAndAnswersEveryOneWithSuccess() {
        server.start();
        List<CompletableFuture<RemotingCommand>> sends = IntStream.range(0, 20)
                .mapToObj(i -> client.invoke("127.0.0.1:" + server.port(), RemotingCommand.request(SEND, Map.of()), TIMEOUT))
                .toList();
        await().atMost(TIMEOUT).until(() -> executor.getQueue().remainingCapacity() == 0);

        release.countDown();

        assertThat(sends).allSatisfy(send -> assertThat(send.join().code()).isEqualTo(ResponseCode.SUCCESS));
    }

    @Test
    void stopsReadingAConnectionAtTheHighWaterMarkOfInflightRequests() {
        ThreadPoolExecutor roomy = RequestExecutors.bounded("roomy", 8, 100);
        AtomicReference<Channel> serverSide = new AtomicReference<>();
        try (RemotingServer watched = new RemotingServer(
                new RemotingServerConfig("127.0.0.1", 0, 1, 1 << 20, Duration.ofSeconds(120), 4, 2),
                new ProcessorRegistry().register(SEND, blocking, roomy, OverloadPolicy.BACKPRESSURE),
                RequestAuthorizer.ALLOW_ALL,
                new ConnectionListener() {
                    @Override
                    public void onConnected(Channel channel) {
                        serverSide.set(channel);
                    }
                })) {
            watched.start();
            List<CompletableFuture<RemotingCommand>> sends = IntStream.range(0, 50)
                    .mapToObj(i -> client.invoke("127.0.0.1:" + watched.port(), RemotingCommand.request(SEND, Map.of()), TIMEOUT))
                    .toList();

            await().atMost(TIMEOUT).until(() -> serverSide.get() != null && !serverSide.get().config().isAutoRead());
            release.countDown();

            assertThat(sends).allSatisfy(send -> assertThat(send.join().code()).isEqualTo(ResponseCode.SUCCESS));
            assertThat(serverSide.get().config().isAutoRead()).isTrue();
        } finally {
            roomy.shutdownNow();
        }
    }

    @Test
    void answersOtherCodesWithSystemBusyWhenTheExecutorIsFull() {
        server.start();
        List<CompletableFuture<RemotingCommand>> requests = IntStream.range(0, 3)
                .mapToObj(i -> client.invoke("127.0.0.1:" + server.port(), RemotingCommand.request(OTHER, Map.of()), TIMEOUT))
                .toList();

        Object first = CompletableFuture.anyOf(requests.toArray(CompletableFuture[]::new)).join();

        assertThat(((RemotingCommand) first).code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
    }
}
