package io.cloudmq.dataplane.auth;

import static io.cloudmq.dataplane.auth.Tenants.A;
import static io.cloudmq.dataplane.auth.Tenants.A_PUB;
import static io.cloudmq.dataplane.auth.Tenants.A_SUB;
import static io.cloudmq.dataplane.auth.Tenants.B;
import static io.cloudmq.dataplane.auth.Tenants.OPERATOR;
import static io.cloudmq.dataplane.auth.Tenants.inA;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.dataplane.auth.ServedRequests.Names;
import io.cloudmq.dataplane.auth.ServedRequests.Row;
import io.cloudmq.dataplane.remoting.netty.AuthorizationDecision;
import io.cloudmq.dataplane.remoting.protocol.RequestCode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The request access table, code by code, with each request built by the official client. */
class RequestAccessTableTest {
    /** Codes a server only sends to clients; no broker or name server serves them. */
    private static final Set<Integer> SENT_BY_SERVERS = Set.of(
            RequestCode.CHECK_TRANSACTION_STATE, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
            RequestCode.RESET_CONSUMER_CLIENT_OFFSET, RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT,
            RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT);
    private static final Names OWN = new Names(inA("orders"), inA("CG"), inA("PG"));
    private static final Names BARE = new Names("orders", "CG", "PG");

    private final AuthorizerFixture fixture = new AuthorizerFixture();

    @Test
    void hasARowForEveryServedCodeAndNothingElse() {
        Set<Integer> rowCodes = ServedRequests.rows().stream().map(Row::code).collect(Collectors.toSet());

        assertThat(RequestAccessTable.codes()).isEqualTo(rowCodes);
    }

    @Test
    void coversEveryKnownRequestCodeExceptThoseOnlyServersSend() {
        Set<Integer> known = Arrays.stream(RequestCode.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()))
                .map(RequestAccessTableTest::value)
                .collect(Collectors.toSet());

        assertThat(known).containsAll(RequestAccessTable.codes()).containsAll(SENT_BY_SERVERS);
        assertThat(RequestAccessTable.codes()).doesNotContainAnyElementsOf(SENT_BY_SERVERS);
        assertThat(RequestAccessTable.codes().size() + SENT_BY_SERVERS.size()).isEqualTo(known.size());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void recordsTheActionOfEachCode(Row row) {
        assertThat(RequestAccessTable.rule(row.code()).map(AccessRule::action)).contains(row.action());
    }

    @ParameterizedTest
    @MethodSource("tenantRows")
    void allowsAPubSubTenantOnItsOwnNamesInBothNamespaceStyles(Row row) {
        assertThat(fixture.authorize(row.build().apply(OWN), A).allowed()).isTrue();
        assertThat(fixture.authorize(OfficialRequests.signedWithNamespaceV2(
                row.build().apply(BARE), Tenants.NS_A, "ak-a", "sk-a")).allowed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("namingRows")
    void refusesAnotherTenantsCredentialOnTheseNames(Row row) {
        AuthorizationDecision decision = fixture.authorize(row.build().apply(OWN), B);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("is outside namespace " + Tenants.NS_B);
    }

    @ParameterizedTest
    @MethodSource("namingRows")
    void refusesEachKindOfNameTheCodeCarriesWhenItIsForeign(Row row) {
        for (ResourceKind kind : row.names()) {
            String foreign = Tenants.inB("foreign");

            AuthorizationDecision decision = fixture.authorize(row.build().apply(OWN.with(kind, foreign)), A);

            assertThat(decision.allowed()).as(kind.toString()).isFalse();
            assertThat(decision.reason()).contains(foreign + " is outside namespace " + Tenants.NS_A);
        }
    }

    @ParameterizedTest
    @MethodSource("namingRows")
    void refusesBareNamesFromASetNamespaceClient(Row row) {
        AuthorizationDecision decision = fixture.authorize(row.build().apply(BARE), A);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("is outside namespace " + Tenants.NS_A);
    }

    @ParameterizedTest
    @MethodSource("pubRows")
    void letsOnlyPublishersSend(Row row) {
        assertThat(fixture.authorize(row.build().apply(OWN), A_PUB).allowed()).isTrue();
        assertThat(fixture.authorize(row.build().apply(OWN), A_SUB).reason()).contains("has role sub and may not PUB");
    }

    @ParameterizedTest
    @MethodSource("subRows")
    void letsOnlySubscribersConsume(Row row) {
        assertThat(fixture.authorize(row.build().apply(OWN), A_SUB).allowed()).isTrue();
        assertThat(fixture.authorize(row.build().apply(OWN), A_PUB).reason()).contains("has role pub and may not SUB");
    }

    @ParameterizedTest
    @MethodSource("anyRows")
    void letsEveryRoleReadMetadata(Row row) {
        assertThat(fixture.authorize(row.build().apply(OWN), A_PUB).allowed()).isTrue();
        assertThat(fixture.authorize(row.build().apply(OWN), A_SUB).allowed()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("adminRows")
    void letsOnlyTheOperatorAdminister(Row row) {
        assertThat(fixture.authorize(row.build().apply(OWN), A).reason()).contains("needs the operator credential");
        assertThat(fixture.authorize(row.build().apply(OWN), OPERATOR).allowed()).isTrue();
    }

    static Stream<Row> rows() {
        return ServedRequests.rows().stream();
    }

    static Stream<Row> tenantRows() {
        return rows().filter(row -> row.action() != Action.ADMIN);
    }

    static Stream<Row> namingRows() {
        return rows().filter(Row::namesResources);
    }

    static Stream<Row> pubRows() {
        return rows().filter(row -> row.action() == Action.PUB);
    }

    static Stream<Row> subRows() {
        return rows().filter(row -> row.action() == Action.SUB);
    }

    static Stream<Row> anyRows() {
        return rows().filter(row -> row.action() == Action.ANY);
    }

    static Stream<Row> adminRows() {
        return rows().filter(row -> row.action() == Action.ADMIN);
    }

    private static int value(Field field) {
        try {
            return field.getInt(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
