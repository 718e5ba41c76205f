package io.cloudmq.controlplane.shared.idempotency;

import io.cloudmq.controlplane.shared.web.CallerIdentity;
import io.cloudmq.controlplane.shared.web.FilterOrder;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the idempotency filter behind authentication in front of {@code /api/*}; paths from every
 * {@link SecretAnswerPaths} bean are exempt.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyRecords records, ProblemResponseWriter problems, CallerIdentity callers,
            ObjectProvider<SecretAnswerPaths> secretAnswerPaths) {
        List<String> patterns =
                secretAnswerPaths.orderedStream().flatMap(paths -> paths.patterns().stream()).toList();
        var registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(records, problems, callers, patterns));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.IDEMPOTENCY);
        return registration;
    }
}
