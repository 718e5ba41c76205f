package io.cloudmq.dataplane.broker;

import io.cloudmq.dataplane.admin.AdminEndpoint;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminRequestException;
import io.cloudmq.dataplane.admin.AdminResponse;
import io.cloudmq.dataplane.broker.Broker.Promotion;
import io.cloudmq.dataplane.config.BrokerRole;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code POST /admin/v1/promote {"epoch": n, "role": "SYNC_MASTER"}}: makes this slave its group's master in
 * epoch {@code n} ({@link Broker#promote}) with {@code role} {@code SYNC_MASTER} or {@code ASYNC_MASTER}
 * (both fields required). Answers 200 with the {@link io.cloudmq.api.node.ReplicationView} after the
 * promotion, also when the broker already is the master in that epoch (idempotent); 409
 * {@code stale-epoch} when the epoch is not newer than the log's, 409 {@code not-a-slave} for a master of
 * another epoch, 503 {@code not-running} while the broker role does not serve. Thread-safe.
 */
public final class PromoteEndpoint implements AdminEndpoint {
    /** The request body. */
    public record PromoteRequest(long epoch, String role) {}

    private final Broker broker;

    public PromoteEndpoint(Broker broker) {
        this.broker = broker;
    }

    @Override
    public AdminResponse handle(AdminRequest request) throws IOException {
        PromoteRequest body = request.bodyAs(PromoteRequest.class);
        if (body.epoch() < 1) {
            throw AdminRequestException.badRequest("epoch must be at least 1, got " + body.epoch());
        }
        Promotion promotion = broker.promote(body.epoch(), masterRole(body.role()));
        return switch (promotion.status()) {
            case PROMOTED, ALREADY_MASTER -> AdminResponse.ok(promotion.view());
            case STALE_EPOCH -> AdminResponse.error(409, "stale-epoch",
                    "epoch " + body.epoch() + " is not newer than this broker's log's");
            case NOT_A_SLAVE -> AdminResponse.error(409, "not-a-slave", "this broker is a master of another epoch");
            case NOT_RUNNING -> AdminResponse.error(503, "not-running", "the broker role is not serving");
        };
    }

    private static BrokerRole masterRole(String role) {
        try {
            BrokerRole parsed = BrokerRole.valueOf(role.toUpperCase(Locale.ROOT));
            if (parsed.isMaster()) {
                return parsed;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw AdminRequestException.badRequest("role must be SYNC_MASTER or ASYNC_MASTER, got " + role);
    }
}
