package io.cloudmq.dataplane.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.config.Secret;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSignerTest {
    private static final Secret SECRET = new Secret("ops-secret");
    private final CredentialRegistry registry = new CredentialRegistry();
    private final RemotingCommand request =
            RemotingCommand.request(RequestCode.REGISTER_BROKER, Map.of("brokerName", "broker-a"));

    @Test
    void signsWithTheOperatorCredentialOfTheCurrentTable() {
        registry.replace(CredentialTable.of(List.of(), new OperatorCredential("OPS", SECRET)));

        RemotingCommand signed = new OperatorSigner(registry).apply(request);

        assertThat(signed.extField(RequestSignature.ACCESS_KEY)).isEqualTo("OPS");
        assertThat(RequestSignature.verify(signed, SECRET)).isTrue();
    }

    @Test
    void leavesTheRequestUnsignedWithoutAnOperatorCredential() {
        assertThat(new OperatorSigner(registry).apply(request)).isSameAs(request);
    }
}
