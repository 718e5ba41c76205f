package io.cloudmq.dataplane.broker.read;

import io.cloudmq.api.node.read.NodeMessages;
import io.cloudmq.dataplane.admin.AdminRequest;
import io.cloudmq.dataplane.admin.AdminRequestException;
import io.cloudmq.dataplane.admin.AdminResponse;
import io.cloudmq.dataplane.admin.AdminRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The broker's admin read routes (names are wire names, percent-encoded in the path):
 *
 * <table>
 *   <caption>read routes</caption>
 *   <tr><th>route</th><th>answer</th><th>404 when</th></tr>
 *   <tr><td>GET /admin/v1/topics/{topic}/stats</td><td>NodeTopicStats</td><td>the topic is not served here</td></tr>
 *   <tr><td>GET /admin/v1/groups/{group}/clients</td><td>NodeGroupClients</td><td>unknown group</td></tr>
 *   <tr><td>GET /admin/v1/groups/{group}/offsets[?topics=a,b]</td><td>NodeGroupOffsets (also of the listed
 *   topics)</td><td>unknown group</td></tr>
 *   <tr><td>GET /admin/v1/messages/{messageId}</td><td>NodeMessages (one)</td><td>not stored here (400: not an offset id)</td></tr>
 *   <tr><td>GET /admin/v1/messages?topic=&amp;key=</td><td>NodeMessages</td><td>the topic is not served here (400: a parameter missing)</td></tr>
 *   <tr><td>GET /admin/v1/upgrade-readiness</td><td>NodeUpgradeReadiness</td><td>never</td></tr>
 * </table>
 *
 * Thread-safe.
 */
public final class BrokerReadEndpoints {
    private final LiveBrokerReads reads;

    public BrokerReadEndpoints(LiveBrokerReads reads) {
        this.reads = reads;
    }

    public List<AdminRoute> routes() {
        return List.of(
                AdminRoute.get("/admin/v1/topics/{topic}/stats", this::topicStats),
                AdminRoute.get("/admin/v1/groups/{group}/clients", this::groupClients),
                AdminRoute.get("/admin/v1/groups/{group}/offsets", this::groupOffsets),
                AdminRoute.get("/admin/v1/messages/{messageId}", this::messageById),
                AdminRoute.get("/admin/v1/messages", this::messagesByKey),
                AdminRoute.get("/admin/v1/upgrade-readiness", request -> AdminResponse.ok(reads.current().upgradeReadiness())));
    }

    private AdminResponse topicStats(AdminRequest request) {
        String topic = request.pathParameter("topic");
        return AdminResponse.ok(reads.current().topicStats(topic).orElseThrow(() -> notFound("topic " + topic)));
    }

    private AdminResponse groupClients(AdminRequest request) {
        String group = request.pathParameter("group");
        return AdminResponse.ok(reads.current().groupClients(group).orElseThrow(() -> notFound("group " + group)));
    }

    private AdminResponse groupOffsets(AdminRequest request) {
        String group = request.pathParameter("group");
        Set<String> extraTopics = request.queryParameter("topics")
                .map(topics -> Arrays.stream(topics.split(",")).filter(topic -> !topic.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return AdminResponse.ok(reads.current().groupOffsets(group, extraTopics)
                .orElseThrow(() -> notFound("group " + group)));
    }

    private AdminResponse messageById(AdminRequest request) {
        String messageId = request.pathParameter("messageId");
        try {
            return AdminResponse.ok(new NodeMessages(List.of(reads.current().messageById(messageId)
                    .orElseThrow(() -> notFound("message " + messageId)))));
        } catch (IllegalArgumentException e) {
            throw AdminRequestException.badRequest(e.getMessage());
        }
    }

    private AdminResponse messagesByKey(AdminRequest request) {
        String topic = request.queryParameter("topic")
                .orElseThrow(() -> AdminRequestException.badRequest("query parameter topic is required"));
        String key = request.queryParameter("key")
                .orElseThrow(() -> AdminRequestException.badRequest("query parameter key is required"));
        return AdminResponse.ok(new NodeMessages(reads.current().messagesByKey(topic, key)
                .orElseThrow(() -> notFound("topic " + topic))));
    }

    private static AdminRequestException notFound(String what) {
        return new AdminRequestException(404, "not-found", what + " is not served by this broker");
    }
}
