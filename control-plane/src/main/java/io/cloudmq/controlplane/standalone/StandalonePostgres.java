package io.cloudmq.controlplane.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the embedded binaries, with its data directory kept across restarts
 * and durability settings a user's data deserves (zonky's test defaults turn fsync off).
 *
 * <p>Lifecycle: {@link #start} stops a postmaster left running on the same directory by a killed
 * predecessor, starts the server and arms a {@link ParentDeathWatchdog}, so the server also stops when
 * this JVM is killed with SIGKILL. {@link #close} stops it with a fast shutdown. Not thread-safe; owned
 * by one Spring bean.
 */
public final class StandalonePostgres implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StandalonePostgres.class);
    private static final Duration STALE_STOP_DEADLINE = Duration.ofSeconds(30);

    private final EmbeddedPostgres postgres;
    private final ParentDeathWatchdog watchdog;

    private StandalonePostgres(EmbeddedPostgres postgres, ParentDeathWatchdog watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    /** Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use. */
    public static StandalonePostgres start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            stopStalePostmaster(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            long postmasterPid = postmasterPid(dataDirectory).orElseThrow(
                    () -> new IllegalStateException("PostgreSQL started without a postmaster.pid in " + dataDirectory));
            log.info("Standalone PostgreSQL started on port {} (pid {}), data in {}",
                    postgres.getPort(), postmasterPid, dataDirectory);
            return new StandalonePostgres(postgres, ParentDeathWatchdog.interruptOnParentDeath(postmasterPid));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the standalone PostgreSQL in " + dataDirectory, e);
        }
    }

    /** JDBC URL of the {@code postgres} database as the {@code postgres} superuser. */
    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Standalone PostgreSQL did not stop cleanly", e);
        } finally {
            watchdog.disarm();
        }
    }

    /**
     * A predecessor killed with SIGKILL may have left its postmaster running (normally the watchdog stops
     * it). Ask it for a smart shutdown (SIGTERM; it has no clients left) and wait for it to exit.
     */
    private static void stopStalePostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> stale = postmasterPid(dataDirectory)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"));
        if (stale.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = stale.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run", postmaster.pid(), dataDirectory);
        postmaster.destroy();
        try {
            postmaster.onExit().get(STALE_STOP_DEADLINE.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL (pid {}) ignored SIGTERM for {}; killing it", postmaster.pid(), STALE_STOP_DEADLINE);
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping a stale PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot wait for a stale PostgreSQL to stop", e);
        }
    }

    /** The first line of {@code postmaster.pid} is the postmaster's process id. */
    private static Optional<Long> postmasterPid(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Files.readAllLines(pidFile).stream().findFirst().map(String::trim).map(Long::parseLong);
    }
}
