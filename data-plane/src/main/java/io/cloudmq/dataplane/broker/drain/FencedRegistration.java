package io.cloudmq.dataplane.broker.drain;

import io.cloudmq.dataplane.remoting.protocol.Perm;
import io.cloudmq.dataplane.remoting.protocol.body.TopicConfig;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The topic table a broker registers, with {@link Perm#WRITE} removed from every topic while its drain
 * phase is fenced (spec §6.2): producers stop choosing the broker at their next route refresh, consumers
 * keep reading. Stateless besides its sources; thread-safe.
 */
public final class FencedRegistration implements Supplier<Collection<TopicConfig>> {
    private final Supplier<? extends Collection<TopicConfig>> topics;
    private final DrainState state;

    public FencedRegistration(Supplier<? extends Collection<TopicConfig>> topics, DrainState state) {
        this.topics = topics;
        this.state = state;
    }

    @Override
    public Collection<TopicConfig> get() {
        Collection<TopicConfig> table = topics.get();
        if (!state.phase().fenced()) {
            return table;
        }
        return table.stream()
                .map(topic -> new TopicConfig(topic.topicName(), topic.readQueueNums(), topic.writeQueueNums(),
                        topic.perm() & ~Perm.WRITE, topic.topicFilterType(), topic.topicSysFlag(), topic.order(),
                        topic.attributes()))
                .toList();
    }
}
