package io.cloudmq.controlplane.security;

import io.cloudmq.controlplane.shared.web.FilterOrder;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts API-key (or console session) authentication in front of {@code /api/*}; paths from every
 * {@link PublicApiPaths} bean are exempt.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    @Bean
    FilterRegistrationBean<BearerAuthenticationFilter> bearerAuthenticationFilter(
            ApiKeyService keys, ConsoleSessionService sessions, ProblemResponseWriter problems,
            ObjectProvider<PublicApiPaths> publicPaths) {
        List<String> patterns = publicPaths.orderedStream().flatMap(paths -> paths.patterns().stream()).toList();
        var filter = new BearerAuthenticationFilter(keys, sessions, problems, patterns);
        var registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.AUTHENTICATION);
        return registration;
    }
}
