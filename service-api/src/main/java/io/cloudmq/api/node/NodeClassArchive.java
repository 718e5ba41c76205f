package io.cloudmq.api.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data archive of a node runtime (the JVM's application class-data sharing): a node JVM started with it
 * maps its classes from the archive instead of loading and verifying them from the jar, which roughly halves the
 * time from spawn to serving. How launchers (the standalone control plane, the benchmarks) start a node:
 *
 * <ol>
 *   <li>{@link #prepare} once per node jar: unless {@code cloudmq-node.jsa} beside the jar is newer than the jar,
 *       a training JVM {@code java <jvm options> -XX:ArchiveClassesAtExit=<archive> -jar <jar>}
 *       {@value #TRAINING_FLAG} loads every class of the jar and exits, and the JVM writes the archive;</li>
 *   <li>every node JVM of that jar then gets {@code -XX:SharedArchiveFile=<archive>} ({@link Prepared#jvmOptions}).
 *   </li>
 * </ol>
 *
 * <p>The archive belongs to the JVM that made it and to the jar's exact bytes and path; a JVM that finds it does not
 * match starts without it (the speed-up is all that is lost), and a jar replaced in place is newer than its archive,
 * which is therefore made again. A training that fails leaves no archive, and the nodes start without one.
 *
 * <p>Thread-safe: {@link #prepare} is serialised, so concurrent launches of one jar train once.
 */
public final class NodeClassArchive {
    /** The node's command-line flag for the training run. */
    public static final String TRAINING_FLAG = "--train-class-archive";
    static final String FILE_NAME = "cloudmq-node.jsa";
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);

    private NodeClassArchive() {}

    /** Whether {@link #prepare} found an archive, made one, or has none to offer. */
    public enum Status { UP_TO_DATE, MADE, NONE }

    /**
     * What {@link #prepare} found or made.
     *
     * @param status whether the archive was there, was made, or is missing
     * @param jvmOptions the options that make a node JVM use the archive; empty without a usable one
     * @param outcome what happened, for the launcher's log
     */
    public record Prepared(Status status, List<String> jvmOptions, String outcome) {
        public Prepared {
            jvmOptions = List.copyOf(jvmOptions);
        }

        static Prepared none(String outcome) {
            return new Prepared(Status.NONE, List.of(), outcome);
        }
    }

    /**
     * Makes the archive of {@code jar} unless an up-to-date one exists.
     *
     * @param java the java executable that will launch the nodes
     * @param jvmOptions the nodes' other JVM options (heap, collector), used for the training run too
     */
    public static synchronized Prepared prepare(String java, Path jar, List<String> jvmOptions)
            throws InterruptedException {
        Path archive = jar.resolveSibling(FILE_NAME);
        try {
            if (Files.exists(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
                return usable(Status.UP_TO_DATE, archive, "class-data archive " + archive + " is up to date");
            }
            Files.deleteIfExists(archive);
            Path made = archive.resolveSibling(FILE_NAME + ".tmp");
            Files.deleteIfExists(made);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-XX:ArchiveClassesAtExit=" + made, "-jar", jar.toString(), TRAINING_FLAG));
            long started = System.nanoTime();
            Process training = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!training.waitFor(TRAINING_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                training.destroyForcibly();
                return Prepared.none("class-data archive training timed out after " + TRAINING_TIMEOUT);
            }
            if (training.exitValue() != 0 || !Files.exists(made)) {
                Files.deleteIfExists(made);
                return Prepared.none("class-data archive training exited with " + training.exitValue());
            }
            Files.move(made, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return usable(Status.MADE, archive, "class-data archive " + archive + " made in "
                    + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
        } catch (IOException e) {
            return Prepared.none("no class-data archive for " + jar + ": " + e.getMessage());
        }
    }

    private static Prepared usable(Status status, Path archive, String outcome) {
        return new Prepared(status, List.of("-XX:SharedArchiveFile=" + archive), outcome);
    }
}
