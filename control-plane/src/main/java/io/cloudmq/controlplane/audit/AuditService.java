package io.cloudmq.controlplane.audit;

import io.cloudmq.api.audit.AuditEventView;
import io.cloudmq.api.common.PageView;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.id.UuidV7;
import io.cloudmq.controlplane.shared.web.PageCursor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records mutating calls in their own transaction (so refused and failed calls are kept) and pages through them. */
@Service
public class AuditService {
    private final AuditEventRepository events;
    private final Clock clock;

    AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Records one call; commits independently of any surrounding transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEventView record(@Nullable String keyId, String action, String resource, int status) {
        Instant now = clock.instant();
        return events.save(new AuditEvent(UuidV7.at(now), keyId, action, resource, status, now)).toView();
    }

    /** Newest first. */
    @Transactional(readOnly = true)
    public PageView<AuditEventView> list(PageCursor cursor) {
        Limit limit = Limit.of(cursor.fetchSize());
        List<AuditEvent> rows = cursor.after() == null
                ? events.findAllByOrderByIdDesc(limit)
                : events.findByIdLessThanOrderByIdDesc(parseId(cursor.after()), limit);
        return cursor.page(rows, event -> event.id().toString(), AuditEvent::toView);
    }

    private static UUID parseId(String token) {
        try {
            return UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("pageToken", "is not a token this API issued");
        }
    }
}
