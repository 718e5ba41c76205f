package io.cloudmq.dataplane.broker.drain;

import io.cloudmq.dataplane.remoting.netty.ServedRequests;
import io.cloudmq.dataplane.remoting.netty.RequestAdmission;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.micrometer.core.instrument.Counter;
import java.util.Set;

/**
 * The GO_AWAY gate of a draining broker (spec §6.1, ARCHITECTURE §3 steps 4–5), consulted before any
 * request is processed. Only writes are gated — sends, batch sends and consumer send-backs; pulls, offset
 * commits, heartbeats and {@code END_TRANSACTION} are always processed, so consumers keep draining:
 *
 * <table>
 *   <caption>Decision for a write</caption>
 *   <tr><th>phase</th><th>sync/async, version &gt; 475</th><th>version ≤ 475</th><th>oneway</th></tr>
 *   <tr><td>SERVING, FENCED</td><td>process</td><td>process</td><td>process</td></tr>
 *   <tr><td>CLOSING_SENDS</td><td>GO_AWAY</td><td>process</td><td>process</td></tr>
 *   <tr><td>FROZEN and later</td><td>GO_AWAY</td><td>close</td><td>close</td></tr>
 * </table>
 *
 * A 5.3.2+ client answered GO_AWAY reconnects, resends once and then fails over to another broker; a
 * closed connection is a transport failure, which sync and async sends retry elsewhere. Every processed
 * request is recorded in {@link ServedRequests}; GO_AWAY answers are counted. Thread-safe; runs on the
 * event loops.
 */
public final class SendAdmission implements RequestAdmission {
    /** RocketMQ's {@code V5_3_1} ordinal: clients above it understand GO_AWAY. */
    public static final int LAST_VERSION_WITHOUT_GO_AWAY = 475;
    static final Set<Integer> WRITES = Set.of(RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2,
            RequestCode.SEND_BATCH_MESSAGE, RequestCode.CONSUMER_SEND_MSG_BACK);

    private final DrainState state;
    private final ServedRequests served;
    private final Counter goAways;

    public SendAdmission(DrainState state, ServedRequests served, Counter goAways) {
        this.state = state;
        this.served = served;
        this.goAways = goAways;
    }

    /** Whether {@code requestCode} stores a message. */
    static boolean isWrite(int requestCode) {
        return WRITES.contains(requestCode);
    }

    @Override
    public Admission admit(RemotingCommand request) {
        served.arrived();
        Admission admission = decide(state.phase(), request);
        if (admission == Admission.GO_AWAY) {
            goAways.increment();
        } else if (admission == Admission.PROCESS) {
            served.record();
        }
        return admission;
    }

    private static Admission decide(DrainPhase phase, RemotingCommand request) {
        if (!isWrite(request.code()) || phase.compareTo(DrainPhase.CLOSING_SENDS) < 0) {
            return Admission.PROCESS;
        }
        if (!request.isOneway() && request.version() > LAST_VERSION_WITHOUT_GO_AWAY) {
            return Admission.GO_AWAY;
        }
        return phase.storesSends() ? Admission.PROCESS : Admission.CLOSE;
    }
}
