package io.cloudmq.controlplane.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.security.ApiKeyRole;
import io.cloudmq.api.security.CreateApiKeyRequest;
import io.cloudmq.api.security.CreatedApiKeyView;
import io.cloudmq.controlplane.ApiClients;
import io.cloudmq.controlplane.FullStackTest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's sign-in: an API key becomes an httpOnly, SameSite=Strict session cookie that the bearer filter
 * accepts; cookie-authenticated changes need {@code X-Requested-With}; the session ends by sign-out, expiry or
 * revocation of its key; only the cookie's hash is stored.
 */
@FullStackTest
class ConsoleSessionApiIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void signInSetsAnHttpOnlyStrictCookieThatAuthenticatesReads() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        var signIn = browser.signIn(ApiClients.bootstrapToken());

        assertThat(signIn.statusCode()).isEqualTo(201);
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith("cmq_session=").contains("HttpOnly", "SameSite=Strict", "Path=/api",
                "Max-Age=28800");
        assertThat(signIn.body()).contains("\"role\":\"admin\"", "\"expiresAt\"");

        assertThat(browser.send("GET", "/api/v1/instances", null, false).statusCode()).isEqualTo(200);
        assertThat(browser.send("GET", "/api/v1/sessions/current", null, false).body())
                .contains("\"keyId\":\"" + ApiClients.bootstrapToken().substring(4, 16) + "\"");
    }

    @Test
    void onlyTheHashOfTheCookieIsStored() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.signIn(ApiClients.bootstrapToken());

        String expected = HexFormat.of().formatHex(ApiTokens.sha256(browser.cookie()));
        assertThat(jdbc.sql("SELECT count(*) FROM console_sessions WHERE id_sha256 = ?").param(expected)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM console_sessions WHERE id_sha256 = ?").param(browser.cookie())
                .query(Long.class).single()).isZero();
    }

    @Test
    void cookieChangesWithoutTheCsrfHeaderAreRefused() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.signIn(ApiClients.bootstrapToken());
        String body = "{\"name\":\"csrf\",\"cluster\":\"local\",\"tier\":\"single_node\"}";

        var forged = browser.send("POST", "/api/v1/instances", body, false);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("ACCESS_DENIED", "X-Requested-With");

        assertThat(browser.send("POST", "/api/v1/instances", body, true).statusCode()).isEqualTo(201);
    }

    @Test
    void wrongKeyGetsA401AndNoCookie() {
        var refused = new ConsoleBrowser(port).signIn("cmq_aaaaaaaaaaaa_" + "b".repeat(40));

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signOutEndsTheSessionAndClearsTheCookie() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.signIn(ApiClients.bootstrapToken());

        var signOut = browser.send("DELETE", "/api/v1/sessions/current", null, true);

        assertThat(signOut.statusCode()).isEqualTo(204);
        assertThat(signOut.headers().firstValue("Set-Cookie")).hasValueSatisfying(
                cookie -> assertThat(cookie).startsWith("cmq_session=;").contains("Max-Age=0"));
        assertThat(browser.send("GET", "/api/v1/instances", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void expiredSessionIsRefused() {
        ConsoleBrowser browser = new ConsoleBrowser(port);
        browser.signIn(ApiClients.bootstrapToken());
        jdbc.sql("UPDATE console_sessions SET expires_at = now() - interval '1 second' WHERE id_sha256 = ?")
                .param(HexFormat.of().formatHex(ApiTokens.sha256(browser.cookie()))).update();

        assertThat(browser.send("GET", "/api/v1/instances", null, false).statusCode()).isEqualTo(401);
    }

    @Test
    void readOnlySessionReadsAndSignsOutButCannotChangeAndEndsWithItsKey() {
        var admin = ApiClients.admin(port);
        CreatedApiKeyView key = admin.createApiKey(new CreateApiKeyRequest("console", ApiKeyRole.READ_ONLY), null);
        ConsoleBrowser browser = new ConsoleBrowser(port);
        assertThat(browser.signIn(key.token()).body()).contains("\"role\":\"read-only\"");

        assertThat(browser.send("GET", "/api/v1/instances", null, false).statusCode()).isEqualTo(200);
        assertThat(browser.send("POST", "/api/v1/instances", "{}", true).statusCode()).isEqualTo(403);

        admin.deleteApiKey(key.key().keyId());
        assertThat(browser.send("GET", "/api/v1/instances", null, false).statusCode()).isEqualTo(401);

        ConsoleBrowser other = new ConsoleBrowser(port);
        CreatedApiKeyView second = admin.createApiKey(new CreateApiKeyRequest("console 2", ApiKeyRole.READ_ONLY), null);
        other.signIn(second.token());
        assertThat(other.send("DELETE", "/api/v1/sessions/current", null, true).statusCode()).isEqualTo(204);
    }
}
