package io.cloudmq.controlplane.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.topic.MessageType;
import io.cloudmq.api.topic.TopicPermission;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestData;
import io.cloudmq.controlplane.instance.InstanceService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Constraints behind the topic rules, below the service's own checks. */
@ControlPlaneTest
class TopicRepositoryTest {
    @Autowired
    TopicRepository topics;
    @Autowired
    InstanceService instances;

    private String instanceId;

    @BeforeEach
    void instance() {
        instanceId = instances.create(TestData.instanceOn("local")).id();
    }

    @Test
    void uniqueConstraintRefusesASecondTopicOfTheSameNameInOneInstance() {
        topics.saveAndFlush(topic(instanceId, "orders"));

        assertThatThrownBy(() -> topics.saveAndFlush(topic(instanceId, "orders")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("uq_topics_instance_id_name");
    }

    @Test
    void sameNameInAnotherInstanceIsFine() {
        String other = instances.create(TestData.instanceOn("local")).id();
        topics.saveAndFlush(topic(instanceId, "shared-name"));

        assertThat(topics.saveAndFlush(topic(other, "shared-name")).name()).isEqualTo("shared-name");
    }

    @Test
    void checkConstraintRefusesNamesTheApiWouldRefuse() {
        assertThatThrownBy(() -> topics.saveAndFlush(topic(instanceId, "bad name")))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ck_topics_name");
    }

    @Test
    void staleCopyIsRefusedByOptimisticLocking() {
        topics.saveAndFlush(topic(instanceId, "versioned"));
        Topic first = topics.findByInstanceIdAndName(instanceId, "versioned").orElseThrow();
        Topic second = topics.findByInstanceIdAndName(instanceId, "versioned").orElseThrow();
        first.changeRemark("first", Instant.now());
        topics.saveAndFlush(first);

        second.changeRemark("second", Instant.now());

        assertThatThrownBy(() -> topics.saveAndFlush(second))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    private static Topic topic(String instanceId, String name) {
        return new Topic(instanceId, name, MessageType.NORMAL, TopicPermission.READ_WRITE, List.of("broker-a"), 4, null,
                Instant.now());
    }
}
