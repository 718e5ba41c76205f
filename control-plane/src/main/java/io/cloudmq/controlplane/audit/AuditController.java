package io.cloudmq.controlplane.audit;

import io.cloudmq.api.audit.AuditEventView;
import io.cloudmq.api.common.PageView;
import io.cloudmq.controlplane.shared.web.PageCursor;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit-events")
class AuditController {
    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping
    PageView<AuditEventView> list(
            @RequestParam(required = false) @Nullable String pageToken,
            @RequestParam(required = false) @Nullable Integer pageSize) {
        return audit.list(PageCursor.parse(pageToken, pageSize));
    }
}
