package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.remoting.netty.RequestExecutors;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The bounded executors the broker's processors run on: sends, pulls, and everything else, so that a
 * burst of one family cannot starve the others. Thread-safe; {@link #close()} stops them.
 *
 * @param send runs sends
 * @param pull runs pulls
 * @param other runs every other code
 */
record BrokerExecutors(ThreadPoolExecutor send, ThreadPoolExecutor pull, ThreadPoolExecutor other) implements AutoCloseable {

    BrokerExecutors(BrokerSettings settings) {
        this(RequestExecutors.bounded("broker-send", settings.sendThreads(), settings.queueCapacity()),
                RequestExecutors.bounded("broker-pull", settings.pullThreads(), settings.queueCapacity()),
                RequestExecutors.bounded("broker-other", settings.otherThreads(), settings.queueCapacity()));
    }

    @Override
    public void close() {
        send.shutdownNow();
        pull.shutdownNow();
        other.shutdownNow();
    }
}
