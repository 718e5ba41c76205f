package io.cloudmq.bench.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

/**
 * Local ports: finding free ones and waiting until one accepts connections.
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class Ports {
    private Ports() {}

    /** A port {@code p} such that {@code p + offset} was free a moment ago for every offset. */
    static int free(int... offsets) {
        while (true) {
            int base = ephemeral();
            if (allFree(base, offsets)) {
                return base;
            }
        }
    }

    /**
     * Polls {@code 127.0.0.1:port} every 5 ms until it accepts a connection and answers the milliseconds since
     * {@code spawnNanos}; fails when {@code jvm} exits or after {@code deadline}.
     */
    static double awaitAccepting(int port, ChildJvm jvm, Duration deadline) throws InterruptedException {
        Poll.until("port " + port + " accepting", jvm, deadline, 5, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return true;
            }
        });
        return (System.nanoTime() - jvm.spawnNanos()) / 1e6;
    }

    private static boolean allFree(int base, int... offsets) {
        for (int offset : offsets) {
            int port = base + offset;
            if (port < 1024 || port > 65535) {
                return false;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private static int ephemeral() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
