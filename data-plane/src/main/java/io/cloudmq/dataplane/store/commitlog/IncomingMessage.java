package io.cloudmq.dataplane.store.commitlog;

import java.net.InetSocketAddress;

/**
 * A message as a processor hands it to the store; the store adds queue offset, physical offset, store
 * time and store host. Fields keep RocketMQ's names and meanings (spec §4.8).
 *
 * @param topic wire topic name, at most 127 UTF-8 bytes (V1 layout)
 * @param queueId queue within the topic, {@code >= 0}
 * @param flag user flag
 * @param body body bytes, stored unchanged (possibly compressed by the producer)
 * @param properties properties string ({@code name\u0001value\u0002}...), at most 32767 UTF-8 bytes
 * @param sysFlag producer sysFlag; the store sets the IPv6 host bits itself
 * @param bornTimestamp producer time in ms
 * @param bornHost producer socket address (resolved)
 * @param reconsumeTimes retry counter
 * @param preparedTransactionOffset 0, or the half message's physical offset for a committed transaction
 */
public record IncomingMessage(
        String topic,
        int queueId,
        int flag,
        byte[] body,
        String properties,
        int sysFlag,
        long bornTimestamp,
        InetSocketAddress bornHost,
        int reconsumeTimes,
        long preparedTransactionOffset) {}
