package io.cloudmq.controlplane.upgrade;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UpgradeNodeProgressRepository extends JpaRepository<UpgradeNodeProgress, UpgradeNodeProgressKey> {

    List<UpgradeNodeProgress> findByKeyWindowIdOrderByStartedAtAscKeyNodeIdAsc(UUID windowId);

    /** After a resume, the gates of unfinished nodes count their deadlines from {@code now}. */
    @Modifying
    @Query("UPDATE UpgradeNodeProgress p SET p.phaseStartedAt = :now"
            + " WHERE p.key.windowId = :windowId AND p.finishedAt IS NULL")
    void restartClocks(UUID windowId, Instant now);
}
