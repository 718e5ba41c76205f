package io.cloudmq.controlplane.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.ProblemTypes;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error, including those raised before Spring MVC (authentication, size limit), outside it (unknown
 * path, unexpected failure) or by Tomcat itself (undecodable path), is problem+json with our type and code.
 * Raw HTTP, to see exactly what is sent.
 */
@FullStackTest
class ProblemResponsesIT {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} [{2}] -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            POST  | /api/v1/instances        | application/json | {"name":                                         | MALFORMED_REQUEST
            POST  | /api/v1/instances        | application/json | {"name":"a","cluster":"local","tier":"gold"}     | VALIDATION
            POST  | /api/v1/instances        | application/json | {"name":"a","cluster":"local","tier":"single_node","x":1} | VALIDATION
            POST  | /api/v1/instances        | application/json | {"name":"","cluster":"local"}                    | VALIDATION
            POST  | /api/v1/instances        | text/plain       | hello                                            | UNSUPPORTED_MEDIA_TYPE
            POST  | /api/v1/instances        | application/json | [1,2,3]                                          | MALFORMED_REQUEST
            PUT   | /api/v1/instances        | application/json | {}                                               | METHOD_NOT_ALLOWED
            GET   | /api/v1/nothing-here     |                  |                                                  | NOT_FOUND
            GET   | /no-such-file.txt        |                  |                                                  | NOT_FOUND
            GET   | /api/v1/instances?pageSize=abc |            |                                                  | VALIDATION
            GET   | /api/v1/instances?pageToken=!!! |           |                                                  | VALIDATION
            GET   | /api/v1/clusters/local/upgrade-windows/not-a-uuid | |                                      | VALIDATION
            GET   | /api/v1/clusters/local/switchover-jobs/not-a-uuid | |                                      | VALIDATION
            POST  | /api/v1/clusters/nowhere/broker-groups/broker-a/switchover | |                             | NOT_FOUND
            PATCH | /api/v1/instances/MQ_INST_000000000000_nothere0 | application/json | {}                  | NOT_FOUND
            GET   | /api/v1/test-failures    |                  |                                                  | INTERNAL
            GET   | /api/v1/instances/a%2Fb  |                  |                                                  | MALFORMED_REQUEST
            GET   | /api/v1/instances/a%00b  |                  |                                                  | MALFORMED_REQUEST
            GET   | /api/v1/instances/%ff    |                  |                                                  | MALFORMED_REQUEST
            TRACE | /api/v1/instances        |                  |                                                  | METHOD_NOT_ALLOWED
            """)
    void clientErrorsAndFailuresAreProblems(String method, String path, @Nullable String contentType,
            @Nullable String body, ErrorCode expected) throws Exception {
        HttpResponse<String> response = send(method, path, contentType, body, ApiClients.bootstrapToken());

        assertProblem(response, expected);
        assertThat(response.body()).doesNotContain("secret internal detail");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            POST  | /api/v1/instances
            PATCH | /api/v1/instances/MQ_INST_000000000000_nothere0
            POST  | /api/v1/instances/MQ_INST_000000000000_nothere0/topics
            POST  | /api/v1/instances/MQ_INST_000000000000_nothere0/consumer-groups
            POST  | /api/v1/clusters/local/upgrade-windows
            PATCH | /api/v1/clusters/local/upgrade-windows/00000000-0000-7000-8000-000000000000
            POST  | /api/v1/clusters/nowhere/upgrade-windows/00000000-0000-7000-8000-000000000000/start
            POST  | /api/v1/clusters/local/broker-groups/no-such-group/switchover
            POST  | /api/v1/clusters/nowhere/broker-groups/broker-a/switchover
            GET   | /api/v1/clusters/local/switchover-jobs/00000000-0000-7000-8000-000000000000
            POST  | /api/v1/api-keys
            DELETE | /api/v1/api-keys/nothere
            """)
    void noClientInputCausesA5xx(String method, String path) throws Exception {
        String[] bodies = {"", "null", "{}", "[]", "\"text\"", "{\"name\":null}", "{\"startsAt\":\"yesterday\"}",
                "{\"duration\":\"P1Y\",\"startsAt\":\"2020-01-01T00:00:00Z\",\"targetVersion\":\"1\"}",
                "{\"name\":\"a\",\"cluster\":\"local\",\"tier\":\"single_node\",\"quotas\":{\"maxTopics\":-1}}",
                "{\"name\":\"x\",\"messageType\":\"NORMAL\",\"placement\":{\"brokerGroups\":[],\"queuesPerGroup\":0}}",
                "{\"name\":1e999}", "\u0000", "{\"role\":\"root\",\"name\":\"k\"}"};
        for (String body : bodies) {
            HttpResponse<String> response = send(method, path, "application/json", body, ApiClients.bootstrapToken());
            assertThat(response.statusCode()).as("%s %s with %s", method, path, body).isLessThan(500);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(body)
                    .satisfiesAnyOf(type -> assertThat(type).startsWith("application/problem+json"),
                            type -> assertThat(response.statusCode()).isLessThan(300));
        }
    }

    @Test
    void oversizeBodyIs413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(100_000) + "\"}";

        assertProblem(send("POST", "/api/v1/instances", "application/json", huge, ApiClients.bootstrapToken()),
                ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void oversizeChunkedBodyIs413WhileBeingRead() throws Exception {
        byte[] huge = ("{\"name\":\"" + "x".repeat(100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/instances"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + ApiClients.bootstrapToken())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .build();

        assertProblem(http.send(request, HttpResponse.BodyHandlers.ofString()), ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void missingAndWrongTokensAre401() throws Exception {
        assertProblem(send("GET", "/api/v1/instances", null, null, null), ErrorCode.AUTHENTICATION_REQUIRED);
        assertProblem(send("GET", "/api/v1/instances", null, null, "cmq_aaaaaaaaaaaa_" + "b".repeat(40)),
                ErrorCode.AUTHENTICATION_REQUIRED);
        assertProblem(send("GET", "/api/v1/instances", null, null, "garbage"), ErrorCode.AUTHENTICATION_REQUIRED);
    }

    private void assertProblem(HttpResponse<String> response, ErrorCode expected) throws IOException {
        assertThat(response.statusCode()).isEqualTo(expected.status());
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.of(expected).toString());
        assertThat(problem.get("status").asInt()).isEqualTo(expected.status());
        assertThat(problem.get("title").asString()).isEqualTo(expected.title());
        assertThat(problem.get("code").asString()).isEqualTo(expected.name());
    }

    private HttpResponse<String> send(String method, String path, @Nullable String contentType, @Nullable String body,
            @Nullable String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
