package io.cloudmq.controlplane;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real PostgreSQL (embedded binaries) per test JVM, started on first use and stopped when the JVM exits,
 * plus one data directory for the control plane's files. Every Spring test context points at it, so contexts
 * with the same configuration are cached and share the database. Thread-safe.
 */
public final class EmbeddedPostgresSupport {
    private static EmbeddedPostgres postgres;
    private static Path dataDir;

    private EmbeddedPostgresSupport() {}

    /** JDBC URL of the shared database, starting it if needed. */
    public static synchronized String jdbcUrl() {
        return started().getJdbcUrl("postgres", "postgres");
    }

    /** The control plane's data directory for this JVM (bootstrap admin key). */
    public static synchronized Path dataDir() {
        if (dataDir == null) {
            try {
                dataDir = Files.createTempDirectory("cloudmq-test-data");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dataDir;
    }

    private static EmbeddedPostgres started() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresSupport::stop, "embedded-postgres-stop"));
        }
        return postgres;
    }

    private static synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
