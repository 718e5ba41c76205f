package io.cloudmq.controlplane.shared.web;

import io.cloudmq.controlplane.shared.config.ApiProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the request-size limit for the REST API. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {
    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            ApiProperties properties, ProblemResponseWriter problems) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter(properties, problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FilterOrder.REQUEST_SIZE_LIMIT);
        return registration;
    }
}
