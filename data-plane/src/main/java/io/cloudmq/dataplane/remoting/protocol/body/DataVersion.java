package io.cloudmq.dataplane.remoting.protocol.body;

/** Version stamp of a broker's topic configuration, as RocketMQ's {@code DataVersion}. */
public record DataVersion(long stateVersion, long timestamp, long counter) {}
