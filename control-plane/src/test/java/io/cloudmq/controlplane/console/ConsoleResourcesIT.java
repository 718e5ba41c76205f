package io.cloudmq.controlplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.controlplane.FullStackTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console built by the {@code console-ui} module is served at {@code /}: the very {@code index.html} Vite
 * wrote, its content-hashed assets with a long cache, client routes falling back to {@code index.html}, and
 * the server's own paths (REST API, actuator, API docs) untouched by that fallback.
 */
@FullStackTest
class ConsoleResourcesIT {
    private static final Path BUILT_INDEX = Path.of("..", "console-ui", "dist", "index.html");
    private static final Pattern HASHED_SCRIPT = Pattern.compile("/assets/index-[A-Za-z0-9_-]{8,}\\.js");

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void rootServesTheBuiltIndexHtmlRevalidatedOnEveryLoad() throws Exception {
        HttpResponse<String> root = get("/");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(root.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(root.body()).isEqualTo(Files.readString(BUILT_INDEX)).contains("<div id=\"root\">");
    }

    @Test
    void hashedAssetOfTheIndexIsServedWithALongImmutableCache() throws Exception {
        Matcher script = HASHED_SCRIPT.matcher(get("/").body());
        assertThat(script.find()).as("index.html references a hashed script").isTrue();

        HttpResponse<String> asset = get(script.group());

        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("max-age=31536000", "immutable"));
        assertThat(asset.body()).isNotBlank();
    }

    @Test
    void clientRoutesGetTheIndexButMissingFilesAre404() throws Exception {
        HttpResponse<String> route = get("/instances/MQ_INST_123456789012_abcd1234/topics");
        assertThat(route.statusCode()).isEqualTo(200);
        assertThat(route.body()).isEqualTo(Files.readString(BUILT_INDEX));

        assertThat(get("/assets/index-missing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void serverPathsAreNotTakenOverByTheConsole() throws Exception {
        HttpResponse<String> api = get("/api/v1/instances");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        assertThat(get("/actuator/health").body()).contains("\"status\"");
        assertThat(get("/v3/api-docs").body()).contains("\"openapi\"");
        HttpResponse<String> swagger = get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.body()).contains("Swagger UI");
        assertThat(get("/actuator/nothing-here").body()).doesNotContain("<div id=\"root\">");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
