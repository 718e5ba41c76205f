package io.cloudmq.api.upgrade;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One node in an upgrade report ({@link UpgradeReportView#nodes()}).
 *
 * @param node the node id
 * @param brokerName its broker group, {@code null} for a name server or before the window stopped the node
 * @param fromVersion the version it ran before the window touched it, {@code null} if not recorded
 * @param toVersion the version it runs after its step, {@code null} before the step finished
 * @param stepStartedAt when the window first touched the node
 * @param stepFinishedAt when the node was done
 * @param stepMillis {@code stepFinishedAt - stepStartedAt}, {@code null} before it finished
 * @param unavailableMillis from the last request it served before stopping (a node not drained first, also an
 *     idle one: from the restart request, if later) to the first it served after its restart, or to the moment it
 *     accepted requests again if that was earlier (its serving record; a node without one, a name server: from the
 *     restart request to the ready gate), {@code null} while not both known
 * @param writeFencedMillis how long its writes were fenced before it left (its serving record; 0 for a node
 *     that takes no writes), {@code null} while not known
 */
public record NodeUpgradeReportView(
        String node,
        @Nullable String brokerName,
        @Nullable String fromVersion,
        @Nullable String toVersion,
        @Nullable Instant stepStartedAt,
        @Nullable Instant stepFinishedAt,
        @Nullable Long stepMillis,
        @Nullable Long unavailableMillis,
        @Nullable Long writeFencedMillis) {}
