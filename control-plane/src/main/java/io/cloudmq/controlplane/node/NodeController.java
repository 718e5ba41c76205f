package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeView;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Nodes of a cluster with their measured state. */
@RestController
@RequestMapping("/api/v1/clusters/{clusterId}/nodes")
class NodeController {
    private final NodeService nodes;

    NodeController(NodeService nodes) {
        this.nodes = nodes;
    }

    @GetMapping
    List<NodeView> list(@PathVariable String clusterId) {
        return nodes.list(clusterId);
    }
}
