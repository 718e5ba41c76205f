package io.cloudmq.dataplane.admin;

import io.cloudmq.api.node.AppliedState;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.dataplane.config.DesiredStateStore;
import java.io.IOException;

/**
 * {@code PUT /admin/v1/desired-state}: persists a {@link DesiredState} and answers the generation the node
 * serves afterwards ({@link AppliedState}); an older generation is ignored (see {@link DesiredStateStore}).
 * Thread-safe.
 */
public final class DesiredStateEndpoint implements AdminEndpoint {
    private final DesiredStateStore store;

    public DesiredStateEndpoint(DesiredStateStore store) {
        this.store = store;
    }

    @Override
    public AdminResponse handle(AdminRequest request) throws IOException {
        DesiredState state = request.bodyAs(DesiredState.class);
        if (state.generation() < 0) {
            throw AdminRequestException.badRequest("generation must be at least 0, got " + state.generation());
        }
        return AdminResponse.ok(new AppliedState(store.apply(state)));
    }
}
