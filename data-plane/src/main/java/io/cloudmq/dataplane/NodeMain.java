package io.cloudmq.dataplane;

/** Entry point of a data-plane node process; the role is the first argument. */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("node runtime not built yet");
    }
}
