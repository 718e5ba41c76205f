package io.cloudmq.controlplane.security;

import io.cloudmq.api.security.ApiKeyRole;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * The API key a request was authenticated with; stored as a request attribute by the authentication filter.
 *
 * @param keyId public part of the token
 * @param role what the key may do
 */
public record ApiPrincipal(String keyId, ApiKeyRole role) {
    private static final String ATTRIBUTE = ApiPrincipal.class.getName();

    /** The principal of an authenticated request. */
    public static Optional<ApiPrincipal> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ApiPrincipal principal
                ? Optional.of(principal)
                : Optional.empty();
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }
}
