package io.cloudmq.api.client;

import io.cloudmq.api.audit.AuditEventView;
import io.cloudmq.api.cluster.ClusterView;
import io.cloudmq.api.common.PageView;
import io.cloudmq.api.consumergroup.ConsumerClientsView;
import io.cloudmq.api.consumergroup.ConsumerGroupView;
import io.cloudmq.api.consumergroup.ConsumerLagView;
import io.cloudmq.api.consumergroup.CreateConsumerGroupRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendRequest;
import io.cloudmq.api.consumergroup.DeadLetterResendView;
import io.cloudmq.api.consumergroup.DeadLetterView;
import io.cloudmq.api.consumergroup.OffsetResetRequest;
import io.cloudmq.api.consumergroup.OffsetResetView;
import io.cloudmq.api.consumergroup.UpdateConsumerGroupRequest;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialView;
import io.cloudmq.api.credential.OperatorCredentialView;
import io.cloudmq.api.failover.SwitchoverJobView;
import io.cloudmq.api.instance.CreateInstanceRequest;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.api.instance.UpdateInstanceRequest;
import io.cloudmq.api.message.MessageQueryView;
import io.cloudmq.api.message.RolledBackTransactionView;
import io.cloudmq.api.metrics.MetricSeriesView;
import io.cloudmq.api.node.NodeView;
import io.cloudmq.api.reconcile.OutboxEntryView;
import io.cloudmq.api.reconcile.OutboxState;
import io.cloudmq.api.reconcile.ReconciliationView;
import io.cloudmq.api.security.ApiKeyView;
import io.cloudmq.api.security.CreateApiKeyRequest;
import io.cloudmq.api.security.CreatedApiKeyView;
import io.cloudmq.api.topic.CreateTopicRequest;
import io.cloudmq.api.topic.TopicStatsView;
import io.cloudmq.api.topic.TopicView;
import io.cloudmq.api.topic.UpdateTopicRequest;
import io.cloudmq.api.upgrade.CanaryView;
import io.cloudmq.api.upgrade.PreCheckView;
import io.cloudmq.api.upgrade.RescheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.ScheduleUpgradeWindowRequest;
import io.cloudmq.api.upgrade.UpgradeProgressView;
import io.cloudmq.api.upgrade.UpgradeReportView;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Java client of the control-plane REST API {@code /api/v1}. Every method either returns the answer, throws
 * {@link ProblemException} for an error answer (type, status, code, field errors, extensions) or
 * {@link ManagementClientException} when no answer arrived. No retries. Thread-safe; one instance per
 * base URL and token can be shared.
 *
 * <p>Methods with an {@code idempotencyKey} send it as {@code Idempotency-Key}: repeating the call with the
 * same key and body returns the first answer again. Methods with an {@code expectedVersion} send it as
 * {@code If-Match} (a view's {@code version}); {@code null} skips the check.
 */
public final class ManagementClient {
    private final JsonHttp http;

    private ManagementClient(JsonHttp http) {
        this.http = http;
    }

    /**
     * A client for {@code baseUrl} (e.g. {@code http://localhost:8080}) authenticating with the bearer token
     * {@code cmq_<keyId>_<secret>}; requests time out after {@code timeout}.
     */
    public static ManagementClient create(URI baseUrl, String apiToken, Duration timeout) {
        HttpClient httpClient = HttpClient.newBuilder().connectTimeout(timeout).build();
        return new ManagementClient(new JsonHttp(httpClient, baseUrl, apiToken, timeout));
    }

    // ---- instances

    /** Creates an instance. */
    public InstanceView createInstance(CreateInstanceRequest request, @Nullable String idempotencyKey) {
        return http.post("/api/v1/instances", request, idempotencyKey, InstanceView.class);
    }

    /** Reads an instance. */
    public InstanceView getInstance(String instanceId) {
        return http.get(instancePath(instanceId), InstanceView.class);
    }

    /** Lists instances, ordered by id. */
    public PageView<InstanceView> listInstances(@Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage("/api/v1/instances", pageToken, pageSize, InstanceView.class);
    }

    /** Changes an instance's name, description or quotas. */
    public InstanceView updateInstance(
            String instanceId, UpdateInstanceRequest request, @Nullable Long expectedVersion) {
        return http.patch(instancePath(instanceId), request, expectedVersion, InstanceView.class);
    }

    /** Deletes an instance; one with topics, groups or credentials only when {@code force}, which deletes them too. */
    public void deleteInstance(String instanceId, boolean force, @Nullable Long expectedVersion) {
        http.delete(instancePath(instanceId) + (force ? "?force=true" : ""), expectedVersion);
    }

    // ---- topics

    /** Creates a topic. */
    public TopicView createTopic(String instanceId, CreateTopicRequest request, @Nullable String idempotencyKey) {
        return http.post(instancePath(instanceId) + "/topics", request, idempotencyKey, TopicView.class);
    }

    /** Reads a topic. */
    public TopicView getTopic(String instanceId, String topic) {
        return http.get(topicPath(instanceId, topic), TopicView.class);
    }

    /** Lists an instance's topics, ordered by name. */
    public PageView<TopicView> listTopics(String instanceId, @Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage(instancePath(instanceId) + "/topics", pageToken, pageSize, TopicView.class);
    }

    /** Changes a topic's permission, queue count or remark. */
    public TopicView updateTopic(
            String instanceId, String topic, UpdateTopicRequest request, @Nullable Long expectedVersion) {
        return http.patch(topicPath(instanceId, topic), request, expectedVersion, TopicView.class);
    }

    /** Deletes a topic. */
    public void deleteTopic(String instanceId, String topic, @Nullable Long expectedVersion) {
        http.delete(topicPath(instanceId, topic), expectedVersion);
    }

    // ---- consumer groups

    /** Creates a consumer group. */
    public ConsumerGroupView createConsumerGroup(
            String instanceId, CreateConsumerGroupRequest request, @Nullable String idempotencyKey) {
        return http.post(
                instancePath(instanceId) + "/consumer-groups", request, idempotencyKey, ConsumerGroupView.class);
    }

    /** Reads a consumer group. */
    public ConsumerGroupView getConsumerGroup(String instanceId, String group) {
        return http.get(groupPath(instanceId, group), ConsumerGroupView.class);
    }

    /** Lists an instance's consumer groups, ordered by name. */
    public PageView<ConsumerGroupView> listConsumerGroups(
            String instanceId, @Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage(
                instancePath(instanceId) + "/consumer-groups", pageToken, pageSize, ConsumerGroupView.class);
    }

    /** Changes a consumer group. */
    public ConsumerGroupView updateConsumerGroup(
            String instanceId, String group, UpdateConsumerGroupRequest request, @Nullable Long expectedVersion) {
        return http.patch(groupPath(instanceId, group), request, expectedVersion, ConsumerGroupView.class);
    }

    /** Deletes a consumer group. */
    public void deleteConsumerGroup(String instanceId, String group, @Nullable Long expectedVersion) {
        http.delete(groupPath(instanceId, group), expectedVersion);
    }

    // ---- offset resets (backtracking)

    /** Resets a consumer group's offsets, or with {@code dryRun} only plans the reset. */
    public OffsetResetView resetOffsets(
            String instanceId, String group, OffsetResetRequest request, @Nullable String idempotencyKey) {
        return http.post(groupPath(instanceId, group) + "/offset-resets", request, idempotencyKey, OffsetResetView.class);
    }

    /** Lists a group's applied offset resets, newest first. */
    public PageView<OffsetResetView> listOffsetResets(
            String instanceId, String group, @Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage(groupPath(instanceId, group) + "/offset-resets", pageToken, pageSize, OffsetResetView.class);
    }

    /** Restores the offsets a reset replaced. */
    public OffsetResetView undoOffsetReset(String instanceId, String group, String resetId) {
        return http.post(groupPath(instanceId, group) + "/offset-resets/" + resetId + "/undo", null, null,
                OffsetResetView.class);
    }

    // ---- dead letters

    /** Reads page {@code page} (from 0) of a group's dead letters, oldest first. */
    public PageView<DeadLetterView> listDeadLetters(String instanceId, String group, int page, int size) {
        return http.getPage(groupPath(instanceId, group) + "/dead-letters?page=" + page + "&size=" + size, null, null,
                DeadLetterView.class);
    }

    /** Sends dead letters again to their original topics; the idempotency key makes a repeated call resend nothing. */
    public DeadLetterResendView resendDeadLetters(
            String instanceId, String group, DeadLetterResendRequest request, @Nullable String idempotencyKey) {
        return http.post(groupPath(instanceId, group) + "/dead-letters/resends", request, idempotencyKey,
                DeadLetterResendView.class);
    }

    // ---- rolled-back transactions

    /** Reads page {@code page} (from 0) of an instance's transaction messages rolled back after the maximum checks. */
    public PageView<RolledBackTransactionView> listRolledBackTransactions(String instanceId, int page, int size) {
        return http.getPage(instancePath(instanceId) + "/rolled-back-transactions?page=" + page + "&size=" + size,
                null, null, RolledBackTransactionView.class);
    }

    // ---- credentials

    /**
     * Creates an AccessKey/SecretKey pair for an instance; the answer holds the only copy of the SecretKey.
     * The idempotency key is not honoured here: an answer holding a secret is never stored for replay.
     */
    public CreatedCredentialView createCredential(
            String instanceId, CreateCredentialRequest request, @Nullable String idempotencyKey) {
        return http.post(instancePath(instanceId) + "/credentials", request, idempotencyKey,
                CreatedCredentialView.class);
    }

    /** Reads a credential (never its SecretKey). */
    public CredentialView getCredential(String instanceId, String accessKey) {
        return http.get(credentialPath(instanceId, accessKey), CredentialView.class);
    }

    /** Lists an instance's credentials, ordered by AccessKey (never their SecretKeys). */
    public PageView<CredentialView> listCredentials(
            String instanceId, @Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage(instancePath(instanceId) + "/credentials", pageToken, pageSize, CredentialView.class);
    }

    /** Disables a credential: nodes refuse requests signed with it. Disabling a disabled one changes nothing. */
    public CredentialView disableCredential(String instanceId, String accessKey) {
        return http.post(credentialPath(instanceId, accessKey) + "/disable", null, null, CredentialView.class);
    }

    /** Enables a disabled credential again. Enabling an enabled one changes nothing. */
    public CredentialView enableCredential(String instanceId, String accessKey) {
        return http.post(credentialPath(instanceId, accessKey) + "/enable", null, null, CredentialView.class);
    }

    /** Deletes a credential. */
    public void deleteCredential(String instanceId, String accessKey) {
        http.delete(credentialPath(instanceId, accessKey), null);
    }

    /** Reads the AccessKey of a cluster's operator credential (admin keys only; 403 for read-only keys). */
    public OperatorCredentialView getOperatorCredential(String clusterId) {
        return http.get("/api/v1/clusters/" + JsonHttp.encode(clusterId) + "/operator-credential",
                OperatorCredentialView.class);
    }

    // ---- clusters and upgrade windows

    /** Lists the clusters. */
    public List<ClusterView> listClusters() {
        return http.getList("/api/v1/clusters", ClusterView.class);
    }

    /** Lists the nodes of a cluster with their measured state, ordered by node id. */
    public List<NodeView> listNodes(String clusterId) {
        return http.getList(clusterPath(clusterId) + "/nodes", NodeView.class);
    }

    /** Starts a planned master switch of a broker group (202 with the job). */
    public SwitchoverJobView switchover(String clusterId, String brokerName, @Nullable String idempotencyKey) {
        return http.post(clusterPath(clusterId) + "/broker-groups/" + brokerName + "/switchover", null,
                idempotencyKey, SwitchoverJobView.class);
    }

    /** Reads a switchover job. */
    public SwitchoverJobView getSwitchoverJob(String clusterId, UUID jobId) {
        return http.get(clusterPath(clusterId) + "/switchover-jobs/" + jobId, SwitchoverJobView.class);
    }

    /** What each node of a cluster serves compared with the cluster's desired-state generation. */
    public ReconciliationView getReconciliation(String clusterId) {
        return http.get(clusterPath(clusterId) + "/reconciliation", ReconciliationView.class);
    }

    /** Pages through a cluster's reconcile outbox, newest first; {@code state} {@code null} lists every state. */
    public PageView<OutboxEntryView> listOutbox(
            String clusterId, @Nullable OutboxState state, @Nullable String pageToken, @Nullable Integer pageSize) {
        String path = clusterPath(clusterId) + "/outbox" + (state == null ? "" : "?state=" + state.name());
        return http.getPage(path, pageToken, pageSize, OutboxEntryView.class);
    }

    /** Reads a cluster. */
    public ClusterView getCluster(String clusterId) {
        return http.get(clusterPath(clusterId), ClusterView.class);
    }

    /** Schedules an upgrade window; overlapping another non-terminal window is refused with 409. */
    public UpgradeWindowView scheduleUpgradeWindow(
            String clusterId, ScheduleUpgradeWindowRequest request, @Nullable String idempotencyKey) {
        return http.post(windowsPath(clusterId), request, idempotencyKey, UpgradeWindowView.class);
    }

    /** Reads an upgrade window. */
    public UpgradeWindowView getUpgradeWindow(String clusterId, UUID windowId) {
        return http.get(windowPath(clusterId, windowId), UpgradeWindowView.class);
    }

    /** Lists a cluster's upgrade windows, oldest first. */
    public PageView<UpgradeWindowView> listUpgradeWindows(
            String clusterId, @Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage(windowsPath(clusterId), pageToken, pageSize, UpgradeWindowView.class);
    }

    /** Moves a {@code SCHEDULED} window. */
    public UpgradeWindowView rescheduleUpgradeWindow(
            String clusterId, UUID windowId, RescheduleUpgradeWindowRequest request, @Nullable Long expectedVersion) {
        return http.patch(windowPath(clusterId, windowId), request, expectedVersion, UpgradeWindowView.class);
    }

    /** Starts a {@code SCHEDULED} window now; from then on the cluster's instances are locked. */
    public UpgradeWindowView startUpgradeWindow(String clusterId, UUID windowId) {
        return http.post(windowPath(clusterId, windowId) + "/start", null, null, UpgradeWindowView.class);
    }

    /** Cancels a {@code SCHEDULED} window. */
    public UpgradeWindowView cancelUpgradeWindow(String clusterId, UUID windowId) {
        return http.post(windowPath(clusterId, windowId) + "/cancel", null, null, UpgradeWindowView.class);
    }

    /** Aborts an {@code IN_PROGRESS} or {@code PAUSED} window (state {@code FAILED}), which releases the lock. */
    public UpgradeWindowView abortUpgradeWindow(String clusterId, UUID windowId) {
        return http.post(windowPath(clusterId, windowId) + "/abort", null, null, UpgradeWindowView.class);
    }

    /** {@code POST …/upgrade-windows/{windowId}/pause}. */
    public UpgradeWindowView pauseUpgradeWindow(String clusterId, UUID windowId) {
        return http.post(windowPath(clusterId, windowId) + "/pause", null, null, UpgradeWindowView.class);
    }

    /** {@code POST …/upgrade-windows/{windowId}/resume}. */
    public UpgradeWindowView resumeUpgradeWindow(String clusterId, UUID windowId) {
        return http.post(windowPath(clusterId, windowId) + "/resume", null, null, UpgradeWindowView.class);
    }

    /** {@code POST …/upgrade-windows/{windowId}/pre-check}: runs the dry run and stores it with the window. */
    public PreCheckView runUpgradePreCheck(String clusterId, UUID windowId) {
        return http.post(windowPath(clusterId, windowId) + "/pre-check", null, null, PreCheckView.class);
    }

    /** {@code GET …/upgrade-windows/{windowId}/pre-check}: the latest stored pre-check. */
    public PreCheckView getUpgradePreCheck(String clusterId, UUID windowId) {
        return http.get(windowPath(clusterId, windowId) + "/pre-check", PreCheckView.class);
    }

    /** {@code GET …/upgrade-windows/{windowId}/progress}: the window's state, pause reason and per-node steps. */
    public UpgradeProgressView getUpgradeProgress(String clusterId, UUID windowId) {
        return http.get(windowPath(clusterId, windowId) + "/progress", UpgradeProgressView.class);
    }

    /** {@code GET …/upgrade-windows/{windowId}/report}: the window's impact (canary, per-node times, groups). */
    public UpgradeReportView getUpgradeReport(String clusterId, UUID windowId) {
        return http.get(windowPath(clusterId, windowId) + "/report", UpgradeReportView.class);
    }

    /** {@code GET /api/v1/clusters/{clusterId}/canary}: the cluster's canary and its figures. */
    public CanaryView getCanary(String clusterId) {
        return http.get(clusterPath(clusterId) + "/canary", CanaryView.class);
    }

    // ---- API keys and audit

    /** Creates a management API key (admin only); the answer holds the only copy of the token. */
    public CreatedApiKeyView createApiKey(CreateApiKeyRequest request, @Nullable String idempotencyKey) {
        return http.post("/api/v1/api-keys", request, idempotencyKey, CreatedApiKeyView.class);
    }

    /** Lists the API keys (admin only). */
    public List<ApiKeyView> listApiKeys() {
        return http.getList("/api/v1/api-keys", ApiKeyView.class);
    }

    /** Revokes an API key (admin only). */
    public void deleteApiKey(String keyId) {
        http.delete("/api/v1/api-keys/" + JsonHttp.encode(keyId), null);
    }

    /** Pages through the audit trail, newest first. */
    public PageView<AuditEventView> listAuditEvents(@Nullable String pageToken, @Nullable Integer pageSize) {
        return http.getPage("/api/v1/audit-events", pageToken, pageSize, AuditEventView.class);
    }

    // ---- read APIs (topic stats, consumers, lag, messages, metrics history)

    /** Message count, rates and queues of a topic. */
    public TopicStatsView getTopicStats(String instanceId, String topic) {
        return http.get(topicPath(instanceId, topic) + "/stats", TopicStatsView.class);
    }

    /** The consumers of a group connected to the brokers. */
    public ConsumerClientsView getConsumerClients(String instanceId, String group) {
        return http.get(groupPath(instanceId, group) + "/clients", ConsumerClientsView.class);
    }

    /** A group's lag per queue. */
    public ConsumerLagView getConsumerLag(String instanceId, String group) {
        return http.get(groupPath(instanceId, group) + "/lag", ConsumerLagView.class);
    }

    /** The message with an offset message id (or a client-generated unique id). */
    public MessageQueryView queryMessageById(String instanceId, String messageId) {
        return http.get(instancePath(instanceId) + "/messages?messageId=" + JsonHttp.encode(messageId),
                MessageQueryView.class);
    }

    /** The messages of a topic carrying {@code key} among their keys. */
    public MessageQueryView queryMessagesByKey(String instanceId, String topic, String key) {
        return http.get(instancePath(instanceId) + "/messages?topic=" + JsonHttp.encode(topic) + "&key="
                + JsonHttp.encode(key), MessageQueryView.class);
    }

    /** The last hour of a topic's send and receive rates. */
    public MetricSeriesView getTopicMetrics(String instanceId, String topic) {
        return http.get(topicPath(instanceId, topic) + "/metrics", MetricSeriesView.class);
    }

    /** The last hour of a group's lag. */
    public MetricSeriesView getConsumerGroupMetrics(String instanceId, String group) {
        return http.get(groupPath(instanceId, group) + "/metrics", MetricSeriesView.class);
    }

    // ---- raw access

    /**
     * Sends an arbitrary request (for tools and tests that need bodies the typed methods cannot produce).
     *
     * @return the response body of a 2xx answer, as text
     * @throws ProblemException for any other status
     */
    public String exchange(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
        return http.exchange(method, path, contentType, body);
    }

    private static String instancePath(String instanceId) {
        return "/api/v1/instances/" + JsonHttp.encode(instanceId);
    }

    private static String topicPath(String instanceId, String topic) {
        return instancePath(instanceId) + "/topics/" + JsonHttp.encode(topic);
    }

    private static String groupPath(String instanceId, String group) {
        return instancePath(instanceId) + "/consumer-groups/" + JsonHttp.encode(group);
    }

    private static String clusterPath(String clusterId) {
        return "/api/v1/clusters/" + JsonHttp.encode(clusterId);
    }

    private static String credentialPath(String instanceId, String accessKey) {
        return instancePath(instanceId) + "/credentials/" + JsonHttp.encode(accessKey);
    }

    private static String windowsPath(String clusterId) {
        return clusterPath(clusterId) + "/upgrade-windows";
    }

    private static String windowPath(String clusterId, UUID windowId) {
        return windowsPath(clusterId) + "/" + windowId;
    }
}
