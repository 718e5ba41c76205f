package io.cloudmq.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudmq.api.node.NodeClassArchive;
import io.cloudmq.api.node.NodeClassArchive.Prepared;
import io.cloudmq.api.node.NodeClassArchive.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The node runtime's class-data archive with the real node jar: the training run makes it, a JVM can map it (with
 * {@code -Xshare:on} a JVM that cannot use its archive refuses to start), it is reused while the jar is unchanged
 * and made again once the jar is newer; a jar whose training fails gets none.
 */
class NodeClassArchiveIT {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void theTrainingRunMakesAnArchiveTheNodeJvmMapsAndItIsMadeAgainWhenTheJarChanges() throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("node.jar")), dir.resolve("cloudmq-node.jar"));

        Prepared made = NodeClassArchive.prepare(JAVA, jar, JVM_OPTIONS);
        assertThat(made.status()).as(made.outcome()).isEqualTo(Status.MADE);
        assertThat(made.jvmOptions()).singleElement().asString().startsWith("-XX:SharedArchiveFile=");
        assertThat(exitCodeWithArchiveRequired(jar, made.jvmOptions())).as("a JVM maps the archive").isZero();

        assertThat(NodeClassArchive.prepare(JAVA, jar, JVM_OPTIONS).status()).isEqualTo(Status.UP_TO_DATE);

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(NodeClassArchive.prepare(JAVA, jar, JVM_OPTIONS).status()).as("the jar was replaced")
                .isEqualTo(Status.MADE);
    }

    @Test
    void aJarWhoseTrainingFailsGetsNoArchive() throws Exception {
        Path jar = Files.writeString(dir.resolve("cloudmq-node.jar"), "not a jar");

        Prepared none = NodeClassArchive.prepare(JAVA, jar, JVM_OPTIONS);

        assertThat(none.status()).isEqualTo(Status.NONE);
        assertThat(none.jvmOptions()).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(jar);
        }
    }

    /** Runs the training entry point again with the archive mandatory: the JVM exits 1 if it cannot map it. */
    private static int exitCodeWithArchiveRequired(Path jar, List<String> archiveOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(JAVA, "-Xshare:on"));
        command.addAll(JVM_OPTIONS);
        command.addAll(archiveOptions);
        command.addAll(List.of("-jar", jar.toString(), NodeClassArchive.TRAINING_FLAG));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }
}
