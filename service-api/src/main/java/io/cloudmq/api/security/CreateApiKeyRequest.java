package io.cloudmq.api.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/api-keys} (admin only).
 *
 * @param name what the key is for
 * @param role what it may do
 */
public record CreateApiKeyRequest(@NotBlank @Size(max = 64) String name, @NotNull ApiKeyRole role) {}
