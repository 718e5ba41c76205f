package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.netty.RequestTranslator;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.body.RemotingJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The server side of {@code namespaceV2} clients (5.5.0 {@code ClientConfig.setNamespaceV2}): such a client
 * names topics and groups bare and sends its namespace in the ext field {@value NamespacedNames#NAMESPACE_FIELD}.
 * Every name a request carries where {@link RequestAccessTable} says it names one (header fields and JSON body
 * paths) becomes its wire name ({@link NamespacedNames#wrap}), so processors work on {@code <ns>%x} exactly as
 * for {@code setNamespace} clients, which prefix names themselves. Requests without a namespace pass unchanged.
 *
 * <p>Answers that name topics the client compares with its own bare names get the namespace removed again:
 *
 * <pre>
 * | code             | response body path  |
 * |------------------|---------------------|
 * | 41 LOCK_BATCH_MQ | lockOKMQSet[].topic |
 * </pre>
 *
 * Messages keep their stored topic {@code <ns>%x} in pull answers, as the open-source broker has no server
 * side for {@code namespaceV2} and the 5.5.0 client passes the topic to the listener as it arrives.
 * A body that is not JSON is left as it is (its processor rejects it). Stateless and thread-safe.
 */
public final class RequestNamespaceTranslator implements RequestTranslator {
    private static final Map<Integer, List<String>> RESPONSE_TOPIC_PATHS =
            Map.of(RequestCode.LOCK_BATCH_MQ, List.of("lockOKMQSet[].topic"));

    @Override
    public RemotingCommand inbound(RemotingCommand request) {
        String namespace = NamespacedNames.requestNamespace(request);
        if (namespace == null) {
            return request;
        }
        AccessRule rule = RequestAccessTable.rule(request.code()).orElse(null);
        if (rule == null || rule.fields().isEmpty()) {
            return request;
        }
        UnaryOperator<String> toWireName = name -> name.isEmpty() ? name : NamespacedNames.wrap(namespace, name);
        Map<String, String> extFields = new HashMap<>(request.extFields());
        List<String> bodyPaths = new ArrayList<>();
        for (ResourceField field : rule.fields()) {
            if (field.location() == ResourceField.Location.HEADER) {
                extFields.computeIfPresent(field.path(), (key, name) -> toWireName.apply(name));
            } else {
                bodyPaths.add(field.path());
            }
        }
        return rewriteBody(request.withExtFields(extFields), bodyPaths, toWireName);
    }

    @Override
    public RemotingCommand outbound(RemotingCommand request, RemotingCommand response) {
        String namespace = NamespacedNames.requestNamespace(request);
        List<String> paths = RESPONSE_TOPIC_PATHS.get(request.code());
        if (namespace == null || paths == null) {
            return response;
        }
        return rewriteBody(response, paths, name -> NamespacedNames.isInside(namespace, name)
                ? NamespacedNames.localName(namespace, name)
                : name);
    }

    private static RemotingCommand rewriteBody(
            RemotingCommand command, List<String> paths, UnaryOperator<String> rename) {
        if (paths.isEmpty() || command.body().length == 0) {
            return command;
        }
        JsonNode body;
        try {
            body = RemotingJson.mapper().readTree(command.body());
        } catch (JacksonException e) {
            return command;
        }
        for (String path : paths) {
            BodyPaths.leaves(body, path).forEach(leaf -> leaf.replace(rename.apply(leaf.value())));
        }
        return command.withBody(RemotingJson.mapper().writeValueAsBytes(body));
    }
}
