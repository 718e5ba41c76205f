package io.cloudmq.controlplane.upgrade;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.upgrade.RescheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.shared.web.ETags;
import io.cloudmq.controlplane.shared.web.PageCursor;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/clusters/{clusterId}/upgrade-windows")
class UpgradeWindowController {
    private final UpgradeWindowService windows;

    UpgradeWindowController(UpgradeWindowService windows) {
        this.windows = windows;
    }

    @PostMapping
    ResponseEntity<UpgradeWindowView> schedule(
            @PathVariable String clusterId, @Valid @RequestBody ScheduleUpgradeWindowRequest request) {
        UpgradeWindowView window = windows.schedule(clusterId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/clusters/" + clusterId + "/upgrade-windows/" + window.id()))
                .eTag(ETags.of(window.version()))
                .body(window);
    }

    @GetMapping
    PageView<UpgradeWindowView> list(
            @PathVariable String clusterId,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return windows.list(clusterId, PageCursor.parse(pageToken, pageSize));
    }

    @GetMapping("/{windowId}")
    ResponseEntity<UpgradeWindowView> get(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return withETag(windows.get(clusterId, windowId));
    }

    @PatchMapping("/{windowId}")
    ResponseEntity<UpgradeWindowView> reschedule(
            @PathVariable String clusterId,
            @PathVariable UUID windowId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody RescheduleUpgradeWindowRequest request) {
        return withETag(windows.reschedule(clusterId, windowId, request, ETags.expectedVersion(ifMatch)));
    }

    @PostMapping("/{windowId}/start")
    ResponseEntity<UpgradeWindowView> start(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return withETag(windows.start(clusterId, windowId));
    }

    @PostMapping("/{windowId}/cancel")
    ResponseEntity<UpgradeWindowView> cancel(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return withETag(windows.cancel(clusterId, windowId));
    }

    @PostMapping("/{windowId}/abort")
    ResponseEntity<UpgradeWindowView> abort(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return withETag(windows.abort(clusterId, windowId));
    }

    @PostMapping("/{windowId}/pause")
    ResponseEntity<UpgradeWindowView> pause(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return withETag(windows.pause(clusterId, windowId));
    }

    @PostMapping("/{windowId}/resume")
    ResponseEntity<UpgradeWindowView> resume(@PathVariable String clusterId, @PathVariable UUID windowId) {
        return withETag(windows.resume(clusterId, windowId));
    }

    private static ResponseEntity<UpgradeWindowView> withETag(UpgradeWindowView window) {
        return ResponseEntity.ok().eTag(ETags.of(window.version())).body(window);
    }
}
