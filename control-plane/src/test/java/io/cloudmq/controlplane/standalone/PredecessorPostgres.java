package io.cloudmq.controlplane.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A predecessor control plane's database in a child JVM: starts PostgreSQL on a directory without the
 * parent-death watchdog, says {@code ready} on stdout and waits to be killed.
 */
final class PredecessorPostgres {
    private PredecessorPostgres() {}

    public static void main(String[] args) throws IOException {
        EmbeddedPostgres.builder()
                .setDataDirectory(Path.of(args[0]))
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .start();
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for SIGKILL
        }
    }
}
