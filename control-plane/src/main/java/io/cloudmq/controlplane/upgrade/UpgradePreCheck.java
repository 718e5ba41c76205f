package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.PreCheckItem;
import io.cloudmq.api.upgrade.PreCheckView;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Row of {@code upgrade_pre_checks}: the latest pre-check of a window. Not thread-safe; lives in one transaction. */
@Entity
@Table(name = "upgrade_pre_checks")
class UpgradePreCheck {
    @Id
    @Column(name = "window_id")
    private UUID windowId = new UUID(0, 0);

    @Column(name = "checked_at")
    private Instant checkedAt = Instant.EPOCH;

    private boolean go;

    @ElementCollection
    @CollectionTable(name = "upgrade_pre_check_items", joinColumns = @JoinColumn(name = "window_id"))
    @OrderColumn(name = "position")
    private List<PreCheckOutcome> items = new ArrayList<>();

    protected UpgradePreCheck() {}

    UpgradePreCheck(UUID windowId) {
        this.windowId = windowId;
    }

    void record(List<PreCheckItem> checks, Instant now) {
        checkedAt = now;
        go = checks.stream().allMatch(PreCheckItem::passed);
        items.clear();
        checks.forEach(check -> items.add(new PreCheckOutcome(check)));
    }

    PreCheckView toView(List<String> lockedOperations) {
        return new PreCheckView(
                windowId, checkedAt, go, items.stream().map(PreCheckOutcome::toItem).toList(), lockedOperations);
    }
}
