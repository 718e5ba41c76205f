package io.cloudmq.dataplane.config;

import java.util.List;

/** The node's configuration is missing or invalid; the message lists every problem found, one per line. */
public final class InvalidNodeConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidNodeConfigException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code listen.port: "x" is not a port (from env CLOUDMQ_LISTEN_PORT)}. */
    public List<String> problems() {
        return problems;
    }
}
