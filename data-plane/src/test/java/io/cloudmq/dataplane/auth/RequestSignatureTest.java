package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.ClientRequests.sendV2;
import static io.cloudmq.dataplane.auth.OfficialRequests.signed;
import static io.cloudmq.dataplane.auth.OfficialRequests.signedBinary;
import static io.cloudmq.dataplane.auth.Tenants.inA;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.config.Secret;
import io.cloudmq.dataplane.remoting.protocol.RemotingCommand;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signature is byte-for-byte the one the official client's AclClientRPCHook computes. */
class RequestSignatureTest {
    private static final Secret SECRET = new Secret("sk-a");

    @Test
    void verifiesAJsonRequestSignedByTheOfficialHook() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");

        assertThat(request.extField(RequestSignature.ACCESS_KEY)).isEqualTo("ak-a");
        assertThat(RequestSignature.verify(request, SECRET)).isTrue();
    }

    @Test
    void verifiesABinaryHeaderRequestSignedByTheOfficialHook() {
        RemotingCommand request = signedBinary(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");

        assertThat(RequestSignature.verify(request, SECRET)).isTrue();
    }

    @Test
    void signsExactlyAsTheOfficialHook() {
        RemotingCommand official = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");
        Map<String, String> unsigned = new HashMap<>(official.extFields());
        unsigned.remove(RequestSignature.SIGNATURE);
        unsigned.remove(RequestSignature.ACCESS_KEY);

        RemotingCommand ours = RequestSignature.sign(official.withExtFields(unsigned), "ak-a", SECRET);

        assertThat(ours.extFields()).isEqualTo(official.extFields());
    }

    @Test
    void verifiesARequestCarryingASecurityToken() {
        org.apache.rocketmq.remoting.protocol.RemotingCommand official = sendV2(inA("PG"), inA("orders"));
        new org.apache.rocketmq.acl.common.AclClientRPCHook(new org.apache.rocketmq.acl.common.SessionCredentials(
                "ak-a", "sk-a", "token-1")).doBeforeRequest("b", official);

        RemotingCommand request = OfficialRequests.onTheWire(official);

        assertThat(request.extField(RequestSignature.SECURITY_TOKEN)).isEqualTo("token-1");
        assertThat(RequestSignature.verify(request, SECRET)).isTrue();
    }

    @Test
    void refusesAnotherSecret() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");

        assertThat(RequestSignature.verify(request, new Secret("sk-b"))).isFalse();
    }

    @Test
    void verifiesRequestsUnderAlternatingSecretsOnOneThreadEachOnlyWithItsOwnSecret() {
        RemotingCommand signedA = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");
        RemotingCommand signedB = signed(sendV2(inA("PG"), inA("orders")), "ak-b", "sk-b");
        Secret secretB = new Secret("sk-b");

        for (int round = 0; round < 3; round++) {
            assertThat(RequestSignature.verify(signedA, SECRET)).isTrue();
            assertThat(RequestSignature.verify(signedB, SECRET)).isFalse();
            assertThat(RequestSignature.verify(signedB, secretB)).isTrue();
            assertThat(RequestSignature.verify(signedA, secretB)).isFalse();
        }
    }

    @Test
    void refusesTheSameHeaderWithAnotherBody() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");

        RemotingCommand replayed = request.withBody("other body".getBytes(StandardCharsets.UTF_8));

        assertThat(RequestSignature.verify(replayed, SECRET)).isFalse();
    }

    @Test
    void refusesAChangedExtField() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");
        Map<String, String> fields = new HashMap<>(request.extFields());
        fields.put("b", inA("payments"));

        assertThat(RequestSignature.verify(request.withExtFields(fields), SECRET)).isFalse();
    }

    @Test
    void refusesARequestWithoutSignature() {
        RemotingCommand request = signed(sendV2(inA("PG"), inA("orders")), "ak-a", "sk-a");
        Map<String, String> fields = new HashMap<>(request.extFields());
        fields.remove(RequestSignature.SIGNATURE);

        assertThat(RequestSignature.verify(request.withExtFields(fields), SECRET)).isFalse();
    }

    @Test
    void acceptsZoneFieldsTheClientAddsAfterSigning() {
        org.apache.rocketmq.remoting.protocol.RemotingCommand official = sendV2(inA("PG"), inA("orders"));
        new org.apache.rocketmq.acl.common.AclClientRPCHook(
                new org.apache.rocketmq.acl.common.SessionCredentials("ak-a", "sk-a")).doBeforeRequest("b", official);
        official.addExtField("__ZONE_NAME", "zone-1");
        official.addExtField("__ZONE_MODE", "true");

        RemotingCommand request = OfficialRequests.onTheWire(official);

        assertThat(request.extField("__ZONE_NAME")).isEqualTo("zone-1");
        assertThat(RequestSignature.verify(request, SECRET)).isTrue();
    }
}
