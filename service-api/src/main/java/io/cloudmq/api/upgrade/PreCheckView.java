package io.cloudmq.api.upgrade;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Answer of {@code POST|GET /api/v1/clusters/{id}/upgrade-windows/{windowId}/pre-check}: a dry run of the
 * conditions an upgrade needs, kept with the window.
 *
 * @param windowId the window checked
 * @param checkedAt when the check ran
 * @param go whether every condition passed
 * @param checks every condition with its outcome, in a stable order
 * @param lockedOperations the operations refused on every instance of the cluster while the window runs
 */
public record PreCheckView(
        UUID windowId, Instant checkedAt, boolean go, List<PreCheckItem> checks, List<String> lockedOperations) {}
