package io.cloudmq.controlplane;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Creates a fresh cluster per test, so upgrade windows and locks of one test never touch another's. */
public final class TestClusters {
    private TestClusters() {}

    /** Inserts a cluster with broker groups {@code broker-a, broker-b} and 168 h retention; returns its id. */
    public static String create(JdbcClient jdbc) {
        String id = "t-" + UUID.randomUUID().toString().substring(0, 12);
        jdbc.sql("""
                INSERT INTO clusters (id, max_retention_hours, broker_groups)
                VALUES (?, 168, ARRAY['broker-a', 'broker-b'])""")
                .param(id)
                .update();
        return id;
    }

    /**
     * Inserts a cluster like {@link #create} whose broker groups are all ASYNC_MASTER groups, as a
     * {@code single_node} cluster registers itself; returns its id.
     */
    public static String createSingleNode(JdbcClient jdbc) {
        String id = create(jdbc);
        jdbc.sql("UPDATE clusters SET async_broker_groups = broker_groups WHERE id = ?").param(id).update();
        return id;
    }
}
