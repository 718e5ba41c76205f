package io.cloudmq.api.upgrade;

/**
 * Failed sends of one producer group registered with an upgrade window ({@link UpgradeReportView}): send
 * requests the brokers answered with a non-success code during the window. Failures no broker answered
 * (client timeouts, refused connections) are not visible here; the canary's figures show those.
 *
 * @param instanceId the instance the group sends in
 * @param producerGroup the group's name without the instance namespace
 * @param failedSends the count over every broker of the cluster
 */
public record ProducerGroupFailuresView(String instanceId, String producerGroup, long failedSends) {}
