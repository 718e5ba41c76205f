package io.cloudmq.api.node;

/**
 * Body of {@code POST /admin/v1/transactions/rolled-back/list}: reads the halves a broker rolled back after the
 * maximum number of checks, for the topics of one namespace.
 *
 * @param namespace wire prefix of the topics, {@code <instanceId>%}
 * @param max most halves to answer, 1–1000
 */
public record NodeRolledBackQuery(String namespace, int max) {}
