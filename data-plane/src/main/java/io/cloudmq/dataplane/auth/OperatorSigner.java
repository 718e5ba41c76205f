package io.cloudmq.dataplane.auth;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.function.UnaryOperator;

/**
 * Signs the requests a node sends to other nodes (a broker's REGISTER_BROKER and UNREGISTER_BROKER) with
 * the operator credential of the registry's current table ({@link RequestSignature#sign}). Before the node
 * has an operator credential the request goes unsigned, and the name server refuses it until the next
 * attempt after the credential arrived. Thread-safe: each call reads the current table once.
 */
public final class OperatorSigner implements UnaryOperator<RemotingCommand> {
    private final CredentialRegistry registry;

    public OperatorSigner(CredentialRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RemotingCommand apply(RemotingCommand request) {
        return registry.current().operator()
                .map(operator -> RequestSignature.sign(request, operator.accessKey(), operator.secretKey()))
                .orElse(request);
    }
}
