package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.UpgradeWindowState;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface UpgradeWindowRepository extends JpaRepository<UpgradeWindow, UUID> {

    Optional<UpgradeWindow> findByIdAndClusterId(UUID id, String clusterId);

    List<UpgradeWindow> findByClusterIdOrderByIdAsc(String clusterId, Limit limit);

    List<UpgradeWindow> findByClusterIdAndIdGreaterThanOrderByIdAsc(String clusterId, UUID after, Limit limit);

    List<UpgradeWindow> findByStateAndStartsAtLessThanEqual(UpgradeWindowState state, Instant now);

    List<UpgradeWindow> findByStateOrderByStartsAtAsc(UpgradeWindowState state);

    Optional<UpgradeWindow> findFirstByClusterIdAndStateInOrderByStartsAtAsc(
            String clusterId, Collection<UpgradeWindowState> states);

    boolean existsByClusterIdAndStateIn(String clusterId, Collection<UpgradeWindowState> states);

    @Query("""
            select new io.cloudmq.controlplane.upgrade.LockingWindow(w.id, w.endsAt) from UpgradeWindow w
            where w.clusterId = :clusterId and w.state in :states order by w.startsAt""")
    List<LockingWindow> findLocking(String clusterId, Collection<UpgradeWindowState> states);

    @Query("""
            select count(w) > 0 from UpgradeWindow w
            where w.clusterId = :clusterId and w.id <> :id and w.state in :states
              and w.startsAt < :endsAt and w.endsAt > :startsAt""")
    boolean existsOverlap(
            String clusterId, UUID id, Instant startsAt, Instant endsAt, Collection<UpgradeWindowState> states);
}
