package io.cloudmq.bench.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM started as a child process with its output in a file. {@link #close} stops it with SIGTERM and kills it
 * if it has not stopped within 30 s; a JVM shutdown hook kills it if the benchmark itself dies.
 *
 * <p>Threading: start and close from one thread.
 */
public final class ChildJvm implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

    private final String name;
    private final ProcessBuilder builder;
    private final Process process;
    private final long spawnNanos;
    private final Thread killer;

    private ChildJvm(String name, ProcessBuilder builder, Process process, long spawnNanos) {
        this.name = name;
        this.builder = builder;
        this.process = process;
        this.spawnNanos = spawnNanos;
        this.killer = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** Starts {@code java <jvmArgs> <mainArgs>} in {@code dir} with stdout and stderr in {@code dir/<name>.out}. */
    public static ChildJvm start(String name, Path dir, List<String> jvmArgs, List<String> mainArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        command.addAll(mainArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(name + ".out").toFile()));
        return spawn(name, builder);
    }

    /** The java executable every child JVM runs: this JVM's. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts this JVM's command again (output appended to the same file), once {@link #close} stopped it. */
    ChildJvm startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return spawn(name, builder);
    }

    private static ChildJvm spawn(String name, ProcessBuilder builder) throws IOException {
        long spawn = System.nanoTime();
        Process process = builder.start();
        log.info("{} started as pid {}: {}", name, process.pid(), builder.command());
        return new ChildJvm(name, builder, process, spawn);
    }

    public long pid() {
        return process.pid();
    }

    /** When the process was spawned, on the {@link System#nanoTime} clock. */
    long spawnNanos() {
        return spawnNanos;
    }

    /** Fails if the process has exited. */
    public void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + name + ".out");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        Runtime.getRuntime().removeShutdownHook(killer);
    }
}
