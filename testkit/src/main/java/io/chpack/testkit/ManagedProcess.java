package io.chpack.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One running server process with its output in a log file. Stopping sends the server's own clean-stop
 * signal, waits, then SIGKILLs the whole tree. Attached processes are stopped on JVM exit (see
 * {@link ProcessReaper}); detached ones (the CLI) run in their own session and outlive the JVM.
 */
public final class ManagedProcess {
    /** How long a clean stop may take before SIGKILL (ClickHouse 18.16 needs ~2.6 s, Kafka a few s). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String name;
    private final List<String> command;
    private final Path logFile;
    private final String stopSignal;
    private final ProcessHandle handle;
    private final Process process;
    private final boolean detached;

    private ManagedProcess(String name, List<String> command, Path logFile, String stopSignal, Process process,
            boolean detached) {
        this.name = name;
        this.command = List.copyOf(command);
        this.logFile = logFile;
        this.stopSignal = stopSignal;
        this.process = process;
        this.handle = process.toHandle();
        this.detached = detached;
    }

    /**
     * Starts {@code command} in {@code workDir}, stdout and stderr appended to {@code logFile}.
     * {@code stopSignal} is the signal name for a clean stop (TERM for most, INT for PostgreSQL's fast shutdown).
     */
    public static ManagedProcess start(String name, List<String> command, Path workDir, Path logFile,
            Map<String, String> env, String stopSignal, boolean detached) {
        List<String> cmd = new ArrayList<>();
        if (detached) {
            // A new session: the process is no longer in the CLI's process group, so neither the CLI's exit nor
            // a Ctrl-C in the calling shell reaches it. Not a process-group leader, so setsid execs in place
            // and the pid we record is the server's.
            cmd.add("setsid");
        }
        cmd.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().putAll(env);
        try {
            Files.writeString(logFile, "---- " + Instant.now() + " starting: " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ManagedProcess p = new ManagedProcess(name, command, logFile, stopSignal, pb.start(), detached);
            if (!detached) {
                ProcessReaper.register(p);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return handle.pid();
    }

    /** When the OS started the process: recorded with the pid so a later stop never hits a reused pid. */
    public Optional<Instant> startInstant() {
        return handle.info().startInstant();
    }

    public List<String> command() {
        return command;
    }

    public Path logFile() {
        return logFile;
    }

    public String stopSignal() {
        return stopSignal;
    }

    public boolean isAlive() {
        return handle.isAlive();
    }

    /** Exit code if the process has ended. */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Clean stop with the standard grace period; SIGKILL after it. Idempotent. */
    public void stop() {
        stop(STOP_GRACE);
    }

    public void stop(Duration grace) {
        stopTree(handle, stopSignal, grace);
        // Reap the child so it does not linger as a zombie (which would still look "alive" to ps).
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessReaper.unregister(this);
    }

    /** Immediate SIGKILL of the tree (failed starts, failure tests). */
    public void kill() {
        stopTree(handle, "KILL", Duration.ofSeconds(10));
        ProcessReaper.unregister(this);
    }

    boolean isDetached() {
        return detached;
    }

    /**
     * Stops a process and everything it spawned: {@code signal} to the root, wait up to {@code grace},
     * then SIGKILL whatever of the tree is left. Descendants are listed before signalling because they are
     * re-parented (and no longer listed) once the root exits.
     */
    static void stopTree(ProcessHandle root, String signal, Duration grace) {
        if (!root.isAlive()) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>();
        root.descendants().forEach(tree::add);
        signal(root, signal);
        if (!awaitExit(root, grace)) {
            root.destroyForcibly();
            awaitExit(root, Duration.ofSeconds(10));
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        for (ProcessHandle child : tree) {
            awaitExit(child, Duration.ofSeconds(5));
        }
    }

    static boolean awaitExit(ProcessHandle h, Duration timeout) {
        try {
            h.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return !h.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !h.isAlive();
        } catch (java.util.concurrent.ExecutionException e) {
            return !h.isAlive();
        }
    }

    /** Sends a named signal; TERM and KILL go through ProcessHandle, others through kill(1). */
    static void signal(ProcessHandle h, String signal) {
        switch (signal) {
            case "TERM":
                h.destroy();
                return;
            case "KILL":
                h.destroyForcibly();
                return;
            default:
                try {
                    Process k = new ProcessBuilder("kill", "-s", signal, Long.toString(h.pid()))
                            .redirectErrorStream(true).start();
                    k.getInputStream().readAllBytes();
                    k.waitFor(10, TimeUnit.SECONDS);
                } catch (IOException e) {
                    h.destroy();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
        }
    }

    @Override
    public String toString() {
        return name + "(pid " + pid() + ")";
    }
}
