package io.cloudmq.controlplane.console;

import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Resolves console files; a path without a file extension that names no file is a client-side route of the
 * single-page app and gets {@code index.html}. Paths of the REST API, actuator and API docs never fall back,
 * so their 404s stay problem+json. Stateless, thread-safe.
 */
class ConsoleResourceResolver extends PathResourceResolver {
    static final String INDEX = "index.html";
    private static final List<String> SERVER_PREFIXES = List.of("api/", "actuator/", "v3/", "swagger-ui");

    @Override
    protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
        Resource file = resourcePath.isEmpty() ? null : super.getResource(resourcePath, location);
        if (file != null) {
            return file;
        }
        return isClientRoute(resourcePath) ? super.getResource(INDEX, location) : null;
    }

    static boolean isClientRoute(String resourcePath) {
        if (SERVER_PREFIXES.stream().anyMatch(resourcePath::startsWith) || resourcePath.equals("api")) {
            return false;
        }
        String lastSegment = resourcePath.substring(resourcePath.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }
}
