package io.cloudmq.dataplane.store.commitlog;

/**
 * The fields of a validated record that the dispatcher and recovery need.
 *
 * @param size whole record size in bytes
 * @param topic topic name
 * @param queueId queue within the topic
 * @param queueOffset consume-queue offset
 * @param physicalOffset commit-log offset of the record
 * @param storeTimestamp store time in ms
 * @param properties properties string
 */
public record RecordHeader(
        int size, String topic, int queueId, long queueOffset, long physicalOffset, long storeTimestamp,
        String properties) {}
