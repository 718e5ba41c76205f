package io.cloudmq.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/sessions}: the console exchanges an API key for an httpOnly session cookie.
 *
 * @param apiKey bearer token {@code cmq_<keyId>_<secret>}
 */
public record CreateSessionRequest(@NotBlank @Size(max = 128) String apiKey) {
    @Override
    public String toString() {
        return "CreateSessionRequest[apiKey=(hidden)]";
    }
}
