package io.cloudmq.controlplane.shared.leadership;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs singleton work (scheduler, reconciler, orchestrator) on one control-plane replica only: the holder of
 * a PostgreSQL session-level advisory lock named after the singleton. The lock lives on a connection this
 * guard keeps open (taken from the pool and never returned while held); it is released by {@link #release},
 * at shutdown, or when the session dies, so a crashed replica's singletons move to another replica as soon
 * as PostgreSQL notices the dead session.
 *
 * <p>Usage from a scheduled method: {@code guard.runIfLeader("upgrade-window-scheduler", this::tick)}.
 * Every call checks that the held connection is still alive and otherwise tries to acquire the lock anew.
 *
 * <p>Thread-safe: calls are serialised per guard; one singleton name should be driven by one thread.
 */
@Component
public class SingletonGuard implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(SingletonGuard.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Map<String, Connection> held = new HashMap<>();

    public SingletonGuard(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} if this replica holds (or now acquires) the lock of {@code singleton}.
     *
     * @return whether {@code work} ran
     */
    public boolean runIfLeader(String singleton, Runnable work) {
        if (!isLeader(singleton)) {
            return false;
        }
        work.run();
        return true;
    }

    /** Whether this replica holds the lock of {@code singleton}, trying to acquire it if not. */
    public synchronized boolean isLeader(String singleton) {
        Connection connection = held.get(singleton);
        if (connection != null && isAlive(connection)) {
            return true;
        }
        if (connection != null) {
            log.warn("Lost the connection holding singleton {}; trying to acquire it again", singleton);
            held.remove(singleton);
            closeQuietly(connection);
        }
        Connection acquired = tryAcquire(singleton);
        if (acquired != null) {
            log.info("This replica now runs singleton {}", singleton);
            held.put(singleton, acquired);
            return true;
        }
        return false;
    }

    /** Gives up the lock of {@code singleton} if held, so another replica can take over. */
    public synchronized void release(String singleton) {
        Connection connection = held.remove(singleton);
        if (connection != null) {
            unlockAndClose(singleton, connection);
        }
    }

    @Override
    public synchronized void destroy() {
        held.forEach(SingletonGuard::unlockAndClose);
        held.clear();
    }

    /** The advisory-lock key of a singleton name: the first 8 bytes of its SHA-256. */
    static long lockKey(String singleton) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(singleton.getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                key = (key << 8) | (hash[i] & 0xFF);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    private @Nullable Connection tryAcquire(String singleton) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                statement.setLong(1, lockKey(singleton));
                try (ResultSet result = statement.executeQuery()) {
                    if (result.next() && result.getBoolean(1)) {
                        return connection;
                    }
                }
            }
        } catch (SQLException e) {
            log.warn("Cannot try the lock of singleton {}: {}", singleton, e.toString());
        }
        if (connection != null) {
            closeQuietly(connection);
        }
        return null;
    }

    /** Unlocks before closing: a pooled connection outlives {@code close()}, and with it a session lock. */
    private static void unlockAndClose(String singleton, Connection connection) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, lockKey(singleton));
            statement.execute();
        } catch (SQLException e) {
            log.debug("Unlocking singleton {} failed (its session is gone): {}", singleton, e.toString());
        }
        closeQuietly(connection);
        log.info("This replica no longer runs singleton {}", singleton);
    }

    private static boolean isAlive(Connection connection) {
        try {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing a singleton connection failed: {}", e.toString());
        }
    }
}
