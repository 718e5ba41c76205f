package io.cloudmq.controlplane.canary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanaryLedgerTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(60);

    private final CanaryLedger ledger = new CanaryLedger("run-1", GRACE);

    @Test
    void aMessageReceivedAgainCountsAsDuplicatedNotAsReceivedTwice() {
        CanaryMessage message = ledger.next(T0);
        ledger.acknowledged(message, Duration.ofMillis(2));

        ledger.received(message);
        ledger.received(message);

        CanaryTotals totals = ledger.overall();
        assertThat(totals.received()).isEqualTo(1);
        assertThat(totals.duplicated()).isEqualTo(1);
    }

    @Test
    void anAcknowledgedMessageNotReceivedWithinTheGracePeriodIsLost() {
        CanaryMessage message = ledger.next(T0);
        ledger.acknowledged(message, Duration.ofMillis(2));

        ledger.expire(T0.plus(GRACE).minusMillis(1));
        long lostWithinGrace = ledger.overall().lost();
        ledger.expire(T0.plus(GRACE).plusMillis(1));

        assertThat(lostWithinGrace).isZero();
        assertThat(ledger.overall().lost()).isEqualTo(1);
    }

    @Test
    void aLostMessageThatArrivesLateIsReceivedAndNoLongerLost() {
        CanaryMessage message = ledger.next(T0);
        ledger.acknowledged(message, Duration.ofMillis(2));
        ledger.expire(T0.plus(GRACE).plusSeconds(1));

        ledger.received(message);

        CanaryTotals totals = ledger.overall();
        assertThat(totals.lost()).isZero();
        assertThat(totals.received()).isEqualTo(1);
    }

    @Test
    void aMessageReceivedBeforeItsAcknowledgementIsNeverLost() {
        CanaryMessage message = ledger.next(T0);

        ledger.received(message);
        ledger.acknowledged(message, Duration.ofMillis(2));
        ledger.expire(T0.plus(GRACE).plusSeconds(1));

        assertThat(ledger.overall().lost()).isZero();
    }

    @Test
    void aFailedSendCountsAsSentAndFailedAndKeepsTheError() {
        ledger.failed(ledger.next(T0), "send answered FLUSH_SLAVE_TIMEOUT");
        ledger.acknowledged(ledger.next(T0), Duration.ofMillis(2));

        CanaryTotals totals = ledger.overall();
        assertThat(totals.sent()).isEqualTo(2);
        assertThat(totals.failed()).isEqualTo(1);
        assertThat(totals.acknowledged()).isEqualTo(1);
        assertThat(ledger.lastError()).isEqualTo("send answered FLUSH_SLAVE_TIMEOUT");
    }

    @Test
    void messagesOfAnotherRunAreIgnored() {
        ledger.received(new CanaryMessage("run-0", 0, T0));

        assertThat(ledger.overall().received()).isZero();
    }

    @Test
    void figuresCountUnderTheBucketOfTheSendEvenWhenTheOutcomeComesLater() {
        CanaryMessage early = ledger.next(T0.minusSeconds(30));
        CanaryMessage inWindow = ledger.next(T0.plusSeconds(5));
        ledger.acknowledged(early, Duration.ofMillis(1));
        ledger.acknowledged(inWindow, Duration.ofMillis(9));
        ledger.received(inWindow);
        ledger.received(early);

        Map<Instant, CanaryTotals> buckets = ledger.takeChangedBuckets();

        assertThat(buckets).containsOnlyKeys(T0.minusSeconds(30), T0);
        assertThat(buckets.get(T0).acknowledged()).isEqualTo(1);
        assertThat(buckets.get(T0).received()).isEqualTo(1);
        assertThat(buckets.get(T0).latencies()).containsExactly(9.0);
    }
}
