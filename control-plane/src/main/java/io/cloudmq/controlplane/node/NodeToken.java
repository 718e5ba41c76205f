package io.cloudmq.controlplane.node;

/**
 * The per-cluster secret every node's admin API requires as a bearer token. In standalone mode it is
 * generated once and kept in {@code <data-dir>/node.token}; in distributed mode it is configured
 * ({@code cloudmq.cluster.node-token}) and given to the nodes the same way.
 */
public record NodeToken(String value) {
    @Override
    public String toString() {
        return "NodeToken[****]";
    }
}
