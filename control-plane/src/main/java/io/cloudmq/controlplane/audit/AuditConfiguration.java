package io.cloudmq.controlplane.audit;

import io.cloudmq.controlplane.shared.web.CallerIdentity;
import io.cloudmq.controlplane.shared.web.FilterOrder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the audit filter outermost in front of {@code /api/*}. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {
    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditService audit, CallerIdentity callers) {
        var registration = new FilterRegistrationBean<>(new AuditFilter(audit, callers));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.AUDIT);
        return registration;
    }
}
