package io.cloudmq.controlplane.security;

import io.cloudmq.api.security.ApiKeyView;
import io.cloudmq.api.security.CreateApiKeyRequest;
import io.cloudmq.api.security.CreatedApiKeyView;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {
    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @PostMapping
    ResponseEntity<CreatedApiKeyView> create(@Valid @RequestBody CreateApiKeyRequest request) {
        CreatedApiKeyView created = keys.create(request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/api-keys/" + created.key().keyId()))
                .body(created);
    }

    @GetMapping
    List<ApiKeyView> list() {
        return keys.list();
    }

    @DeleteMapping("/{keyId}")
    ResponseEntity<Void> delete(@PathVariable String keyId) {
        keys.delete(keyId);
        return ResponseEntity.noContent().build();
    }
}
