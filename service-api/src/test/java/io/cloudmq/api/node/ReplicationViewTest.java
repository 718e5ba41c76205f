package io.cloudmq.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReplicationViewTest {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void anAnswerOfANodeThatDoesNotReportTheLagInTimeReadsAsNoLag() {
        ReplicationView view = json.readValue("""
                {"brokerRole":"SLAVE","brokerId":1,"epoch":3,"endOffset":4096,"syncAckedOffset":-1,
                 "inSync":true,"lagBytes":2048}""", ReplicationView.class);

        assertThat(view).isEqualTo(new ReplicationView("SLAVE", 1, 3, 4096, -1, true, 2048, 0));
    }

    @Test
    void theLagInTimeTravelsWithTheView() {
        ReplicationView view = new ReplicationView("SLAVE", 1, 3, 4096, -1, false, 2048, 3500);

        assertThat(json.readValue(json.writeValueAsString(view), ReplicationView.class)).isEqualTo(view);
    }
}
