package io.cloudmq.controlplane.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import org.junit.jupiter.api.Test;

class TierQuotasTest {
    @Test
    void tiersSelectDifferentDefaultsWithinTheClustersRetention() {
        assertThat(TierQuotas.defaults(InstanceTier.SINGLE_NODE, 168).maxTopics())
                .isLessThan(TierQuotas.defaults(InstanceTier.CLUSTER_HA, 168).maxTopics());
        assertThat(TierQuotas.defaults(InstanceTier.CLUSTER_HA, 24).retentionHours()).isEqualTo(24);
    }

    @Test
    void requestedFieldsOverrideTheBase() {
        InstanceQuotas merged =
                TierQuotas.merge(new InstanceQuotas(10, 20, 30, 40), new InstanceQuotas(null, 5, null, null), 168);

        assertThat(merged).isEqualTo(new InstanceQuotas(10, 5, 30, 40));
    }

    @Test
    void retentionAboveTheClustersMaximumIsRefused() {
        var requested = new InstanceQuotas(null, null, 200, null);

        assertThatThrownBy(() -> TierQuotas.merge(new InstanceQuotas(1, 1, 1, 1), requested, 168))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("quotas.retentionHours");
    }

    @Test
    void generatedInstanceIdsHaveTheNamespaceForm() {
        assertThat(InstanceIds.next()).matches("MQ_INST_[0-9]{12}_[a-z0-9]{8}").isNotEqualTo(InstanceIds.next());
    }
}
