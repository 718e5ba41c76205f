package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.upgrade.PreCheckItem;
import jakarta.persistence.Embeddable;

/** Row of {@code upgrade_pre_check_items}: one stored condition of a pre-check. */
@Embeddable
class PreCheckOutcome {
    private String name = "";
    private boolean passed;
    private String detail = "";

    protected PreCheckOutcome() {}

    PreCheckOutcome(PreCheckItem item) {
        this.name = item.name();
        this.passed = item.passed();
        this.detail = item.detail();
    }

    PreCheckItem toItem() {
        return new PreCheckItem(name, passed, detail);
    }
}
