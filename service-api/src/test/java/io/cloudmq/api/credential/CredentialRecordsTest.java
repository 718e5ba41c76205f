package io.cloudmq.api.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CredentialRecordsTest {
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void rolesTravelAsPubSubAndPubPlusSub() {
        var request = new CreateCredentialRequest(CredentialRole.PUB_SUB, List.of("orders"), null);

        String json = mapper.writeValueAsString(request);

        assertThat(json).contains("\"role\":\"pub+sub\"");
        assertThat(mapper.readValue(json, CreateCredentialRequest.class)).isEqualTo(request);
        assertThat(mapper.readValue("{\"role\":\"sub\"}", CreateCredentialRequest.class).role())
                .isEqualTo(CredentialRole.SUB);
    }

    @Test
    void theSecretKeyIsMaskedInToString() {
        var view = new CredentialView("MQ_INST_000000000001_abcdefgh", "AKabcdefghij01234567", CredentialRole.PUB,
                List.of(), List.of(), true, Instant.EPOCH, null);
        var created = new CreatedCredentialView(view, "SKabcdefghijklmnopqrstuvwxyz0123456789AB");

        assertThat(created.toString()).contains("AKabcdefghij01234567").doesNotContain(created.secretKey());
    }
}
