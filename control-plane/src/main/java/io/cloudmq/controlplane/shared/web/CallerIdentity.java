package io.cloudmq.controlplane.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** Who made a request, for cross-cutting filters that must not depend on the security feature. */
public interface CallerIdentity {
    /** The API key id the request was authenticated with, {@code null} if it was not. */
    @Nullable String keyId(HttpServletRequest request);
}
