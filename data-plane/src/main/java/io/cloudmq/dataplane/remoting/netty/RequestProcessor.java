package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * Handles the requests of one code family. Called on the executor the processor was registered with,
 * possibly from several threads at once, so implementations must be thread-safe.
 *
 * <p>The returned stage may complete later (long polling) on any thread. It completes with the response
 * (create it with {@link RemotingCommand#responseTo}), or with null to send nothing. For oneway requests
 * the response is dropped. An exceptional completion is answered with {@code SYSTEM_ERROR}; an
 * {@link io.cloudmq.dataplane.remoting.protocol.InvalidHeaderException} carries its message as remark.
 */
@FunctionalInterface
public interface RequestProcessor {
    CompletionStage<@Nullable RemotingCommand> process(RequestContext context, RemotingCommand request);
}
