package io.cloudmq.controlplane.credential;

import io.cloudmq.api.common.PageView;
import io.cloudmq.api.credential.CreateCredentialRequest;
import io.cloudmq.api.credential.CreatedCredentialView;
import io.cloudmq.api.credential.CredentialView;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.controlplane.consumergroup.ConsumerGroupService;
import io.cloudmq.controlplane.instance.InstanceConfigChanged;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.instance.QuotaExceededException;
import io.cloudmq.controlplane.shared.error.InvalidFieldException;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import io.cloudmq.controlplane.shared.web.PageCursor;
import io.cloudmq.controlplane.topic.TopicService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of instance credentials. Every mutation first calls {@link InstanceService#lockForMutation} in its
 * transaction, so it is refused with 423 under an upgrade lock. The SecretKey is generated here, returned once
 * by {@link #create}, stored only sealed by {@link SecretCipher}, and opened again only by
 * {@link #credentialsOf} for the nodes. It is never logged. Create, enable, disable and delete publish
 * {@link InstanceConfigChanged} in their transaction, so the nodes verify signatures with the new set.
 */
@Service
public class CredentialService {
    /** Most credentials one instance may hold. */
    static final int MAX_PER_INSTANCE = 50;
    private static final Logger log = LoggerFactory.getLogger(CredentialService.class);

    private final CredentialRepository credentials;
    private final InstanceService instances;
    private final TopicService topics;
    private final ConsumerGroupService groups;
    private final SecretCipher cipher;
    private final CredentialKeys keys;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CredentialService(CredentialRepository credentials, InstanceService instances, TopicService topics,
            ConsumerGroupService groups, SecretCipher cipher, CredentialKeys keys, ApplicationEventPublisher events,
            Clock clock) {
        this.credentials = credentials;
        this.instances = instances;
        this.topics = topics;
        this.groups = groups;
        this.cipher = cipher;
        this.keys = keys;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a credential; listed topics and groups must exist in the instance (400 naming the missing ones).
     *
     * @return the credential with its SecretKey, which no later call returns
     */
    @Transactional
    public CreatedCredentialView create(String instanceId, CreateCredentialRequest request) {
        InstanceView instance = instances.lockForMutation(instanceId);
        QuotaExceededException.check(
                instanceId, "credentials", credentials.countByInstanceId(instanceId), MAX_PER_INSTANCE);
        List<String> topicNames =
                existing(instanceId, "topics", request.topics(), name -> topics.exists(instanceId, name));
        List<String> groupNames =
                existing(instanceId, "groups", request.groups(), name -> groups.exists(instanceId, name));
        String accessKey = keys.accessKey();
        String secretKey = keys.secretKey();
        Credential credential = new Credential(accessKey, instanceId, request.role(), topicNames, groupNames,
                cipher.seal(accessKey, secretKey), clock.instant());
        CredentialView view = credentials.saveAndFlush(credential).toView();
        log.info("Created credential {} ({}) in instance {}", accessKey, request.role(), instanceId);
        publish(instance, accessKey, "created");
        return new CreatedCredentialView(view, secretKey);
    }

    @Transactional(readOnly = true)
    public CredentialView get(String instanceId, String accessKey) {
        return find(instanceId, accessKey).toView();
    }

    /** A page of the instance's credentials, ordered by AccessKey. */
    @Transactional(readOnly = true)
    public PageView<CredentialView> list(String instanceId, PageCursor cursor) {
        instances.get(instanceId);
        Limit limit = Limit.of(cursor.fetchSize());
        List<Credential> rows = cursor.after() == null
                ? credentials.findByInstanceIdOrderByAccessKeyAsc(instanceId, limit)
                : credentials.findByInstanceIdAndAccessKeyGreaterThanOrderByAccessKeyAsc(
                        instanceId, cursor.after(), limit);
        return cursor.page(rows, Credential::accessKey, Credential::toView);
    }

    /** Enables or disables a credential; setting the state it has already changes nothing. */
    @Transactional
    public CredentialView setEnabled(String instanceId, String accessKey, boolean enabled) {
        InstanceView instance = instances.lockForMutation(instanceId);
        Credential credential = find(instanceId, accessKey);
        credential.enable(enabled);
        publish(instance, accessKey, enabled ? "enabled" : "disabled");
        log.info("Credential {} of instance {} {}", accessKey, instanceId, enabled ? "enabled" : "disabled");
        return credentials.saveAndFlush(credential).toView();
    }

    @Transactional
    public void delete(String instanceId, String accessKey) {
        InstanceView instance = instances.lockForMutation(instanceId);
        credentials.delete(find(instanceId, accessKey));
        credentials.flush();
        publish(instance, accessKey, "deleted");
        log.info("Deleted credential {} of instance {}", accessKey, instanceId);
    }

    /**
     * Every credential of an instance, disabled ones included, with its SecretKey decrypted: what the
     * reconciler puts into the desired state pushed to the nodes, which verify request signatures with it.
     * The result must go nowhere else (no log, no API answer). Ordered by AccessKey; 404 if the instance is
     * unknown.
     *
     * @throws SecretUnreadableException if a stored secret does not decrypt under the master key
     */
    @Transactional(readOnly = true)
    public List<InstanceCredential> credentialsOf(String instanceId) {
        instances.get(instanceId);
        return credentials.findByInstanceIdOrderByAccessKeyAsc(instanceId).stream()
                .map(row -> row.withSecret(cipher.open(row.accessKey(), row.secretCiphertext())))
                .toList();
    }

    /**
     * Records a use of a credential reported by a node; an older report than the stored one changes nothing,
     * and an AccessKey that no longer exists is ignored (deleted meanwhile). Not an instance mutation, so not
     * subject to the upgrade lock.
     */
    @Transactional
    public void recordUse(String accessKey, Instant usedAt) {
        credentials.findById(accessKey).ifPresent(credential -> credential.usedAt(usedAt));
    }

    private static List<String> existing(String instanceId, String field, @Nullable List<String> names,
            Predicate<String> exists) {
        if (names == null) {
            return List.of();
        }
        List<String> distinct = names.stream().distinct().sorted().toList();
        List<String> missing = distinct.stream().filter(exists.negate()).toList();
        if (!missing.isEmpty()) {
            throw new InvalidFieldException(field, "names " + missing + ", not in instance " + instanceId);
        }
        return distinct;
    }

    private void publish(InstanceView instance, String accessKey, String what) {
        events.publishEvent(
                new InstanceConfigChanged(instance.cluster(), instance.id(), "credential " + accessKey + " " + what));
    }

    private Credential find(String instanceId, String accessKey) {
        instances.get(instanceId);
        return credentials.findByInstanceIdAndAccessKey(instanceId, accessKey)
                .orElseThrow(() -> ResourceNotFoundException.of("credential", accessKey));
    }
}
