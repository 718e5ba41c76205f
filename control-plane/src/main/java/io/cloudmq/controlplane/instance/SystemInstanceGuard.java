package io.cloudmq.controlplane.instance;

import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hides reserved system instances (a cluster's canary) from the tenant API: every request under
 * {@code /api/v1/instances/{instanceId}} naming one answers 404 as for an unknown instance, so it can be
 * neither read nor changed nor deleted there, nor can its topics, groups or credentials. The list leaves
 * them out ({@link InstanceService#list}). Thread-safe.
 */
@Configuration(proxyBeanMethods = false)
class SystemInstanceGuard implements HandlerInterceptor, WebMvcConfigurer {
    private static final String INSTANCE_ID = "instanceId";

    private final InstanceService instances;

    SystemInstanceGuard(InstanceService instances) {
        this.instances = instances;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/instances/*", "/api/v1/instances/*/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get(INSTANCE_ID) instanceof String instanceId && instances.isSystem(instanceId)) {
            throw ResourceNotFoundException.of("instance", instanceId);
        }
        return true;
    }
}
