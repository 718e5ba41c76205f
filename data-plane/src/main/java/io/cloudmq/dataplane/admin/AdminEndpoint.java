package io.cloudmq.dataplane.admin;

import java.io.IOException;

/**
 * One method on one path of the admin API. Called on an admin server thread, possibly concurrently with
 * other requests; implementations are thread-safe.
 */
@FunctionalInterface
public interface AdminEndpoint {

    /**
     * Answers an authenticated request.
     *
     * @throws AdminRequestException if the request cannot be accepted as sent
     * @throws IOException if the node failed to do what was asked (answered 500)
     */
    AdminResponse handle(AdminRequest request) throws IOException;
}
