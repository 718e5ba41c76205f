package io.cloudmq.controlplane.shared.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * REST API limits and console sessions, prefix {@code cloudmq.api}.
 *
 * @param maxRequestBytes largest request body accepted; larger ones are answered 413
 * @param sessionTtl how long a console session cookie is accepted after sign-in
 */
@ConfigurationProperties("cloudmq.api")
public record ApiProperties(
        @DefaultValue("64KB") DataSize maxRequestBytes, @DefaultValue("8h") Duration sessionTtl) {}
