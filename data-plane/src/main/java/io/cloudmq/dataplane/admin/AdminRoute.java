package io.cloudmq.dataplane.admin;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the admin API: the endpoint answering {@code method} on {@code path}. A path segment written
 * {@code {name}} matches any one non-empty segment, which the endpoint reads with
 * {@link AdminRequest#pathParameter}. Immutable.
 *
 * @param method HTTP method, upper-case
 * @param path request path, e.g. {@code /admin/v1/health} or {@code /admin/v1/topics/{topic}/stats}
 * @param endpoint what answers
 */
public record AdminRoute(String method, String path, AdminEndpoint endpoint) {

    public static AdminRoute get(String path, AdminEndpoint endpoint) {
        return new AdminRoute("GET", path, endpoint);
    }

    public static AdminRoute post(String path, AdminEndpoint endpoint) {
        return new AdminRoute("POST", path, endpoint);
    }

    public static AdminRoute put(String path, AdminEndpoint endpoint) {
        return new AdminRoute("PUT", path, endpoint);
    }

    /**
     * The path parameters if {@code requestPath} (decoded) matches this route's path, else {@code null}.
     */
    @Nullable Map<String, String> match(String requestPath) {
        String[] expected = path.split("/", -1);
        String[] actual = requestPath.split("/", -1);
        if (expected.length != actual.length) {
            return null;
        }
        Map<String, String> parameters = new HashMap<>();
        for (int i = 0; i < expected.length; i++) {
            String segment = expected[i];
            if (segment.startsWith("{") && segment.endsWith("}") && !actual[i].isEmpty()) {
                parameters.put(segment.substring(1, segment.length() - 1), actual[i]);
            } else if (!segment.equals(actual[i])) {
                return null;
            }
        }
        return Map.copyOf(parameters);
    }
}
