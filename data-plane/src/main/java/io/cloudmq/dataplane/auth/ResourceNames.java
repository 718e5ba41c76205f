package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the names an {@link AccessRule} points at out of a request: ext fields, and paths into the JSON
 * body (parsed once, only when the rule needs it). Each name gets the request's {@code namespaceV2}
 * namespace applied ({@link NamespacedNames#applyRequestNamespace}). Absent fields and empty names are
 * skipped: a request without a name cannot act on one, and its processor rejects it. Stateless and
 * thread-safe.
 */
final class ResourceNames {
    private ResourceNames() {}

    /** The names, or empty when the rule needs the body and it is not JSON. */
    static Optional<List<NamedResource>> read(RemotingCommand request, AccessRule rule) {
        JsonNode body = null;
        if (rule.readsBody() && request.body().length > 0) {
            try {
                body = RemotingJson.mapper().readTree(request.body());
            } catch (JacksonException e) {
                return Optional.empty();
            }
        }
        List<NamedResource> names = new ArrayList<>();
        for (ResourceField field : rule.fields()) {
            if (field.location() == ResourceField.Location.HEADER) {
                addIfPresent(names, field.kind(), request, request.extField(field.path()));
            } else if (body != null) {
                BodyPaths.leaves(body, field.path())
                        .forEach(leaf -> addIfPresent(names, field.kind(), request, leaf.value()));
            }
        }
        return Optional.of(names);
    }

    private static void addIfPresent(
            List<NamedResource> names, ResourceKind kind, RemotingCommand request, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            names.add(new NamedResource(kind, NamespacedNames.applyRequestNamespace(request, value)));
        }
    }
}
