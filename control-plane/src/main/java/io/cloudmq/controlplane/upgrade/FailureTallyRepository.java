package io.cloudmq.controlplane.upgrade;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface FailureTallyRepository extends JpaRepository<FailureTally, FailureTallyKey> {

    List<FailureTally> findByKeyWindowId(UUID windowId);
}
