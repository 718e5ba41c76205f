package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.OffsetResetRequest;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.controlplane.shared.web.PageCursor;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/instances/{instanceId}/consumer-groups/{groupName}/offset-resets")
class OffsetResetController {
    private final OffsetResetService resets;

    OffsetResetController(OffsetResetService resets) {
        this.resets = resets;
    }

    /** 200 with the plan for a dry run, 201 with the applied reset otherwise. */
    @PostMapping
    ResponseEntity<OffsetResetView> reset(@PathVariable String instanceId, @PathVariable String groupName,
            @Valid @RequestBody OffsetResetRequest request) {
        OffsetResetView reset = resets.reset(instanceId, groupName, request);
        if (reset.id() == null) {
            return ResponseEntity.ok(reset);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/instances/" + instanceId + "/consumer-groups/" + groupName
                        + "/offset-resets/" + reset.id()))
                .body(reset);
    }

    @GetMapping
    PageView<OffsetResetView> list(
            @PathVariable String instanceId,
            @PathVariable String groupName,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return resets.list(instanceId, groupName, PageCursor.parse(pageToken, pageSize));
    }

    @PostMapping("/{resetId}/undo")
    OffsetResetView undo(@PathVariable String instanceId, @PathVariable String groupName, @PathVariable String resetId) {
        return resets.undo(instanceId, groupName, resetId);
    }
}
