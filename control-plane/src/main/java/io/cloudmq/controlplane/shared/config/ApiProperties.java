package io.cloudmq.controlplane.shared.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * REST API limits, prefix {@code cloudmq.api}.
 *
 * @param maxRequestBytes largest request body accepted; larger ones are answered 413
 */
@ConfigurationProperties("cloudmq.api")
public record ApiProperties(@DefaultValue("64KB") DataSize maxRequestBytes) {}
