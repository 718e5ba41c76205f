package io.cloudmq.dataplane.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminRouteTest {
    private static final AdminEndpoint ANSWER = request -> AdminResponse.ok("ok");

    @Test
    void templateSegmentsMatchOneNonEmptySegmentEach() {
        AdminRoute route = AdminRoute.get("/admin/v1/topics/{topic}/stats", ANSWER);

        assertThat(route.match("/admin/v1/topics/ns%orders/stats")).isEqualTo(Map.of("topic", "ns%orders"));
        assertThat(route.match("/admin/v1/topics//stats")).isNull();
        assertThat(route.match("/admin/v1/topics/a/b/stats")).isNull();
        assertThat(route.match("/admin/v1/topics/a/offsets")).isNull();
    }

    @Test
    void exactPathsMatchOnlyThemselves() {
        AdminRoute route = AdminRoute.get("/admin/v1/messages", ANSWER);

        assertThat(route.match("/admin/v1/messages")).isEmpty();
        assertThat(route.match("/admin/v1/messages/ID")).isNull();
    }

    @Test
    void queryParametersAreDecodedAndTheFirstOfARepeatedNameWins() {
        assertThat(QueryParameters.parse("topic=ns%25orders&key=a+b&key=c&flag")).isEqualTo(
                Map.of("topic", "ns%orders", "key", "a b", "flag", ""));
        assertThat(QueryParameters.parse(null)).isEmpty();
    }
}
