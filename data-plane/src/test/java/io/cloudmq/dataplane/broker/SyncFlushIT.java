package io.cloudmq.dataplane.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official producer against a SYNC_FLUSH broker, which answers a send when the fsync covering it
 * completes, in whatever order the fsyncs release them: many concurrent sends on one connection all come
 * back SEND_OK, each matched to its own message.
 */
class SyncFlushIT {
    private static final int SENDS = 400;

    @TempDir
    Path dir;

    @Test
    void concurrentAsyncSendsOnOneConnectionAreAllAnsweredAndMatchedToTheirMessages() throws Exception {
        try (BrokerCluster cluster = BrokerCluster.start(dir.resolve("cluster"), "ASYNC_MASTER",
                Map.of("store.flush.mode", "SYNC_FLUSH"))) {
            String topic = BrokerCluster.uniqueName("sync-flush");
            cluster.createTopic(topic, 4);
            DefaultMQProducer producer = Clients.producer(cluster);
            try {
                Map<String, SendResult> results = new ConcurrentHashMap<>();
                List<CompletableFuture<Void>> answered = new ArrayList<>();
                for (int i = 0; i < SENDS; i++) {
                    String key = "k-" + i;
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    answered.add(done);
                    producer.send(new Message(topic, "T", key, key.getBytes(StandardCharsets.UTF_8)), new SendCallback() {
                        @Override
                        public void onSuccess(SendResult result) {
                            results.put(key, result);
                            done.complete(null);
                        }

                        @Override
                        public void onException(Throwable failure) {
                            done.completeExceptionally(failure);
                        }
                    });
                }
                CompletableFuture.allOf(answered.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

                assertThat(results).hasSize(SENDS);
                assertThat(results.values()).allSatisfy(result ->
                        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK));
                Set<String> positions = ConcurrentHashMap.newKeySet();
                results.values().forEach(result ->
                        positions.add(result.getMessageQueue().getQueueId() + "@" + result.getQueueOffset()));
                assertThat(positions).as("one queue position per message").hasSize(SENDS);
                for (String key : List.of("k-0", "k-" + (SENDS / 2), "k-" + (SENDS - 1))) {
                    SendResult result = results.get(key);
                    assertThat(producer.viewMessage(topic, result.getOffsetMsgId()).getBody())
                            .asString(StandardCharsets.UTF_8).isEqualTo(key);
                }
            } finally {
                producer.shutdown();
            }
        }
    }
}
