package io.cloudmq.controlplane;

import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Valid requests for tests; each test changes only what it is about. */
public final class TestData {
    private TestData() {}

    public static CreateInstanceRequest instanceOn(String cluster) {
        return new CreateInstanceRequest("orders", "test instance", cluster, InstanceTier.SINGLE_NODE, null);
    }

    public static CreateTopicRequest topic(String name) {
        return new CreateTopicRequest(name, MessageType.NORMAL, null, null, null);
    }

    public static CreateConsumerGroupRequest group(String name) {
        return new CreateConsumerGroupRequest(name, null, null, null, null);
    }

    /** A one-hour window starting {@code hoursFromNow} hours from now. */
    public static ScheduleUpgradeWindowRequest window(int hoursFromNow) {
        return new ScheduleUpgradeWindowRequest(
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(hoursFromNow), Duration.ofHours(1), "0.2.0");
    }
}
