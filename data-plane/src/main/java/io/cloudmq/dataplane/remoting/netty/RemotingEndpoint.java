package io.cloudmq.dataplane.remoting.netty;

/**
 * What the connections of one server or client share: the dispatcher, the table of requests this
 * endpoint sent, the connection listener and the backpressure marks. Thread-safe.
 */
final class RemotingEndpoint {
    private final RequestDispatcher dispatcher;
    private final ResponseTable responses = new ResponseTable();
    private final ConnectionListener listener;
    private final int highWaterMark;
    private final int lowWaterMark;

    RemotingEndpoint(
            ProcessorRegistry registry, RequestAuthorizer authorizer, RequestTranslator translator,
            RequestAdmission admission, ConnectionListener listener, int highWaterMark, int lowWaterMark) {
        this.dispatcher = new RequestDispatcher(registry, authorizer, translator, admission);
        this.listener = listener;
        this.highWaterMark = highWaterMark;
        this.lowWaterMark = lowWaterMark;
    }

    RemotingCommandHandler newCommandHandler() {
        return new RemotingCommandHandler(dispatcher, responses, listener, highWaterMark, lowWaterMark);
    }

    ResponseTable responses() {
        return responses;
    }
}
