package io.cloudmq.controlplane.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What a browser does with the session cookie, by hand: keeps the value from sign-in and sends it back, with
 * or without the console's {@code X-Requested-With} header. One per test; not thread-safe.
 */
final class ConsoleBrowser {
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private String cookie = "";

    ConsoleBrowser(int port) {
        this.port = port;
    }

    HttpResponse<String> signIn(String apiKey) {
        HttpResponse<String> response = send("POST", "/api/v1/sessions", "{\"apiKey\":\"" + apiKey + "\"}", true);
        response.headers().firstValue("Set-Cookie")
                .map(header -> header.substring("cmq_session=".length(), header.indexOf(';')))
                .ifPresent(value -> cookie = value);
        return response;
    }

    String cookie() {
        return cookie;
    }

    HttpResponse<String> send(String method, String path, String body, boolean withCsrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (!cookie.isEmpty()) {
            request.header("Cookie", "cmq_session=" + cookie);
        }
        if (withCsrfHeader) {
            request.header("X-Requested-With", "cloudmq-console");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
