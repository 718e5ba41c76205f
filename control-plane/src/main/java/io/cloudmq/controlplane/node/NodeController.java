package io.cloudmq.controlplane.node;

import io.cloudmq.api.node.NodeRegistration;
import io.cloudmq.api.node.NodeView;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Nodes of a cluster with their measured state, and self-registration of nodes in distributed mode. The
 * registration path is authenticated by the bootstrap token instead of an API key
 * ({@link NodeSecurityConfiguration}).
 */
@RestController
@RequestMapping("/api/v1/clusters/{clusterId}/nodes")
class NodeController {
    static final String REGISTRATIONS = "/api/v1/clusters/{clusterId}/nodes/registrations";

    private final NodeService nodes;
    private final NodeRegistrationGate gate;

    NodeController(NodeService nodes, NodeRegistrationGate gate) {
        this.nodes = nodes;
        this.gate = gate;
    }

    @GetMapping
    List<NodeView> list(@PathVariable String clusterId) {
        return nodes.list(clusterId);
    }

    @PostMapping("/registrations")
    @ResponseStatus(HttpStatus.CREATED)
    NodeView register(@PathVariable String clusterId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, defaultValue = "") String authorization,
            @Valid @RequestBody NodeRegistration registration) {
        if (!gate.admits(authorization)) {
            throw new NodeRegistrationRefusedException();
        }
        return nodes.register(clusterId, registration);
    }
}
