package io.cloudmq.api.client;

import io.cloudmq.api.common.PageView;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over the JDK {@link HttpClient}: sends bearer-authenticated requests, maps 2xx bodies to records and
 * everything else to {@link ProblemException}. Thread-safe.
 */
final class JsonHttp {
    private static final String JSON = "application/json";

    private final HttpClient client;
    private final URI baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final JsonMapper mapper;
    private final ProblemParser problems;

    JsonHttp(HttpClient client, URI baseUrl, String apiToken, Duration timeout) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + apiToken;
        this.timeout = timeout;
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.problems = new ProblemParser(mapper);
    }

    static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    <T> T get(String path, Class<T> type) {
        return read(send(request(path).GET(), "GET", path), mapper.constructType(type));
    }

    <T> List<T> getList(String path, Class<T> itemType) {
        JavaType listType = mapper.getTypeFactory().constructCollectionType(List.class, itemType);
        return read(send(request(path).GET(), "GET", path), listType);
    }

    <T> PageView<T> getPage(String path, @Nullable String pageToken, @Nullable Integer pageSize, Class<T> itemType) {
        List<String> query = new ArrayList<>();
        if (pageToken != null) {
            query.add("pageToken=" + encode(pageToken));
        }
        if (pageSize != null) {
            query.add("pageSize=" + pageSize);
        }
        String separator = path.contains("?") ? "&" : "?";
        String fullPath = query.isEmpty() ? path : path + separator + String.join("&", query);
        JavaType pageType = mapper.getTypeFactory().constructParametricType(PageView.class, itemType);
        return read(send(request(fullPath).GET(), "GET", fullPath), pageType);
    }

    <T> T post(String path, @Nullable Object body, @Nullable String idempotencyKey, Class<T> type) {
        HttpRequest.Builder builder = withBody(request(path), "POST", body);
        if (idempotencyKey != null) {
            builder.header("Idempotency-Key", idempotencyKey);
        }
        return read(send(builder, "POST", path), mapper.constructType(type));
    }

    <T> T patch(String path, Object body, @Nullable Long expectedVersion, Class<T> type) {
        HttpRequest.Builder builder = ifMatch(withBody(request(path), "PATCH", body), expectedVersion);
        return read(send(builder, "PATCH", path), mapper.constructType(type));
    }

    void delete(String path, @Nullable Long expectedVersion) {
        send(ifMatch(request(path).DELETE(), expectedVersion), "DELETE", path);
    }

    String exchange(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder builder = request(path).method(method, publisher);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return new String(send(builder, method, path).body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", JSON + ", application/problem+json");
    }

    private HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, @Nullable Object body) {
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.header("Content-Type", JSON)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
    }

    private static HttpRequest.Builder ifMatch(HttpRequest.Builder builder, @Nullable Long expectedVersion) {
        return expectedVersion == null ? builder : builder.header("If-Match", "\"" + expectedVersion + "\"");
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder builder, String method, String path) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ManagementClientException(method, baseUrl.resolve(path).toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ManagementClientException(method, baseUrl.resolve(path).toString(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw problems.parse(response);
        }
        return response;
    }

    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        try {
            return mapper.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw new ManagementClientException(
                    response.request().method(), response.request().uri().toString(), e);
        }
    }
}
