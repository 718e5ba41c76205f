package io.cloudmq.controlplane.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;

import io.cloudmq.api.instance.InstanceQuotas;
import io.cloudmq.api.instance.InstanceTier;
import io.cloudmq.api.instance.InstanceView;
import io.cloudmq.controlplane.shared.error.ResourceNotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Request validation and problem mapping of the instance endpoints, without a database. */
@WebMvcTest(InstanceController.class)
class InstanceControllerTest {
    private static final InstanceView INSTANCE = new InstanceView(
            "MQ_INST_123456789012_abcd1234", "orders", null, "local", InstanceTier.SINGLE_NODE,
            new InstanceQuotas(50, 50, 72, 4194304), Instant.EPOCH, Instant.EPOCH, 3);

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    InstanceService instances;

    @Test
    void createAnswers201WithLocationAndETag() {
        given(instances.create(any())).willReturn(INSTANCE);

        assertThat(mvc.post().uri("/api/v1/instances").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"orders\",\"cluster\":\"local\",\"tier\":\"single_node\"}"))
                .hasStatus(201)
                .hasHeader("Location", "/api/v1/instances/" + INSTANCE.id())
                .hasHeader("ETag", "\"3\"");
    }

    @Test
    void missingFieldsAreListedInTheValidationProblem() {
        assertThat(mvc.post().uri("/api/v1/instances").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(400)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .hasPathSatisfying("$.code", code -> assertThat(code).asString().isEqualTo("VALIDATION"))
                .hasPathSatisfying("$.errors[*].field",
                        fields -> assertThat(fields).asList().containsExactlyInAnyOrder("name", "cluster", "tier"));
    }

    @Test
    void unknownTierNamesTheField() {
        assertThat(mvc.post().uri("/api/v1/instances").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"a\",\"cluster\":\"local\",\"tier\":\"platinum\"}"))
                .hasStatus(400)
                .bodyJson()
                .hasPathSatisfying("$.errors[0].field", field -> assertThat(field).asString().isEqualTo("tier"));
    }

    @Test
    void ifMatchIsPassedAsExpectedVersion() {
        given(instances.update(eq(INSTANCE.id()), any(), eq(3L))).willReturn(INSTANCE);

        assertThat(mvc.patch().uri("/api/v1/instances/" + INSTANCE.id()).header("If-Match", "\"3\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"orders\"}"))
                .hasStatusOk();
    }

    @Test
    void ifMatchThatNamesNoVersionIs412() {
        assertThat(mvc.patch().uri("/api/v1/instances/" + INSTANCE.id()).header("If-Match", "\"abc\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(412)
                .bodyJson()
                .hasPathSatisfying("$.type", type -> assertThat(type).asString()
                        .isEqualTo("https://cloudmq.io/problems/precondition-failed"));
    }

    @Test
    void domainNotFoundBecomes404Problem() {
        given(instances.get("MQ_INST_000000000000_missing0"))
                .willThrow(ResourceNotFoundException.of("instance", "MQ_INST_000000000000_missing0"));

        assertThat(mvc.get().uri("/api/v1/instances/MQ_INST_000000000000_missing0"))
                .hasStatus(404)
                .bodyJson()
                .hasPathSatisfying("$.instance", path -> assertThat(path).asString()
                        .isEqualTo("/api/v1/instances/MQ_INST_000000000000_missing0"))
                .hasPathSatisfying("$.id", id -> assertThat(id).asString().isEqualTo("MQ_INST_000000000000_missing0"));
    }

    @Test
    void constraintRaceIsAConflictAndStaleWriteAConcurrentModification() {
        given(instances.create(any())).willThrow(new DataIntegrityViolationException("uq_something"));
        given(instances.update(eq(INSTANCE.id()), any(), eq(null)))
                .willThrow(new ObjectOptimisticLockingFailureException(Object.class, INSTANCE.id()));

        assertThat(mvc.post().uri("/api/v1/instances").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"orders\",\"cluster\":\"local\",\"tier\":\"single_node\"}"))
                .hasStatus(409)
                .bodyJson()
                .hasPathSatisfying("$.code", code -> assertThat(code).asString().isEqualTo("CONFLICT"));
        assertThat(mvc.patch().uri("/api/v1/instances/" + INSTANCE.id()).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .hasStatus(409)
                .bodyJson()
                .hasPathSatisfying("$.code", code -> assertThat(code).asString().isEqualTo("CONCURRENT_MODIFICATION"));
    }
}
