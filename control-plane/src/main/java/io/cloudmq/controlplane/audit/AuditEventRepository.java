package io.cloudmq.controlplane.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEvent, UUID> {

    List<AuditEvent> findAllByOrderByIdDesc(Limit limit);

    List<AuditEvent> findByIdLessThanOrderByIdDesc(UUID before, Limit limit);
}
