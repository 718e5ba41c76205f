package io.cloudmq.dataplane.remoting.netty;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@link RequestAuthorizer#authorize}; a denial is answered with {@code NO_PERMISSION}
 * and {@code reason} as remark (spec §7.2).
 */
public record AuthorizationDecision(boolean allowed, @Nullable String reason) {
    public static final AuthorizationDecision ALLOW = new AuthorizationDecision(true, null);

    public static AuthorizationDecision deny(String reason) {
        return new AuthorizationDecision(false, reason);
    }
}
