package io.cloudmq.controlplane.shared.config;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every feature may read, prefix {@code cloudmq}.
 *
 * @param dataDir directory of the control plane's files (bootstrap admin key, standalone data)
 */
@ConfigurationProperties("cloudmq")
public record CloudMqProperties(@DefaultValue("./data") Path dataDir) {}
