package io.cloudmq.controlplane.canary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The canary of one cluster: a producer and a push consumer of the official RocketMQ client, signed with the
 * canary's credential ({@code AclClientRPCHook}) and namespaced with its system instance as tenants' clients
 * are. Once the name servers route the canary topic it starts the consumer and sends one message per period
 * (synchronously, default client settings: a send the client retries elsewhere and then gets through counts
 * as acknowledged), recording every outcome in its {@link CanaryLedger}.
 *
 * <p>Thread-safe: its own thread sends and checks; the client's threads deliver; {@link #stop} may come from
 * any thread.
 */
final class CanaryProbe {
    private static final Logger log = LoggerFactory.getLogger(CanaryProbe.class);
    private static final String TAG = "canary";

    private final String clusterId;
    private final String instanceId;
    private final CanaryLedger ledger;
    private final Clock clock;
    private final DefaultMQProducer producer;
    private final DefaultMQPushConsumer consumer;
    private final ScheduledExecutorService sender;
    private volatile @Nullable Instant since;

    CanaryProbe(String clusterId, CanaryAccess access, String nameServers, CanaryLedger ledger, Clock clock) {
        this.clusterId = clusterId;
        this.instanceId = access.instanceId();
        this.ledger = ledger;
        this.clock = clock;
        RPCHook signing = new AclClientRPCHook(new SessionCredentials(access.accessKey(), access.secretKey()));
        String clientName = "cloudmq-canary-" + clusterId + "-" + ledger.runId();
        this.producer = new DefaultMQProducer(CanaryProvisioner.PRODUCER_GROUP, signing);
        this.consumer = new DefaultMQPushConsumer(CanaryProvisioner.CONSUMER_GROUP, signing);
        configure(producer, access.instanceId(), nameServers, clientName);
        configure(consumer, access.instanceId(), nameServers, clientName);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(message -> CanaryMessage.parse(message.getBody()).ifPresent(ledger::received));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        this.sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "canary-" + clusterId);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The namespace is the instance id in its wire form {@code <instanceId>%name}, as tenants' clients use it. */
    @SuppressWarnings("deprecation")
    private static void configure(org.apache.rocketmq.client.ClientConfig client, String instanceId,
            String nameServers, String clientName) {
        client.setNamespace(instanceId);
        client.setNamesrvAddr(nameServers);
        client.setInstanceName(clientName);
    }

    /** Starts the producer and the schedule; sending begins once the topic is routed. */
    void start(Duration sendPeriod) throws MQClientException {
        producer.start();
        long period = sendPeriod.toNanos();
        sender.scheduleAtFixedRate(this::tick, period, period, TimeUnit.NANOSECONDS);
        log.info("Canary of cluster {} started on instance {} (run {})", clusterId, instanceId, ledger.runId());
    }

    void stop() {
        sender.shutdownNow();
        consumer.shutdown();
        producer.shutdown();
        since = null;
        log.info("Canary of cluster {} stopped (run {})", clusterId, ledger.runId());
    }

    String instanceId() {
        return instanceId;
    }

    String clusterId() {
        return clusterId;
    }

    CanaryLedger ledger() {
        return ledger;
    }

    /** When sending began, null while it waits for the topic's route. */
    @Nullable Instant since() {
        return since;
    }

    private void tick() {
        try {
            if (since == null && !begin()) {
                return;
            }
            send();
            ledger.expire(clock.instant());
        } catch (RuntimeException e) {
            ledger.error(e.toString());
            log.warn("Canary of cluster {}: {}", clusterId, e.toString());
        }
    }

    /** Starts the consumer once the canary topic is routed; whether sending can begin. */
    private boolean begin() {
        try {
            if (producer.fetchPublishMessageQueues(CanaryProvisioner.TOPIC).isEmpty()) {
                return false;
            }
            consumer.subscribe(CanaryProvisioner.TOPIC, "*");
            consumer.start();
        } catch (MQClientException e) {
            ledger.error("waiting for the canary topic: " + e.getErrorMessage());
            return false;
        }
        since = clock.instant();
        return true;
    }

    private void send() {
        CanaryMessage message = ledger.next(clock.instant());
        Message outgoing = new Message(CanaryProvisioner.TOPIC, TAG, Long.toString(message.sequence()),
                message.body());
        long started = System.nanoTime();
        try {
            SendResult result = producer.send(outgoing);
            if (result.getSendStatus() == SendStatus.SEND_OK) {
                ledger.acknowledged(message, Duration.ofNanos(System.nanoTime() - started));
            } else {
                ledger.failed(message, "send answered " + result.getSendStatus());
            }
        } catch (MQClientException | RemotingException | MQBrokerException e) {
            ledger.failed(message, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
