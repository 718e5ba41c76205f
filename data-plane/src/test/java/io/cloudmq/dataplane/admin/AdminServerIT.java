package io.cloudmq.dataplane.admin;

import static io.cloudmq.dataplane.AdminHttp.call;
import static io.cloudmq.dataplane.AdminHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeAdminError;
import io.cloudmq.dataplane.AdminHttp;
import io.cloudmq.dataplane.config.DesiredStateStore;
import io.cloudmq.dataplane.config.NodeJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** The admin server's answers to client mistakes, in process. */
class AdminServerIT {
    /** The end of a desired-state body without credentials: every field must be present. */
    private static final String NO_CREDENTIALS = ",\"credentials\":[],\"operator\":null}";

    private static final String TOKEN = "0123456789abcdef";
    private static final String PATH = "/admin/v1/desired-state";

    private final JsonMapper json = NodeJson.mapper();
    private final int port = AdminHttp.freePort();
    private AdminServer server;

    @TempDir
    Path dir;

    @BeforeEach
    void startServer() throws Exception {
        DesiredStateStore store = DesiredStateStore.open(dir, json);
        server = new AdminServer(port, new AdminToken(TOKEN), json,
                List.of(AdminRoute.put(PATH, new DesiredStateEndpoint(store))));
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private HttpResponse<String> put(String body) throws Exception {
        return call(port, "PUT", PATH, TOKEN, body.getBytes(StandardCharsets.UTF_8));
    }

    private void assertError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        NodeAdminError body = json.readValue(response.body(), NodeAdminError.class);
        assertThat(body.status()).isEqualTo(status);
        assertThat(body.error()).isEqualTo(error);
        assertThat(body.detail()).isNotBlank();
    }

    @Test
    void refusesWrongTokenBeforeRevealingAnything() throws Exception {
        HttpResponse<String> wrongToken = get(port, PATH, "fedcba9876543210");
        HttpResponse<String> unknownPathWithoutToken = get(port, "/nothing-here", null);

        assertError(wrongToken, 401, "unauthorized");
        assertThat(wrongToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertError(unknownPathWithoutToken, 401, "unauthorized");
    }

    @Test
    void answersUnknownPathAndWrongMethod() throws Exception {
        HttpResponse<String> wrongMethod = get(port, PATH, TOKEN);

        assertError(get(port, "/admin/v1/nothing", TOKEN), 404, "not-found");
        assertError(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("PUT");
    }

    @Test
    void answersBadBodiesWith400() throws Exception {
        assertError(put(""), 400, "bad-request");
        assertError(put("{\"generation\":"), 400, "bad-request");
        assertError(put("[]"), 400, "bad-request");
        assertError(put("{\"generation\":1,\"topics\":[]}"), 400, "bad-request");
        assertError(put("{\"generation\":null,\"topics\":[],\"groups\":[]" + NO_CREDENTIALS), 400, "bad-request");
        assertError(put("{\"generation\":1,\"topics\":null,\"groups\":[]" + NO_CREDENTIALS), 400, "bad-request");
        assertError(put("{\"generation\":-1,\"topics\":[],\"groups\":[]" + NO_CREDENTIALS), 400, "bad-request");
    }

    @Test
    void refusesOversizedBody() throws Exception {
        byte[] body = new byte[AdminHttpHandler.MAX_BODY_BYTES + 1];

        assertError(call(port, "PUT", PATH, TOKEN, body), 413, "payload-too-large");
    }

    @Test
    void answersTheGenerationItServes() throws Exception {
        HttpResponse<String> applied = put("{\"generation\":4,\"topics\":[],\"groups\":[]" + NO_CREDENTIALS);
        HttpResponse<String> stale = put("{\"generation\":3,\"topics\":[],\"groups\":[]" + NO_CREDENTIALS);

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).isEqualTo("{\"appliedGeneration\":4}");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).isEqualTo("{\"appliedGeneration\":4}");
    }
}
