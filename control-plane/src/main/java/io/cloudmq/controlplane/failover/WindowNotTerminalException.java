package io.cloudmq.controlplane.failover;

import io.cloudmq.api.problem.ErrorCode;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.shared.error.DomainException;
import java.util.Map;

/**
 * A switchover was asked while an upgrade window of the cluster is not terminal (scheduled, running or paused):
 * 409 {@code conflict} naming the window, its state and how to proceed (wait for its end, or end it: cancel a
 * scheduled window, abort a running one).
 */
final class WindowNotTerminalException extends DomainException {
    private static final long serialVersionUID = 1L;

    WindowNotTerminalException(String brokerName, UpgradeWindowView window) {
        super(ErrorCode.CONFLICT, detail(brokerName, window),
                Map.of("cluster", window.cluster(), "windowId", window.id().toString(),
                        "windowState", window.state().name()),
                null);
    }

    private static String detail(String brokerName, UpgradeWindowView window) {
        String action = window.state().canMoveTo(UpgradeWindowState.CANCELLED) ? "cancel" : "abort";
        return "Broker group " + brokerName + " cannot switch over while upgrade window " + window.id()
                + " of cluster " + window.cluster() + " is " + window.state() + " (" + window.startsAt() + " to "
                + window.endsAt() + "): wait until it is COMPLETED, FAILED or CANCELLED, or " + action + " it (POST "
                + "/api/v1/clusters/" + window.cluster() + "/upgrade-windows/" + window.id() + "/" + action + ")";
    }
}
