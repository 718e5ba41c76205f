package io.cloudmq.controlplane.upgrade;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface UpgradePreCheckRepository extends JpaRepository<UpgradePreCheck, UUID> {}
