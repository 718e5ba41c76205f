package io.cloudmq.dataplane.auth;

import java.util.List;

/**
 * What one request code does ({@code action}) and where it names its resources ({@code fields}). An
 * {@link Action#ADMIN} rule names nothing: only the operator may send it, whatever it names.
 */
public record AccessRule(Action action, List<ResourceField> fields) {
    public AccessRule {
        fields = List.copyOf(fields);
    }

    static AccessRule admin() {
        return new AccessRule(Action.ADMIN, List.of());
    }

    static AccessRule of(Action action, ResourceField... fields) {
        return new AccessRule(action, List.of(fields));
    }

    boolean readsBody() {
        for (ResourceField field : fields) {
            if (field.location() == ResourceField.Location.BODY) {
                return true;
            }
        }
        return false;
    }
}
