package io.cloudmq.controlplane.shared.idempotency;

import io.cloudmq.controlplane.shared.web.CallerIdentity;
import io.cloudmq.controlplane.shared.web.FilterOrder;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the idempotency filter behind authentication in front of {@code /api/*}. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records, ProblemResponseWriter problems, CallerIdentity callers) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(records, problems, callers));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.IDEMPOTENCY);
        return registration;
    }
}
