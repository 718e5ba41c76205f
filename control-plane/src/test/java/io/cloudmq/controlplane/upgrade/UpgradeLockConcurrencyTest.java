package io.cloudmq.controlplane.upgrade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cloudmq.api.topic.TopicView;
import io.cloudmq.api.upgrade.UpgradeWindowState;
import io.cloudmq.api.upgrade.UpgradeWindowView;
import io.cloudmq.controlplane.ControlPlaneTest;
import io.cloudmq.controlplane.TestClusters;
import io.cloudmq.controlplane.TestData;
import io.cloudmq.controlplane.instance.InstanceService;
import io.cloudmq.controlplane.topic.TopicService;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The upgrade lock is serialised on the cluster row, shown with two database connections in both orders.
 * "Waiting" is observed in {@code pg_stat_activity}, never guessed from time.
 */
@ControlPlaneTest
class UpgradeLockConcurrencyTest {
    @Autowired
    InstanceService instances;
    @Autowired
    TopicService topics;
    @Autowired
    UpgradeWindowService windows;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private String cluster;
    private String instanceId;
    private UpgradeWindowView window;

    @BeforeEach
    void createInstanceAndWindow() {
        cluster = TestClusters.create(jdbc);
        instanceId = instances.create(TestData.instanceOn(cluster)).id();
        window = windows.schedule(cluster, TestData.window(2));
    }

    @AfterEach
    void releaseAndShutDown() {
        release.countDown();
        executor.shutdownNow();
        if (windows.get(cluster, window.id()).state() == UpgradeWindowState.IN_PROGRESS) {
            windows.abort(cluster, window.id());
        }
    }

    @Test
    void mutationHoldingShareLockDelaysWindowStartUntilItCommits() throws Exception {
        Future<TopicView> mutation = executor.submit(() -> transactions.execute(status -> {
            TopicView created = topics.create(instanceId, TestData.topic("before-lock"));
            holdUntilReleased();
            return created;
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        Future<UpgradeWindowView> start = executor.submit(() -> windows.start(cluster, window.id()));
        awaitOneSessionWaitingForLock();
        assertThat(start).isNotDone();

        release.countDown();
        assertThat(mutation.get(30, TimeUnit.SECONDS).name()).isEqualTo("before-lock");
        assertThat(start.get(30, TimeUnit.SECONDS).state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThat(topics.get(instanceId, "before-lock").name()).isEqualTo("before-lock");
    }

    @Test
    void windowStartHoldingClusterRowMakesMutationWaitThenRefuses() throws Exception {
        Future<UpgradeWindowView> start = executor.submit(() -> transactions.execute(status -> {
            UpgradeWindowView started = windows.start(cluster, window.id());
            holdUntilReleased();
            return started;
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();

        Future<TopicView> mutation = executor.submit(() -> topics.create(instanceId, TestData.topic("during-lock")));
        awaitOneSessionWaitingForLock();
        assertThat(mutation).isNotDone();

        release.countDown();
        assertThat(start.get(30, TimeUnit.SECONDS).state()).isEqualTo(UpgradeWindowState.IN_PROGRESS);
        assertThatThrownBy(() -> mutation.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .isInstanceOf(InstanceLockedException.class)
                .hasMessageContaining(window.id().toString());
    }

    private void holdUntilReleased() {
        holding.countDown();
        try {
            assertThat(release.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitOneSessionWaitingForLock() {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%clusters%'""")
                .query(Long.class)
                .single() == 1L);
    }
}
