package io.cloudmq.bench.client;

/**
 * What one measured phase against one broker produced.
 *
 * @param messages messages acknowledged (sends) or received (consumption) within the phase
 * @param seconds wall-clock length of the phase
 * @param p50Millis median latency, NaN if the phase measures none
 * @param p99Millis 99th-percentile latency, NaN if the phase measures none
 * @param brokerCpuNanos user + kernel CPU time of the broker process over the phase
 * @param brokerSystemNanos the kernel part of {@code brokerCpuNanos}
 * @param slaveCpuNanos user + kernel CPU time of the slave process over the phase, 0 without a slave
 * @param failures sends that failed or were not acknowledged as SEND_OK
 */
record PhaseResult(long messages, double seconds, double p50Millis, double p99Millis, long brokerCpuNanos,
        long brokerSystemNanos, long slaveCpuNanos, long failures) {

    double messagesPerSecond() {
        return messages / seconds;
    }

    /** Share of the broker's CPU time spent in the kernel, in percent. */
    double brokerSystemPercent() {
        return brokerCpuNanos == 0 ? Double.NaN : 100.0 * brokerSystemNanos / brokerCpuNanos;
    }

    double brokerCpuMicrosPerMessage() {
        return perMessageMicros(brokerCpuNanos);
    }

    double slaveCpuMicrosPerMessage() {
        return perMessageMicros(slaveCpuNanos);
    }

    private double perMessageMicros(long nanos) {
        return messages == 0 ? Double.NaN : nanos / 1e3 / messages;
    }
}
