package io.chpack.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a set-up command to completion (initdb, mariadb-install-db, Kafka storage format, SQL clients). */
final class OneShot {
    private OneShot() {
    }

    /**
     * Runs {@code command}; its output is appended to {@code logFile}. Throws {@link ServerStartException}
     * (with the log tail) on a non-zero exit or timeout, naming {@code kind} as the server being prepared.
     */
    static void run(String kind, List<String> command, Path workDir, Path logFile, Map<String, String> env,
            Duration timeout) {
        capture(kind, command, workDir, logFile, env, timeout);
    }

    /** Like {@link #run} but also returns what the command printed. */
    static String capture(String kind, List<String> command, Path workDir, Path logFile, Map<String, String> env,
            Duration timeout) {
        Path out;
        try {
            out = Files.createTempFile(workDir, "oneshot-", ".out");
        } catch (IOException e) {
            throw new ServerStartException(kind, "cannot create a temp file in " + workDir, command, logFile, e);
        }
        String failure = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ManagedProcess.stopTree(p.toHandle(), "KILL", Duration.ofSeconds(5));
                failure = "set-up step did not finish within " + timeout.toSeconds() + " s";
            } else if (p.exitValue() != 0) {
                failure = "set-up step exited with code " + p.exitValue();
            }
        } catch (IOException e) {
            failure = "cannot run set-up step: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        }
        String text = readAndDelete(out);
        try {
            Files.writeString(logFile, "---- " + Instant.now() + " ran: " + String.join(" ", command) + "\n" + text,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a convenience; the result or the exception below carries what matters
        }
        if (failure != null) {
            throw new ServerStartException(kind, failure, command, logFile, null);
        }
        return text;
    }

    private static String readAndDelete(Path out) {
        try {
            String text = Files.readString(out);
            Files.deleteIfExists(out);
            return text;
        } catch (IOException e) {
            return "(cannot read command output: " + e + ")\n";
        }
    }
}
