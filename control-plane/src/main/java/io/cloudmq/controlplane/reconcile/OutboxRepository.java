package io.cloudmq.controlplane.reconcile;

import io.cloudmq.api.reconcile.OutboxState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutboxRepository extends JpaRepository<OutboxEntry, Long> {

    /** Clusters with at least one {@code PENDING} row due at {@code now}. */
    @Query("""
            select distinct e.clusterId from OutboxEntry e
            where e.state = io.cloudmq.api.reconcile.OutboxState.PENDING and e.nextAttemptAt <= :now""")
    List<String> findClustersWithDueEntries(Instant now);

    /** Due {@code PENDING} rows of a cluster up to {@code generation}, oldest first. */
    @Query("""
            select e from OutboxEntry e
            where e.clusterId = :clusterId and e.state = io.cloudmq.api.reconcile.OutboxState.PENDING
            and e.nextAttemptAt <= :now and e.generation <= :generation order by e.id""")
    List<OutboxEntry> findDue(String clusterId, Instant now, long generation);

    List<OutboxEntry> findByClusterIdAndStateInOrderByIdDesc(
            String clusterId, Collection<OutboxState> states, Limit limit);

    List<OutboxEntry> findByClusterIdAndStateInAndIdLessThanOrderByIdDesc(
            String clusterId, Collection<OutboxState> states, long before, Limit limit);
}
