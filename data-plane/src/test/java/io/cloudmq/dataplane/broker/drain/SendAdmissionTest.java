package io.cloudmq.dataplane.broker.drain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.remoting.netty.RequestAdmission.Admission;
import io.cloudmq.dataplane.remoting.protocol.LanguageCode;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import io.cloudmq.dataplane.remoting.protocol.SerializeType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendAdmissionTest {
    private static final int OLD_CLIENT = 475;
    private static final int NEW_CLIENT = 476;

    private final DrainParts parts = DrainParts.create(new SimpleMeterRegistry(), Clock.systemUTC());

    @Test
    void everyRequestIsProcessedWhileServingOrFenced() {
        for (DrainPhase phase : new DrainPhase[] {DrainPhase.SERVING, DrainPhase.FENCED}) {
            parts.state().enter(phase);
            assertThat(admit(send(NEW_CLIENT))).isEqualTo(Admission.PROCESS);
        }
        assertThat(parts.goAways().count()).isZero();
    }

    @Test
    void closingSendsAnswersGoAwayToNewClientsOnlyAndCountsIt() {
        parts.state().enter(DrainPhase.CLOSING_SENDS);

        assertThat(admit(send(NEW_CLIENT))).isEqualTo(Admission.GO_AWAY);
        assertThat(admit(send(OLD_CLIENT))).isEqualTo(Admission.PROCESS);
        assertThat(admit(send(NEW_CLIENT).asOneway())).isEqualTo(Admission.PROCESS);
        assertThat(admit(request(RequestCode.CONSUMER_SEND_MSG_BACK, NEW_CLIENT))).isEqualTo(Admission.GO_AWAY);
        assertThat(parts.goAways().count()).isEqualTo(2);
    }

    @Test
    void frozenClosesTheConnectionOfSendsGoAwayCannotTurnAway() {
        parts.state().enter(DrainPhase.FROZEN);

        assertThat(admit(send(NEW_CLIENT))).isEqualTo(Admission.GO_AWAY);
        assertThat(admit(send(OLD_CLIENT))).isEqualTo(Admission.CLOSE);
        assertThat(admit(send(NEW_CLIENT).asOneway())).isEqualTo(Admission.CLOSE);
    }

    @Test
    void pullsOffsetCommitsAndEndTransactionAreProcessedInEveryPhase() {
        for (DrainPhase phase : DrainPhase.values()) {
            parts.state().enter(phase);
            assertThat(admit(request(RequestCode.PULL_MESSAGE, NEW_CLIENT))).isEqualTo(Admission.PROCESS);
            assertThat(admit(request(RequestCode.UPDATE_CONSUMER_OFFSET, NEW_CLIENT).asOneway()))
                    .isEqualTo(Admission.PROCESS);
            assertThat(admit(request(RequestCode.END_TRANSACTION, NEW_CLIENT).asOneway())).isEqualTo(Admission.PROCESS);
        }
    }

    @Test
    void processedRequestsAreRecordedAsServedAndGoAwaysAreNot() {
        parts.state().enter(DrainPhase.CLOSING_SENDS);
        admit(send(NEW_CLIENT));
        assertThat(parts.served().first()).isNull();

        admit(send(OLD_CLIENT));
        assertThat(parts.served().first()).isNotNull();
        assertThat(parts.served().last()).isAfterOrEqualTo(parts.served().first());
    }

    private Admission admit(RemotingCommand request) {
        return parts.admission().admit(request);
    }

    private static RemotingCommand send(int version) {
        return request(RequestCode.SEND_MESSAGE_V2, version);
    }

    private static RemotingCommand request(int code, int version) {
        return new RemotingCommand(code, LanguageCode.JAVA, version, 1, 0, null, Map.of(), new byte[0],
                SerializeType.JSON);
    }
}
