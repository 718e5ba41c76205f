package io.cloudmq.controlplane.consumergroup;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.UpdateConsumerGroupRequest;
import io.cloudmq.controlplane.shared.web.ETags;
import io.cloudmq.controlplane.shared.web.PageCursor;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/instances/{instanceId}/consumer-groups")
class ConsumerGroupController {
    private final ConsumerGroupService groups;

    ConsumerGroupController(ConsumerGroupService groups) {
        this.groups = groups;
    }

    @PostMapping
    ResponseEntity<ConsumerGroupView> create(
            @PathVariable String instanceId, @Valid @RequestBody CreateConsumerGroupRequest request) {
        ConsumerGroupView group = groups.create(instanceId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/instances/" + instanceId + "/consumer-groups/" + group.name()))
                .eTag(ETags.of(group.version()))
                .body(group);
    }

    @GetMapping
    PageView<ConsumerGroupView> list(
            @PathVariable String instanceId,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return groups.list(instanceId, PageCursor.parse(pageToken, pageSize));
    }

    @GetMapping("/{groupName}")
    ResponseEntity<ConsumerGroupView> get(@PathVariable String instanceId, @PathVariable String groupName) {
        return withETag(groups.get(instanceId, groupName));
    }

    @PatchMapping("/{groupName}")
    ResponseEntity<ConsumerGroupView> update(
            @PathVariable String instanceId,
            @PathVariable String groupName,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody UpdateConsumerGroupRequest request) {
        return withETag(groups.update(instanceId, groupName, request, ETags.expectedVersion(ifMatch)));
    }

    @DeleteMapping("/{groupName}")
    ResponseEntity<Void> delete(
            @PathVariable String instanceId,
            @PathVariable String groupName,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        groups.delete(instanceId, groupName, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ConsumerGroupView> withETag(ConsumerGroupView group) {
        return ResponseEntity.ok().eTag(ETags.of(group.version())).body(group);
    }
}
