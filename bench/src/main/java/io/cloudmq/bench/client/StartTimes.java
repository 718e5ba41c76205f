package io.cloudmq.bench.client;

import java.time.Duration;
import java.util.List;

/**
 * How long a broker JVM took from its spawn to serving.
 *
 * @param portMillis spawn to remoting port accepting
 * @param registeredMillis spawn to listed by the name server
 */
record StartTimes(double portMillis, double registeredMillis) {

    /** Waits until the broker {@code jvm}, just spawned, accepts on {@code port} and the name server lists it. */
    static StartTimes await(ChildJvm jvm, int port, RouteProbe probe, Duration deadline) throws InterruptedException {
        double accepting = Ports.awaitAccepting(port, jvm, deadline);
        return new StartTimes(accepting, probe.awaitRegistered(BrokerUnderTest.BROKER_NAME, jvm, deadline));
    }

    /**
     * Stops the broker {@code jvms[index]} (SIGTERM: a graceful stop), waits until the name server no longer lists
     * it, starts the same command again on the same store and configuration, replaces it in {@code jvms} and
     * answers the new JVM's times.
     */
    static StartTimes restart(List<ChildJvm> jvms, int index, int port, RouteProbe probe, Duration deadline)
            throws Exception {
        ChildJvm stopping = jvms.get(index);
        stopping.close();
        probe.awaitUnregistered(BrokerUnderTest.BROKER_NAME, deadline);
        ChildJvm started = stopping.startAgain();
        jvms.set(index, started);
        return await(started, port, probe, deadline);
    }
}
