package io.cloudmq.controlplane.reconcile;

import io.cloudmq.controlplane.instance.InstanceConfigChanged;
import io.cloudmq.controlplane.shared.leadership.SingletonGuard;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The reconciler's own thread: on the replica holding the {@value #SINGLETON} lock it runs the outbox pass
 * whenever a local commit recorded a change (woken after the commit) and at least every
 * {@code poll-interval} (changes committed on other replicas), and the drift repair every
 * {@code drift-interval}. A failed pass is logged and retried on the next wake-up. Started and stopped by the
 * Spring lifecycle; stops before the database goes away. Disabled with {@code cloudmq.reconcile.enabled=false}.
 */
@Component
@ConditionalOnProperty(prefix = "cloudmq.reconcile", name = "enabled", matchIfMissing = true)
class ReconcileLoop implements SmartLifecycle {
    static final String SINGLETON = "reconciler";
    private static final Logger log = LoggerFactory.getLogger(ReconcileLoop.class);
    private static final long STOP_TIMEOUT_MILLIS = 15_000;

    private final Reconciler reconciler;
    private final SingletonGuard guard;
    private final ReconcileProperties properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile @Nullable Thread thread;
    private Instant nextDriftRepair = Instant.EPOCH;

    ReconcileLoop(Reconciler reconciler, SingletonGuard guard, ReconcileProperties properties, Clock clock) {
        this.reconciler = reconciler;
        this.guard = guard;
        this.properties = properties;
        this.clock = clock;
    }

    /** Wakes the loop once the transaction that recorded a change has committed. */
    @TransactionalEventListener
    void onCommitted(InstanceConfigChanged change) {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        Thread started = new Thread(this::run, "reconciler");
        started.setDaemon(true);
        thread = started;
        started.start();
    }

    @Override
    public synchronized void stop() {
        Thread running = thread;
        thread = null;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                guard.runIfLeader(SINGLETON, this::pass);
            } catch (RuntimeException e) {
                log.error("Reconcile pass failed; retrying at the next wake-up", e);
            }
            try {
                wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pass() {
        Instant now = clock.instant();
        reconciler.reconcileOutbox(now);
        if (!now.isBefore(nextDriftRepair)) {
            reconciler.repairDrift(now);
            nextDriftRepair = now.plus(properties.driftInterval());
        }
    }
}
