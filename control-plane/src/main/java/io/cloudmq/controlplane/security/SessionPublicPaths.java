package io.cloudmq.controlplane.security;

import java.util.List;
import org.springframework.stereotype.Component;

/** Sign-in carries its own credential (the API key in the body), so it needs no session or bearer token. */
@Component
class SessionPublicPaths implements PublicApiPaths {
    @Override
    public List<String> patterns() {
        return List.of(SessionController.PATH);
    }
}
