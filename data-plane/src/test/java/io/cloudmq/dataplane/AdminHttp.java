package io.cloudmq.dataplane;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Calls a node's admin API from tests; also hands out free local ports. */
public final class AdminHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AdminHttp() {}

    /** Sends {@code method path} to the admin port with an optional bearer token and body. */
    public static HttpResponse<String> call(int port, String method, String path, @Nullable String token, byte[] body)
            throws IOException, InterruptedException {
        return call(port, method, path, token, body, Duration.ofSeconds(10));
    }

    /** As {@link #call(int, String, String, String, byte[])}, waiting up to {@code timeout} for the answer. */
    public static HttpResponse<String> call(int port, String method, String path, @Nullable String token, byte[] body,
            Duration timeout) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(timeout)
                .method(method, body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(int port, String path, @Nullable String token)
            throws IOException, InterruptedException {
        return call(port, "GET", path, token, new byte[0]);
    }

    /** A broker's remoting port that was free a moment ago, with its replication port (the next one) free too. */
    public static int freeBrokerPort() {
        while (true) {
            int port = freePort();
            if (port < 65535) {
                try (ServerSocket next = new ServerSocket(port + 1)) {
                    return port;
                } catch (IOException e) {
                    // the next port is taken: try another pair
                }
            }
        }
    }

    /** A port that was free a moment ago. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
