package io.cloudmq.controlplane.security;

import io.cloudmq.controlplane.shared.idempotency.SecretAnswerPaths;
import io.cloudmq.controlplane.shared.web.FilterOrder;
import io.cloudmq.controlplane.shared.web.ProblemResponseWriter;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts API-key (or console session) authentication in front of {@code /api/*}: paths from every
 * {@link PublicApiPaths} bean are exempt, {@code /api/v1/api-keys} and paths from every
 * {@link AdminOnlyApiPaths} bean need an admin key. Keeps answers holding an API token out of the
 * idempotency store.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
    private static final List<String> API_KEY_PATHS = List.of("/api/v1/api-keys", "/api/v1/api-keys/**");

    @Bean
    FilterRegistrationBean<BearerAuthenticationFilter> bearerAuthenticationFilter(ApiKeyService keys,
            ConsoleSessionService sessions, ProblemResponseWriter problems,
            ObjectProvider<PublicApiPaths> publicPaths, ObjectProvider<AdminOnlyApiPaths> adminOnlyPaths) {
        List<String> publicPatterns =
                publicPaths.orderedStream().flatMap(paths -> paths.patterns().stream()).toList();
        List<String> adminOnlyPatterns = Stream.concat(API_KEY_PATHS.stream(),
                adminOnlyPaths.orderedStream().flatMap(paths -> paths.patterns().stream())).toList();
        var registration = new FilterRegistrationBean<>(
                new BearerAuthenticationFilter(keys, sessions, problems, publicPatterns, adminOnlyPatterns));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.AUTHENTICATION);
        return registration;
    }

    @Bean
    SecretAnswerPaths apiKeyCreation() {
        return () -> API_KEY_PATHS;
    }
}
