package io.cloudmq.controlplane.upgrade;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Upgrade-window scheduling, prefix {@code cloudmq.upgrade}.
 *
 * @param schedulerInterval how often the leader starts due windows and completes ended ones
 */
@ConfigurationProperties("cloudmq.upgrade")
public record UpgradeProperties(@DefaultValue("5s") Duration schedulerInterval) {}
