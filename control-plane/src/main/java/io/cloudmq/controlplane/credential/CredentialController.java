package io.cloudmq.controlplane.credential;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialView;
import io.cloudmq.controlplane.shared.web.PageCursor;
import jakarta.validation.Valid;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(CredentialController.PATH)
class CredentialController {
    static final String PATH = "/api/v1/instances/{instanceId}/credentials";

    private final CredentialService credentials;

    CredentialController(CredentialService credentials) {
        this.credentials = credentials;
    }

    @PostMapping
    ResponseEntity<CreatedCredentialView> create(
            @PathVariable String instanceId, @Valid @RequestBody CreateCredentialRequest request) {
        CreatedCredentialView created = credentials.create(instanceId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create(
                        "/api/v1/instances/" + instanceId + "/credentials/" + created.credential().accessKey()))
                .body(created);
    }

    @GetMapping
    PageView<CredentialView> list(
            @PathVariable String instanceId,
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return credentials.list(instanceId, PageCursor.parse(pageToken, pageSize));
    }

    @GetMapping("/{accessKey}")
    CredentialView get(@PathVariable String instanceId, @PathVariable String accessKey) {
        return credentials.get(instanceId, accessKey);
    }

    @PostMapping("/{accessKey}/disable")
    CredentialView disable(@PathVariable String instanceId, @PathVariable String accessKey) {
        return credentials.setEnabled(instanceId, accessKey, false);
    }

    @PostMapping("/{accessKey}/enable")
    CredentialView enable(@PathVariable String instanceId, @PathVariable String accessKey) {
        return credentials.setEnabled(instanceId, accessKey, true);
    }

    @DeleteMapping("/{accessKey}")
    ResponseEntity<Void> delete(@PathVariable String instanceId, @PathVariable String accessKey) {
        credentials.delete(instanceId, accessKey);
        return ResponseEntity.noContent().build();
    }
}
