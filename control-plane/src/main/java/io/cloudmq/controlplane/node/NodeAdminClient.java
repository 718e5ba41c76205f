package io.cloudmq.controlplane.node;

import io.cloudmq.api.cluster.BrokerGroupRole;
import io.cloudmq.api.node.AppliedState;
import io.cloudmq.api.node.DesiredState;
import io.cloudmq.api.node.NodeDrainResult;
import io.cloudmq.api.node.NodeHealthView;
import io.cloudmq.api.node.RegisteredBrokersView;
import io.cloudmq.api.node.ReplicationView;
import io.cloudmq.api.node.read.NodeGroupClients;
import io.cloudmq.api.node.read.NodeGroupOffsets;
import io.cloudmq.api.node.read.NodeMessages;
import io.cloudmq.api.node.read.NodeTopicStats;
import io.cloudmq.api.node.read.NodeUpgradeReadiness;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the admin API ({@code /admin/v1}) of data-plane nodes with the cluster's node token. Never called
 * inside a database transaction. Thread-safe.
 */
@Component
public class NodeAdminClient {
    private static final Logger log = LoggerFactory.getLogger(NodeAdminClient.class);
    /** A node that cannot answer its health check within this time counts as a miss (e.g. SIGSTOPped). */
    static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
    /** A push waits longer than a health check: the node makes the state durable (fsync) before answering. */
    static final Duration PUSH_TIMEOUT = Duration.ofSeconds(10);
    /** A promotion restarts the broker role (unregister, close, reopen the store) before it answers. */
    static final Duration PROMOTE_TIMEOUT = Duration.ofSeconds(60);
    /** A drain waits for quiet periods, the slave and the consumers before it answers. */
    static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(3);
    private static final int MAX_ERROR_BODY = 300;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HEALTH_TIMEOUT).build();
    private final JsonMapper json;
    private final NodeToken nodeToken;

    NodeAdminClient(JsonMapper json, NodeToken nodeToken) {
        this.json = json;
        this.nodeToken = nodeToken;
    }

    /** The node's health, or empty when it did not answer 200 in time. */
    public Optional<NodeHealthView> health(String adminUrl) {
        HttpRequest request = request(adminUrl, "/admin/v1/health", HEALTH_TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.debug("Health check of {} answered {}", adminUrl, response.statusCode());
                return Optional.empty();
            }
            return Optional.of(json.readValue(response.body(), NodeHealthView.class));
        } catch (IOException | JacksonException e) {
            log.debug("Health check of {} failed: {}", adminUrl, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Sends {@code state} with {@code PUT /admin/v1/desired-state}; every outcome is a value. */
    public DesiredStatePush pushDesiredState(String adminUrl, DesiredState state) {
        HttpRequest request = request(adminUrl, "/admin/v1/desired-state", PUSH_TIMEOUT)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(state)))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            int status = response.statusCode();
            if (status == 200) {
                return DesiredStatePush.applied(json.readValue(response.body(), AppliedState.class).appliedGeneration());
            }
            String error = "answered " + status + ": " + excerpt(response.body());
            return status / 100 == 4 ? DesiredStatePush.rejected(error) : DesiredStatePush.failed(error);
        } catch (IOException | JacksonException e) {
            return DesiredStatePush.failed("no valid answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DesiredStatePush.failed("interrupted");
        }
    }

    /** The broker's replication state ({@code GET /admin/v1/replication}), or empty when it did not answer 200. */
    public Optional<ReplicationView> replication(String adminUrl) {
        return getJson(adminUrl, "/admin/v1/replication", ReplicationView.class);
    }

    private <T> Optional<T> getJson(String adminUrl, String path, Class<T> type) {
        HttpRequest request = request(adminUrl, path, HEALTH_TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(json.readValue(response.body(), type)) : Optional.empty();
        } catch (IOException | JacksonException e) {
            log.debug("{} of {} unavailable: {}", path, adminUrl, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The brokers registered with a name server ({@code GET /admin/v1/registered-brokers}), or empty when it did not answer 200. */
    public Optional<RegisteredBrokersView> registeredBrokers(String adminUrl) {
        return getJson(adminUrl, "/admin/v1/registered-brokers", RegisteredBrokersView.class);
    }

    /**
     * Promotes a slave to a master of {@code role} (its group's configured role) in {@code epoch}
     * ({@code POST /admin/v1/promote}); true when the node answered 200 (promoted, or already master in that
     * epoch). The node restarts its broker role before answering, hence the long timeout.
     */
    public boolean promote(String adminUrl, long epoch, BrokerGroupRole role) {
        HttpRequest request = request(adminUrl, "/admin/v1/promote", PROMOTE_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"epoch\":" + epoch + ",\"role\":\"" + role.name() + "\"}"))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                log.warn("Promotion of {} to epoch {} answered {}: {}", adminUrl, epoch, response.statusCode(),
                        excerpt(response.body()));
            }
            return response.statusCode() == 200;
        } catch (IOException e) {
            log.warn("Promotion of {} to epoch {} failed: {}", adminUrl, epoch, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- read endpoints of brokers (topic stats, consumers, offsets, messages) and metrics

    /** {@code GET /admin/v1/topics/{wireTopic}/stats}. */
    public NodeRead<NodeTopicStats> topicStats(String adminUrl, String wireTopic) {
        return read(adminUrl, "/admin/v1/topics/" + pathSegment(wireTopic) + "/stats", NodeTopicStats.class);
    }

    /** {@code GET /admin/v1/groups/{wireGroup}/clients}. */
    public NodeRead<NodeGroupClients> groupClients(String adminUrl, String wireGroup) {
        return read(adminUrl, "/admin/v1/groups/" + pathSegment(wireGroup) + "/clients", NodeGroupClients.class);
    }

    /** {@code GET /admin/v1/groups/{wireGroup}/offsets?topics=…}: also the queues of {@code extraTopics}. */
    public NodeRead<NodeGroupOffsets> groupOffsets(String adminUrl, String wireGroup, Set<String> extraTopics) {
        String query = extraTopics.isEmpty() ? "" : "?topics=" + pathSegment(String.join(",", new TreeSet<>(extraTopics)));
        return read(adminUrl, "/admin/v1/groups/" + pathSegment(wireGroup) + "/offsets" + query, NodeGroupOffsets.class);
    }

    /** {@code GET /admin/v1/messages/{offsetMsgId}}; REFUSED when the id is not an offset message id. */
    public NodeRead<NodeMessages> messageById(String adminUrl, String offsetMessageId) {
        return read(adminUrl, "/admin/v1/messages/" + pathSegment(offsetMessageId), NodeMessages.class);
    }

    /** {@code GET /admin/v1/messages?topic=&key=}: by key or unique id. */
    public NodeRead<NodeMessages> messagesByKey(String adminUrl, String wireTopic, String key) {
        return read(adminUrl, "/admin/v1/messages?topic=" + pathSegment(wireTopic) + "&key=" + pathSegment(key),
                NodeMessages.class);
    }

    /** {@code GET /admin/v1/upgrade-readiness}: what the upgrade pre-check needs from a broker. */
    public NodeRead<NodeUpgradeReadiness> upgradeReadiness(String adminUrl) {
        return read(adminUrl, "/admin/v1/upgrade-readiness", NodeUpgradeReadiness.class);
    }

    /** The node's {@code /admin/v1/metrics} in the Prometheus text format, or empty when it did not answer 200. */
    public Optional<String> metrics(String adminUrl) {
        HttpRequest request = request(adminUrl, "/admin/v1/metrics", HEALTH_TIMEOUT).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            log.debug("Metrics of {} not read: {}", adminUrl, e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private <T> NodeRead<T> read(String adminUrl, String path, Class<T> type) {
        HttpRequest request = request(adminUrl, path, HEALTH_TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return switch (response.statusCode()) {
                case 200 -> NodeRead.found(json.readValue(response.body(), type));
                case 404 -> NodeRead.of(NodeRead.Status.NOT_FOUND);
                case 400 -> NodeRead.of(NodeRead.Status.REFUSED);
                default -> {
                    log.debug("Read {} of {} answered {}: {}", path, adminUrl, response.statusCode(), excerpt(response.body()));
                    yield NodeRead.of(NodeRead.Status.UNAVAILABLE);
                }
            };
        } catch (IOException | JacksonException e) {
            log.debug("Read {} of {} failed: {}", path, adminUrl, e.toString());
            return NodeRead.of(NodeRead.Status.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return NodeRead.of(NodeRead.Status.UNAVAILABLE);
        }
    }

    private static String pathSegment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * POSTs {@code body} as JSON to {@code path} of the node's admin API and reads a 200 answer as
     * {@code answerType}; every outcome is a value.
     */
    public <T> NodeAdminResult<T> post(String adminUrl, String path, Object body, Class<T> answerType) {
        return post(adminUrl, path, body, answerType, PUSH_TIMEOUT);
    }

    /**
     * A broker's drain action {@code POST /admin/v1/<action>} — {@code fence}, {@code unfence} or {@code drain}
     * (fence, close sends, freeze, wait for the slave and the consumers, leave; the node exits after
     * answering). The node answers once the action completed, so a drain may take minutes. Every outcome is
     * a value.
     */
    public NodeAdminResult<NodeDrainResult> drainAction(String adminUrl, String action) {
        return post(adminUrl, "/admin/v1/" + action, Map.of(), NodeDrainResult.class, DRAIN_TIMEOUT);
    }

    private <T> NodeAdminResult<T> post(
            String adminUrl, String path, Object body, Class<T> answerType, Duration timeout) {
        HttpRequest request = request(adminUrl, path, timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return new NodeAdminResult<>(response.statusCode(), null,
                        "answered " + response.statusCode() + ": " + excerpt(response.body()));
            }
            return new NodeAdminResult<>(200, json.readValue(response.body(), answerType), null);
        } catch (IOException | JacksonException e) {
            return new NodeAdminResult<>(0, null, "no valid answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new NodeAdminResult<>(0, null, "interrupted");
        }
    }

    private HttpRequest.Builder request(String adminUrl, String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(adminUrl + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + nodeToken.value());
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= MAX_ERROR_BODY ? text : text.substring(0, MAX_ERROR_BODY) + "…";
    }
}
