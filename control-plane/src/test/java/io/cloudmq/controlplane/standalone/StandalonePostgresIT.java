package io.cloudmq.controlplane.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone database: durable settings, data kept across restarts, and a stale predecessor stopped. */
class StandalonePostgresIT {

    @TempDir
    Path dataDir;

    @Test
    void runsWithFsyncAndSynchronousCommitAndKeepsDataAcrossRestarts() throws Exception {
        try (StandalonePostgres postgres = StandalonePostgres.start(dataDir)) {
            execute(postgres, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (42)");
            assertThat(query(postgres, "SHOW fsync")).isEqualTo("on");
            assertThat(query(postgres, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(query(postgres, "SHOW full_page_writes")).isEqualTo("on");
        }
        try (StandalonePostgres postgres = StandalonePostgres.start(dataDir)) {
            assertThat(query(postgres, "SELECT id FROM kept")).isEqualTo("42");
        }
    }

    @Test
    void stopsAPostgresLeftRunningOnItsDirectoryBeforeStarting() throws Exception {
        // A predecessor killed with SIGKILL whose server kept running (as if its watchdog was killed too).
        Process predecessor = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), PredecessorPostgres.class.getName(),
                dataDir.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(predecessor.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("ready");
        }
        predecessor.destroyForcibly().waitFor();
        long stalePid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(stalePid).filter(ProcessHandle::isAlive)).as("predecessor's postmaster").isPresent();

        try (StandalonePostgres postgres = StandalonePostgres.start(dataDir)) {
            assertThat(ProcessHandle.of(stalePid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(query(postgres, "SELECT 1")).isEqualTo("1");
        }
    }

    private static void execute(StandalonePostgres postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(StandalonePostgres postgres, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
