package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;

/**
 * Turns an authorized request into the form its processor expects, and that processor's response back into
 * the form the sender expects (for example the server-side namespace of {@code namespaceV2} clients). Runs
 * on the processor's executor, from several threads at once; must be thread-safe.
 */
public interface RequestTranslator {
    /** Leaves requests and responses as they are. */
    RequestTranslator IDENTITY = new RequestTranslator() {
        @Override
        public RemotingCommand inbound(RemotingCommand request) {
            return request;
        }

        @Override
        public RemotingCommand outbound(RemotingCommand request, RemotingCommand response) {
            return response;
        }
    };

    /** The request as the processor sees it; called only after the authorizer allowed {@code request}. */
    RemotingCommand inbound(RemotingCommand request);

    /** The response as the sender sees it; {@code request} is the one the sender sent, before {@link #inbound}. */
    RemotingCommand outbound(RemotingCommand request, RemotingCommand response);
}
