package io.cloudmq.dataplane.remoting.netty;

import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;

/**
 * The first step of the dispatch pipeline: whether a request is processed at all. Used by a draining
 * broker (spec §6.1): a {@link Admission#GO_AWAY} request is answered with {@code GO_AWAY} (1500, remark
 * {@value RequestDispatcher#GO_AWAY_REMARK}) without being processed, nothing is written for a oneway one;
 * on {@link Admission#CLOSE} the request is dropped unanswered and its connection is closed once the
 * connection's requests in flight have been answered.
 *
 * <p>Called on the connection's event loop for every request, possibly for many connections at once:
 * implementations are thread-safe and never block.
 */
@FunctionalInterface
public interface RequestAdmission {

    /** Processes every request. */
    RequestAdmission OPEN = request -> Admission.PROCESS;

    Admission admit(RemotingCommand request);

    /** What happens to one request. */
    enum Admission {
        /** Dispatched to its processor as usual. */
        PROCESS,
        /** Answered with {@code GO_AWAY}, never processed. */
        GO_AWAY,
        /** Dropped without an answer; the connection is closed when its in-flight requests are answered. */
        CLOSE
    }
}
