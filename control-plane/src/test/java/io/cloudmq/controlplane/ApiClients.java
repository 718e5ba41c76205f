package io.cloudmq.controlplane;

import io.cloudmq.api.client.ManagementClient;
import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.api.security.CreateApiKeyRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;

/** Management clients for full-stack tests: the admin from the bootstrap key file, and keys it creates. */
public final class ApiClients {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private ApiClients() {}

    /** A client authenticated with the bootstrap admin key the application wrote at start. */
    public static ManagementClient admin(int port) {
        return withToken(port, bootstrapToken());
    }

    /** A client with a new key of {@code role}, created by the admin. */
    public static ManagementClient withRole(int port, ApiKeyRole role) {
        String token = admin(port).createApiKey(new CreateApiKeyRequest("test " + role, role), null).token();
        return withToken(port, token);
    }

    public static ManagementClient withToken(int port, String token) {
        return ManagementClient.create(baseUrl(port), token, TIMEOUT);
    }

    public static URI baseUrl(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public static String bootstrapToken() {
        try {
            return Files.readString(EmbeddedPostgresSupport.dataDir().resolve("bootstrap-admin.key")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
