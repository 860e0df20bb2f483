package io.chpack.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What the CLI leaves in its state directory so a later {@code stop} (another JVM) can find the servers:
 * {@code env} (the KEY=VALUE lines, shell-sourceable) and {@code processes} (pid + OS start time, so a reused
 * pid is never signalled, the clean-stop signal, and the scratch dirs to delete).
 */
final class CliState {
    private final Path dir;

    CliState(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    Path scratchRoot() {
        return dir.resolve("servers");
    }

    Path envFile() {
        return dir.resolve("env");
    }

    private Path processesFile() {
        return dir.resolve("processes");
    }

    /** Merges {@code values} into the env file (later starts add keys; same key: newest wins). */
    synchronized void writeEnv(Map<String, String> values) throws IOException {
        Map<String, String> all = new LinkedHashMap<>();
        if (Files.exists(envFile())) {
            for (String line : Files.readAllLines(envFile(), StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    all.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        all.putAll(values);
        StringBuilder sb = new StringBuilder();
        all.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        Files.createDirectories(dir);
        Files.writeString(envFile(), sb.toString(), StandardCharsets.UTF_8);
    }

    void recordProcess(ManagedServer server) throws IOException {
        ManagedProcess p = server.process();
        long started = p.startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        append("proc\t" + p.pid() + "\t" + started + "\t" + p.stopSignal() + "\t" + p.name());
    }

    void recordDir(Path scratch) throws IOException {
        append("dir\t" + scratch.toAbsolutePath());
    }

    private void append(String line) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(processesFile(), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /**
     * Stops every recorded process (ClickHouse and the rest in parallel, then ZooKeeper, which ClickHouse
     * talks to while it shuts down) and deletes the recorded scratch dirs unless {@code keep}. Returns a
     * human-readable line per action.
     */
    List<String> stopAll(boolean keep) throws IOException {
        List<String> report = new ArrayList<>();
        if (!Files.exists(processesFile())) {
            report.add("nothing recorded in " + dir);
            return report;
        }
        List<String[]> procs = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (String line : Files.readAllLines(processesFile(), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f[0].equals("proc") && f.length >= 5) {
                procs.add(f);
            } else if (f[0].equals("dir") && f.length >= 2) {
                dirs.add(Path.of(f[1]));
            }
        }
        stopPhase(procs, false, report);
        stopPhase(procs, true, report);
        if (!keep) {
            for (Path d : dirs) {
                ScratchDirs.deleteTree(d);
            }
            if (Files.isDirectory(scratchRoot())) {
                try (var s = Files.list(scratchRoot())) {
                    if (s.findAny().isEmpty()) {
                        Files.delete(scratchRoot());
                    }
                }
            }
        }
        Files.deleteIfExists(processesFile());
        Files.deleteIfExists(envFile());
        return report;
    }

    private static void stopPhase(List<String[]> procs, boolean zookeeper, List<String> report) {
        List<CompletableFuture<String>> stops = new ArrayList<>();
        for (String[] f : procs) {
            if (f[4].equals(ZooKeeperServer.KIND) != zookeeper) {
                continue;
            }
            stops.add(CompletableFuture.supplyAsync(() -> stopOne(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3],
                    f[4])));
        }
        for (CompletableFuture<String> s : stops) {
            report.add(s.join());
        }
    }

    private static String stopOne(long pid, long startedMillis, String signal, String name) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive()) {
            return name + " (pid " + pid + ") already gone";
        }
        long actual = h.get().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        // startInstant has jiffy resolution; allow a little slack but never a different process.
        if (startedMillis != 0 && Math.abs(actual - startedMillis) > 1000) {
            return name + " (pid " + pid + ") already gone (pid now belongs to another process)";
        }
        ManagedProcess.stopTree(h.get(), signal, ManagedProcess.STOP_GRACE);
        return name + " (pid " + pid + ") " + (h.get().isAlive() ? "STILL RUNNING" : "stopped");
    }

}
