package io.cloudmq.controlplane.reconcile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desired-state generation of each cluster ({@code desired_state_generations}): monotonic, bumped in
 * the transaction of every change. The bump holds the cluster's counter row locked until that transaction
 * ends, so generations are handed out in commit order. Thread-safe.
 */
@Component
class GenerationCounter {
    private final JdbcClient jdbc;

    GenerationCounter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Bumps and returns the cluster's generation (1 for its first change), within the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    long next(String clusterId) {
        return jdbc.sql("""
                INSERT INTO desired_state_generations (cluster_id, generation) VALUES (?, 1)
                ON CONFLICT (cluster_id) DO UPDATE SET generation = desired_state_generations.generation + 1
                RETURNING generation""")
                .param(clusterId)
                .query(Long.class)
                .single();
    }

    /** The cluster's generation as this transaction sees it; 0 before its first change. */
    @Transactional(readOnly = true)
    long current(String clusterId) {
        return jdbc.sql("SELECT generation FROM desired_state_generations WHERE cluster_id = ?")
                .param(clusterId)
                .query(Long.class)
                .optional()
                .orElse(0L);
    }
}
