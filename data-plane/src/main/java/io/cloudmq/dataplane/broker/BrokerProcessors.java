package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.broker.client.ClientRegistry;
import io.cloudmq.dataplane.broker.client.ConsumerListWarmUp;
import io.cloudmq.dataplane.broker.client.QueueLockTable;
import io.cloudmq.dataplane.broker.client.RebalanceNotifier;
import io.cloudmq.dataplane.broker.metadata.GroupTable;
import io.cloudmq.dataplane.broker.metadata.TopicTable;
import io.cloudmq.dataplane.broker.offset.ConsumerOffsetStore;
import io.cloudmq.dataplane.broker.processor.AllConsumerOffsetsProcessor;
import io.cloudmq.dataplane.broker.processor.AllDelayOffsetsProcessor;
import io.cloudmq.dataplane.broker.processor.BrokerMetrics;
import io.cloudmq.dataplane.broker.processor.ClientManageProcessor;
import io.cloudmq.dataplane.broker.processor.ConsumerOffsetProcessor;
import io.cloudmq.dataplane.broker.processor.ConsumerSendMsgBackProcessor;
import io.cloudmq.dataplane.broker.processor.CountingSendQuota;
import io.cloudmq.dataplane.broker.processor.HeartbeatProcessor;
import io.cloudmq.dataplane.broker.processor.MergeConsumerOffsetsProcessor;
import io.cloudmq.dataplane.broker.processor.MessageQueryProcessor;
import io.cloudmq.dataplane.broker.processor.PullMessageProcessor;
import io.cloudmq.dataplane.broker.processor.PullRequestHoldService;
import io.cloudmq.dataplane.broker.processor.PullSuggestion;
import io.cloudmq.dataplane.broker.processor.QueueOffsetProcessor;
import io.cloudmq.dataplane.broker.processor.ReplicaWait;
import io.cloudmq.dataplane.broker.processor.SendMessageProcessor;
import io.cloudmq.dataplane.broker.processor.TopicAdminProcessor;
import io.cloudmq.dataplane.broker.reset.OffsetResets;
import io.cloudmq.dataplane.broker.reset.ResetOffsetProcessor;
import io.cloudmq.dataplane.broker.transaction.EndTransactionProcessor;
import io.cloudmq.dataplane.broker.transaction.TransactionOpLog;
import io.cloudmq.dataplane.remoting.netty.OverloadPolicy;
import io.cloudmq.dataplane.remoting.netty.ProcessorRegistry;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.store.MessageStore;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Which processor serves which request code on which executor (spec §8.1 items 0–3 and 5, plus the
 * operations of item 6 that tooling uses, among them the server-side offset reset 222 on masters, and on masters
 * the private {@code MERGE_CONSUMER_OFFSETS} by which a slave reports newer offsets). Sends are
 * registered with backpressure, everything else answers {@code SYSTEM_BUSY} when its executor is full.
 * Immutable once built.
 */
record BrokerProcessors(
        TopicTable topics,
        GroupTable groups,
        ClientRegistry clients,
        RebalanceNotifier notifier,
        ConsumerOffsetStore offsets,
        MessageStore store,
        PullRequestHoldService holds,
        BrokerMetrics metrics,
        TransactionOpLog transactions,
        Function<RemotingCommand, Predicate<String>> visibility,
        String brokerName,
        Supplier<Map<Integer, Long>> delayProgress,
        ConsumerListWarmUp warmUp,
        Clock clock) {

    /**
     * Offset resets over this broker's tables and store (also served by the node admin API); a reset wakes the
     * group's held pulls of the queue.
     */
    OffsetResets resets() {
        return new OffsetResets(topics, offsets, store, holds::wakeReset);
    }

    ProcessorRegistry registry(BrokerExecutors executors, String cluster, boolean master, ReplicaWait replicaWait,
            PullSuggestion pullSuggestion, InetSocketAddress storeAddress, Runnable onTopicsChanged) {
        SendMessageProcessor send = new SendMessageProcessor(topics, groups, store, metrics,
                new CountingSendQuota(metrics.registry()), cluster, master, replicaWait, storeAddress);
        PullMessageProcessor pull = new PullMessageProcessor(topics, groups, clients, offsets, store, holds, metrics,
                master, pullSuggestion, clock);
        ConsumerOffsetProcessor consumerOffsets = new ConsumerOffsetProcessor(groups, topics, offsets, store);
        QueueOffsetProcessor queueOffsets = new QueueOffsetProcessor(store);
        ClientManageProcessor clientManage = new ClientManageProcessor(clients, notifier,
                new QueueLockTable(clock, QueueLockTable.DEFAULT_EXPIRY), warmUp);
        MessageQueryProcessor query = new MessageQueryProcessor(store, visibility);
        TopicAdminProcessor topicAdmin = new TopicAdminProcessor(topics, onTopicsChanged);
        ProcessorRegistry registry = new ProcessorRegistry()
                .register(RequestCode.SEND_MESSAGE, send, executors.send(), OverloadPolicy.BACKPRESSURE)
                .register(RequestCode.SEND_MESSAGE_V2, send, executors.send(), OverloadPolicy.BACKPRESSURE)
                .register(RequestCode.SEND_BATCH_MESSAGE, send, executors.send(), OverloadPolicy.BACKPRESSURE)
                .register(RequestCode.CONSUMER_SEND_MSG_BACK,
                        new ConsumerSendMsgBackProcessor(groups, store, master, storeAddress), executors.send())
                .register(RequestCode.PULL_MESSAGE, pull, executors.pull())
                .register(RequestCode.LITE_PULL_MESSAGE, pull, executors.pull())
                .register(RequestCode.HEART_BEAT, new HeartbeatProcessor(clients, notifier, clock), executors.other())
                .register(RequestCode.UNREGISTER_CLIENT, clientManage, executors.other())
                .register(RequestCode.GET_CONSUMER_LIST_BY_GROUP, clientManage, executors.other())
                .register(RequestCode.LOCK_BATCH_MQ, clientManage, executors.other())
                .register(RequestCode.UNLOCK_BATCH_MQ, clientManage, executors.other())
                .register(RequestCode.QUERY_CONSUMER_OFFSET, consumerOffsets, executors.other())
                .register(RequestCode.UPDATE_CONSUMER_OFFSET, consumerOffsets, executors.other())
                .register(RequestCode.GET_ALL_CONSUMER_OFFSET, new AllConsumerOffsetsProcessor(offsets), executors.other())
                .register(RequestCode.GET_ALL_DELAY_OFFSET, new AllDelayOffsetsProcessor(delayProgress), executors.other())
                .register(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, queueOffsets, executors.other())
                .register(RequestCode.GET_MAX_OFFSET, queueOffsets, executors.other())
                .register(RequestCode.GET_MIN_OFFSET, queueOffsets, executors.other())
                .register(RequestCode.GET_EARLIEST_MSG_STORETIME, queueOffsets, executors.other())
                .register(RequestCode.VIEW_MESSAGE_BY_ID, query, executors.other())
                .register(RequestCode.QUERY_MESSAGE, query, executors.other())
                .register(RequestCode.UPDATE_AND_CREATE_TOPIC, topicAdmin, executors.other())
                .register(RequestCode.DELETE_TOPIC_IN_BROKER, topicAdmin, executors.other());
        return master ? registry.register(RequestCode.END_TRANSACTION,
                        new EndTransactionProcessor(store, transactions), executors.send())
                .register(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET, new ResetOffsetProcessor(groups, topics,
                        resets(), brokerName), executors.other())
                .register(RequestCode.MERGE_CONSUMER_OFFSETS, new MergeConsumerOffsetsProcessor(offsets),
                        executors.other()) : registry;
    }
}
