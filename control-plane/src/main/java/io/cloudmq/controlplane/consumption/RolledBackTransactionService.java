package io.cloudmq.controlplane.consumption;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.message.RolledBackTransactionView;
import io.cloudmq.api.node.NodeRolledBackHalves;
import io.cloudmq.api.node.NodeRolledBackQuery;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.node.MasterBrokers;
import io.cloudmq.controlplane.shared.web.NumberedPage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A numbered page of an instance's transaction messages that the brokers rolled back after the maximum number of
 * checks (oldest rollback first, over every master), read through the masters' admin API
 * ({@value #LIST_PATH}). Topic names are without the instance namespace. Never called inside a database
 * transaction. Thread-safe.
 */
@Service
class RolledBackTransactionService {
    static final String LIST_PATH = "/admin/v1/transactions/rolled-back/list";

    private final InstanceService instances;
    private final MasterBrokers masters;

    RolledBackTransactionService(InstanceService instances, MasterBrokers masters) {
        this.instances = instances;
        this.masters = masters;
    }

    /** Page {@code page} of {@code size}; 404 for an unknown instance, 400 for a page out of range. */
    PageView<RolledBackTransactionView> list(String instanceId, int page, int size) {
        NumberedPage numbered = NumberedPage.of(page, size);
        String cluster = instances.get(instanceId).cluster();
        NodeRolledBackQuery query = new NodeRolledBackQuery(WireNames.of(instanceId, ""), numbered.readCount());
        List<RolledBackTransactionView> halves = new ArrayList<>();
        for (NodeView master : masters.of(cluster)) {
            masters.post(master, LIST_PATH, query, NodeRolledBackHalves.class).ifPresent(answer ->
                    answer.halves().forEach(half -> halves.add(new RolledBackTransactionView(half.messageId(),
                            WireNames.strip(instanceId, half.topic()), half.transactionMessageId(), half.producerGroup(),
                            half.keys(), half.tags(), Instant.ofEpochMilli(half.bornTimestamp()),
                            Instant.ofEpochMilli(half.rolledBackTimestamp()), answer.brokerName(), half.queueOffset()))));
        }
        halves.sort(Comparator.comparing(RolledBackTransactionView::rolledBackTime)
                .thenComparing(RolledBackTransactionView::brokerName)
                .thenComparingLong(RolledBackTransactionView::queueOffset));
        return numbered.slice(halves);
    }
}
