package io.cloudmq.controlplane.security;

import io.cloudmq.controlplane.shared.web.FilterOrder;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts API-key authentication in front of {@code /api/*}; paths from every {@link PublicApiPaths} bean are exempt. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    @Bean
    FilterRegistrationBean<BearerAuthenticationFilter> bearerAuthenticationFilter(
            ApiKeyService keys, ProblemResponseWriter problems, ObjectProvider<PublicApiPaths> publicPaths) {
        List<String> patterns = publicPaths.orderedStream().flatMap(paths -> paths.patterns().stream()).toList();
        var registration = new FilterRegistrationBean<>(new BearerAuthenticationFilter(keys, problems, patterns));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.AUTHENTICATION);
        return registration;
    }
}
