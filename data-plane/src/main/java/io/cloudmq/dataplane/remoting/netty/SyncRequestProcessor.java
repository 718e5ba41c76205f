package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/** A {@link RequestProcessor} that answers before it returns. Same threading contract. */
@FunctionalInterface
public interface SyncRequestProcessor extends RequestProcessor {

    RemotingCommand handle(RequestContext context, RemotingCommand request);

    @Override
    default CompletionStage<@Nullable RemotingCommand> process(RequestContext context, RemotingCommand request) {
        return CompletableFuture.completedFuture(handle(context, request));
    }
}
