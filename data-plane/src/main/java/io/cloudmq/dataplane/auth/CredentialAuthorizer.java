package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import io.cloudmq.dataplane.remoting.netty.RequestAuthorizer;
import io.cloudmq.dataplane.remoting.netty.RequestContext;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authorization hook of every broker and name server (spec §7.2, issue 5). A request passes when, in
 * this order:
 * <ol>
 *   <li>it carries an {@code AccessKey} the current {@link CredentialTable} knows;
 *   <li>its {@code Signature} verifies with that credential's SecretKey ({@link RequestSignature});
 *   <li>the credential is enabled;
 *   <li>the credential is the operator's (everything is allowed), or the code is in
 *       {@link RequestAccessTable}, is not an admin code, any {@code namespaceV2} namespace it sends
 *       (ext {@code ns}) is the credential's own, and every name it carries passes
 *       {@link TenantAccessPolicy}.
 * </ol>
 * Anything else is denied with a remark saying which rule failed; the dispatcher answers
 * {@code NO_PERMISSION} (16). Remarks and logs name the AccessKey, never the SecretKey.
 *
 * <p>Thread-safe: each call reads the registry's current table once.
 */
public final class CredentialAuthorizer implements RequestAuthorizer {
    private static final Logger log = LoggerFactory.getLogger(CredentialAuthorizer.class);

    private final CredentialRegistry registry;

    public CredentialAuthorizer(CredentialRegistry registry) {
        this.registry = registry;
    }

    @Override
    public AuthorizationDecision authorize(RequestContext context, RemotingCommand request) {
        AuthorizationDecision decision = decide(request);
        if (!decision.allowed()) {
            log.debug("refused request code {} from {}: {}",
                    request.code(), context.remoteAddress(), decision.reason());
        }
        return decision;
    }

    private AuthorizationDecision decide(RemotingCommand request) {
        String accessKey = request.extField(RequestSignature.ACCESS_KEY);
        if (accessKey == null) {
            return AuthorizationDecision.deny(
                    "unsigned request: no AccessKey (sign requests with the instance credential)");
        }
        Optional<Credential> found = registry.current().find(accessKey);
        if (found.isEmpty()) {
            return AuthorizationDecision.deny("unknown AccessKey " + accessKey);
        }
        Credential credential = found.get();
        if (request.extField(RequestSignature.SIGNATURE) == null) {
            return AuthorizationDecision.deny("no Signature for AccessKey " + accessKey);
        }
        if (!RequestSignature.verify(request, credential.secretKey())) {
            return AuthorizationDecision.deny("signature mismatch for AccessKey " + accessKey
                    + " (wrong SecretKey, or the request was changed after signing)");
        }
        return credential instanceof TenantCredential tenant
                ? authorizeTenant(tenant, request)
                : AuthorizationDecision.ALLOW;
    }

    private static AuthorizationDecision authorizeTenant(TenantCredential tenant, RemotingCommand request) {
        if (!tenant.enabled()) {
            return AuthorizationDecision.deny("AccessKey " + tenant.accessKey() + " is disabled");
        }
        Optional<AccessRule> rule = RequestAccessTable.rule(request.code());
        if (rule.isEmpty()) {
            return AuthorizationDecision.deny("request code " + request.code() + " is not available to tenants");
        }
        if (rule.get().action() == Action.ADMIN) {
            return AuthorizationDecision.deny(
                    "request code " + request.code() + " is an admin request and needs the operator credential");
        }
        String requestNamespace = NamespacedNames.requestNamespace(request);
        if (requestNamespace != null && !requestNamespace.equals(tenant.namespace())) {
            return AuthorizationDecision.deny("namespace " + requestNamespace
                    + " (ext field ns) is not the namespace of AccessKey " + tenant.accessKey());
        }
        Action action = rule.get().action();
        return ResourceNames.read(request, rule.get())
                .map(names -> TenantAccessPolicy.decide(tenant, action, names))
                .orElseGet(() -> AuthorizationDecision.deny("the body of request code " + request.code()
                        + " is not valid JSON, so the topics and groups it names cannot be checked"));
    }
}
