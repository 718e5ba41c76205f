package io.cloudmq.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.problem.FieldError;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.MessageType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a stub HTTP server: what it sends and how it reads answers and problems. */
class ManagementClientTest {
    private HttpServer server;
    private final AtomicReference<String> lastRequest = new AtomicReference<>();
    private volatile int status;
    private volatile String contentType = "application/json";
    private volatile String body = "";

    @BeforeEach
    void startStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String requestBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            lastRequest.set(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + exchange.getRequestHeaders().getFirst("If-Match") + " " + requestBody);
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            if (status == 423) {
                exchange.getResponseHeaders().set("Retry-After", "120");
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopStub() {
        server.stop(0);
    }

    @Test
    void sendsBearerTokenIdempotencyKeyAndJsonBody() {
        status = 201;
        body = """
                {"instanceId":"i","name":"t","messageType":"FIFO","permission":"READ_WRITE",
                 "placement":{"brokerGroups":["broker-a"],"queuesPerGroup":4},"remark":null,
                 "createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-01-01T00:00:00Z","version":0,"future":"ignored"}""";

        var topic = client().createTopic("i", new CreateTopicRequest("t", MessageType.FIFO, null, null, null), "key-1");

        assertThat(topic.messageType()).isEqualTo(MessageType.FIFO);
        assertThat(topic.placement().brokerGroups()).containsExactly("broker-a");
        assertThat(lastRequest.get()).startsWith("POST /api/v1/instances/i/topics Bearer token key-1 null {")
                .contains("\"name\":\"t\"");
    }

    @Test
    void outboxStateFilterAndPageTokenShareOneQueryString() {
        status = 200;
        body = """
                {"items":[{"id":3,"generation":2,"change":"i: topic t created","state":"PENDING","attempts":1,
                 "lastError":"not yet served by broker-a-0","nextAttemptAt":"2026-01-01T00:00:01Z",
                 "createdAt":"2026-01-01T00:00:00Z","completedAt":null}],"nextPageToken":null}""";

        var page = client().listOutbox("local", OutboxState.PENDING, "Mw", 1);

        assertThat(page.items()).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo(OutboxState.PENDING);
            assertThat(row.lastError()).isEqualTo("not yet served by broker-a-0");
        });
        assertThat(lastRequest.get())
                .startsWith("GET /api/v1/clusters/local/outbox?state=PENDING&pageToken=Mw&pageSize=1 Bearer token");
    }

    @Test
    void sendsIfMatchFromTheExpectedVersion() {
        status = 204;

        client().deleteTopic("i", "t", 7L);

        assertThat(lastRequest.get()).startsWith("DELETE /api/v1/instances/i/topics/t Bearer token null \"7\"");
    }

    @Test
    void turnsProblemResponsesIntoTypedExceptions() {
        status = 423;
        contentType = "application/problem+json";
        body = """
                {"type":"https://cloudmq.io/problems/instance-locked","title":"Instance is locked by an upgrade window",
                 "status":423,"detail":"locked","code":"INSTANCE_LOCKED","windowId":"w-1","lockedUntil":"2026-01-01T01:00:00Z"}""";

        assertThatThrownBy(() -> client().getInstance("i")).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(423);
            assertThat(p.code()).isEqualTo(ErrorCode.INSTANCE_LOCKED);
            assertThat(p.detail()).isEqualTo("locked");
            assertThat(p.extensions()).containsEntry("windowId", "w-1").doesNotContainKey("code");
            assertThat(p.retryAfterSeconds()).contains(120L);
        });
    }

    @Test
    void readsFieldErrorsOfValidationProblems() {
        status = 400;
        contentType = "application/problem+json";
        body = """
                {"type":"https://cloudmq.io/problems/validation","title":"Request is not valid","status":400,
                 "errors":[{"field":"name","message":"is a reserved name"}]}""";

        assertThatThrownBy(() -> client().getInstance("i")).isInstanceOfSatisfying(ProblemException.class,
                p -> assertThat(p.errors()).containsExactly(new FieldError("name", "is a reserved name")));
    }

    @Test
    void nonProblemErrorBodyBecomesAboutBlankProblem() {
        status = 502;
        contentType = "text/html";
        body = "<html>bad gateway</html>";

        assertThatThrownBy(() -> client().getInstance("i")).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(502);
            assertThat(p.type()).isEqualTo(URI.create("about:blank"));
            assertThat(p.code()).isNull();
        });
    }

    @Test
    void transportFailureIsADistinctException() {
        int port = server.getAddress().getPort();
        server.stop(0);

        ManagementClient unreachable = ManagementClient.create(URI.create("http://127.0.0.1:" + port), "token", Duration.ofSeconds(2));

        assertThatThrownBy(() -> unreachable.getInstance("i")).isInstanceOf(ManagementClientException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + port + "/api/v1/instances/i");
    }

    private ManagementClient client() {
        return ManagementClient.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "token",
                Duration.ofSeconds(5));
    }
}
