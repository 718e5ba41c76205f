package io.cloudmq.dataplane.admin;

/**
 * One entry of the admin API: the endpoint answering {@code method} on {@code path}. Immutable.
 *
 * @param method HTTP method, upper-case
 * @param path exact request path, e.g. {@code /admin/v1/health}
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
}
