package io.cloudmq.controlplane.security;

import io.cloudmq.controlplane.shared.web.CallerIdentity;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Answers {@link CallerIdentity} from the {@link ApiPrincipal} the authentication filter attached. */
@Component
class PrincipalCallerIdentity implements CallerIdentity {
    @Override
    public @Nullable String keyId(HttpServletRequest request) {
        return ApiPrincipal.of(request).map(ApiPrincipal::keyId).orElse(null);
    }
}
