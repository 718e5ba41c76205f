package io.cloudmq.controlplane.shared.leadership;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.controlplane.ControlPlaneTest;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Two guards on one database stand for two control-plane replicas. */
@ControlPlaneTest
class SingletonGuardTest {
    @Autowired
    DataSource dataSource;

    @Test
    void onlyOneReplicaRunsASingletonUntilItReleasesIt() {
        SingletonGuard first = new SingletonGuard(dataSource);
        SingletonGuard second = new SingletonGuard(dataSource);
        AtomicInteger runs = new AtomicInteger();
        try {
            assertThat(first.runIfLeader("guard-test", runs::incrementAndGet)).isTrue();
            assertThat(second.runIfLeader("guard-test", runs::incrementAndGet)).isFalse();
            assertThat(first.runIfLeader("guard-test", runs::incrementAndGet)).isTrue();

            first.release("guard-test");

            assertThat(second.runIfLeader("guard-test", runs::incrementAndGet)).isTrue();
            assertThat(first.isLeader("guard-test")).isFalse();
            assertThat(runs).hasValue(3);
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    void differentSingletonsAreIndependent() {
        SingletonGuard first = new SingletonGuard(dataSource);
        SingletonGuard second = new SingletonGuard(dataSource);
        try {
            assertThat(first.isLeader("guard-test-a")).isTrue();
            assertThat(second.isLeader("guard-test-b")).isTrue();
            assertThat(second.isLeader("guard-test-a")).isFalse();
        } finally {
            first.destroy();
            second.destroy();
        }
    }

    @Test
    void shutdownHandsTheSingletonOver() {
        SingletonGuard first = new SingletonGuard(dataSource);
        SingletonGuard second = new SingletonGuard(dataSource);
        try {
            assertThat(first.isLeader("guard-test-c")).isTrue();
            first.destroy();
            assertThat(second.isLeader("guard-test-c")).isTrue();
        } finally {
            second.destroy();
        }
    }
}
