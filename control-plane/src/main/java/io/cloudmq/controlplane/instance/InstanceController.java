package io.cloudmq.controlplane.instance;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.instance.UpdateInstanceRequest;
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
@RequestMapping("/api/v1/instances")
class InstanceController {
    private final InstanceService instances;

    InstanceController(InstanceService instances) {
        this.instances = instances;
    }

    @PostMapping
    ResponseEntity<InstanceView> create(@Valid @RequestBody CreateInstanceRequest request) {
        InstanceView instance = instances.create(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/instances/" + instance.id()))
                .eTag(ETags.of(instance.version()))
                .body(instance);
    }

    @GetMapping
    PageView<InstanceView> list(
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return instances.list(PageCursor.parse(pageToken, pageSize));
    }

    @GetMapping("/{instanceId}")
    ResponseEntity<InstanceView> get(@PathVariable String instanceId) {
        return withETag(instances.get(instanceId));
    }

    @PatchMapping("/{instanceId}")
    ResponseEntity<InstanceView> update(
            @PathVariable String instanceId,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @Valid @RequestBody UpdateInstanceRequest request) {
        return withETag(instances.update(instanceId, request, ETags.expectedVersion(ifMatch)));
    }

    @DeleteMapping("/{instanceId}")
    ResponseEntity<Void> delete(
            @PathVariable String instanceId,
            @RequestParam(defaultValue = "false") boolean force,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        instances.delete(instanceId, force, ETags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<InstanceView> withETag(InstanceView instance) {
        return ResponseEntity.ok().eTag(ETags.of(instance.version())).body(instance);
    }
}
