package io.cloudmq.controlplane.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The console in a real browser, as part of {@code ./mvnw verify}: runs {@code npm run e2e} of
 * {@code console-ui} against the jar this module just packaged. That script starts the standalone service
 * from the jar ({@code java -jar}, own data directory, HTTP port and node port base), creates data through
 * the REST API, drives Debian's chromium (playwright-core) through every page and the upgrade-lock flow,
 * writes screenshots to {@code console-ui/e2e/screenshots/}, stops the service and checks that no process of
 * its data directory is left. Failsafe runs it after {@code package}, which is why it lives here and not in
 * {@code console-ui} (built before the control plane).
 */
class ConsoleBrowserIT {
    private static final long TIMEOUT_MINUTES = 10;

    @Test
    void everyConsolePageWorksInChromiumAgainstThePackagedService() throws Exception {
        File log = Path.of("target", "console-e2e.log").toFile();
        ProcessBuilder builder = new ProcessBuilder("npm", "run", "e2e")
                .directory(Path.of("..", "console-ui").toFile())
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("CLOUDMQ_JAR", System.getProperty("cloudmq.control-plane.jar"));
        Process e2e = builder.start();

        boolean finished = e2e.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!finished) {
            e2e.descendants().forEach(ProcessHandle::destroyForcibly);
            e2e.destroyForcibly();
        }
        String output = Files.readString(log.toPath());

        assertThat(finished).as("e2e finished within %d minutes:%n%s", TIMEOUT_MINUTES, output).isTrue();
        assertThat(e2e.exitValue()).as("e2e exit code:%n%s", output).isZero();
        assertThat(output).containsPattern("e2e: [1-9][0-9]* passed, 0 failed")
                .contains("service stopped, no process of its data directory left");
    }
}
