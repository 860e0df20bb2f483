package io.chpack.bench;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.chpack.bench.plugin.BenchRows;
import io.chpack.testkit.ClickHouseServer;

/**
 * What the two plugin benchmarks share: a chpack home in a temp directory (core.json, the shaded
 * clickhousewriter/clickhousereader jars as built by {@code mvn install}, and the bench-only
 * {@code benchgenreader}), jobs run in a child JVM (see {@link JobProcess}) whose class path holds the runner
 * and the bench classes but not the libraries the plugin jars shade (so each plugin runs its own copy, as in a
 * real home), {@code clickhouse-client} runs, and CPU time per process from /proc.
 */
final class PluginBench {
    /** Libraries the plugin jars carry shaded: never on the engine's class path. */
    private static final String[] SHADED = {"/common/", "common-0.1.0", "testkit", "client-v2", "clickhouse-data",
        "clickhouse-client", "httpclient5", "httpcore5", "lz4", "RoaringBitmap", "zstd", "kafka-clients", "snappy-java",
        // the ODPS SDK and what it brings (OdpsBench runs the emulator in the parent; odps plugins carry the SDK)
        "odps-sdk-", "odps-arrow-helper", "/org/apache/arrow/", "/com/aliyun/"};
    static final long CLK_TCK = 100;

    final Path repo;
    final Path work;
    final Path home;
    final String xmx;
    private final String childClassPath;
    private int jobs;

    PluginBench(String xmx) throws IOException {
        this.repo = findRepo();
        this.xmx = xmx;
        this.work = Files.createTempDirectory("chpack-plugin-bench");
        this.home = work.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.copy(repo.resolve("runner/src/main/home/conf/core.json"), home.resolve("conf/core.json"));
        Files.copy(repo.resolve("runner/src/main/home/conf/logback.xml"), home.resolve("conf/logback.xml"));
        install("writer", "clickhousewriter");
        install("reader", "clickhousereader");
        Path gen = home.resolve("plugin/reader/benchgenreader");
        Files.createDirectories(gen);
        Files.writeString(gen.resolve("plugin.json"), "{\"name\": \"benchgenreader\", \"class\": "
                + "\"io.chpack.bench.plugin.GenReader\", \"description\": \"bench-only generator\", "
                + "\"developer\": \"chpack\"}\n");
        this.childClassPath = childClassPath(work);
    }

    /** Copies another plugin's plugin.json and its jar as built by {@code mvn install} into the home. */
    void install(String kind, String name) throws IOException {
        Path jar = repo.resolve(name + "/target/" + name + "-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -B -q -o -pl " + name + " install -DskipTests");
        }
        Path dir = home.resolve("plugin/" + kind + "/" + name);
        Files.createDirectories(dir);
        Files.copy(repo.resolve(name + "/src/main/plugin/plugin.json"), dir.resolve("plugin.json"));
        Files.copy(jar, dir.resolve(name + ".jar"));
    }

    /** Deletes the temp home, job files, logs and RowBinary files. */
    void cleanUp() throws IOException {
        try (var paths = Files.walk(work)) {
            for (Path p : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Path findRepo() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("clickhousewriter")) && Files.isDirectory(p.resolve("runner"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from the chpack repository (no clickhousewriter/ and runner/ above "
                + Paths.get("").toAbsolutePath() + ")");
    }

    /**
     * The engine's class path for child JVMs. Class directories (bench/target/classes) are copied into the work
     * directory first: a concurrent {@code mvn compile} of the bench module must not pull classes from under a run.
     */
    private static String childClassPath(Path work) throws IOException {
        List<String> entries = new ArrayList<>();
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        if (cl instanceof URLClassLoader && ((URLClassLoader) cl).getURLs().length > 0) {
            for (URL u : ((URLClassLoader) cl).getURLs()) {
                try {
                    entries.add(Paths.get(u.toURI()).toString());
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else {
            for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
                entries.add(e);
            }
        }
        List<String> kept = new ArrayList<>();
        outer:
        for (String e : entries) {
            for (String s : SHADED) {
                if (e.contains(s)) {
                    continue outer;
                }
            }
            Path p = Paths.get(e);
            if (Files.isDirectory(p)) {
                Path copy = work.resolve("classes-" + kept.size());
                try (var files = Files.walk(p)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path target = copy.resolve(p.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(f, target);
                        }
                    }
                }
                p = copy;
            }
            kept.add(p.toString());
        }
        return String.join(File.pathSeparator, kept);
    }

    /** One job's measurements, from the child's RESULT line. */
    static final class JobRun {
        final Map<String, String> values = new LinkedHashMap<>();
        long cpuMsServer;

        long get(String key) {
            return Long.parseLong(values.get(key));
        }

        double seconds() {
            return get("wallMs") / 1000.0;
        }
    }

    /** Runs a job in a child JVM; fails unless it succeeded. {@code label} names the JFR file when bench.jfr is set. */
    JobRun runJob(String label, String jobJson, long serverPid, List<String> jvmArgs) throws IOException,
            InterruptedException {
        Path job = work.resolve("job-" + (++jobs) + "-" + label + ".json");
        Files.writeString(job, jobJson);
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + xmx);
        cmd.add("-Xms" + xmx);
        // As bin/chpack starts the engine: without the home's logback.xml, logback would log everything at DEBUG.
        cmd.add("-Dfile.encoding=UTF-8");
        cmd.add("-Dchpack.home=" + home);
        cmd.add("-Dlogback.configurationFile=" + home.resolve("conf/logback.xml"));
        cmd.add("-Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener");
        String jfr = System.getProperty("bench.jfr");
        if (jfr != null) {
            Files.createDirectories(Paths.get(jfr));
            cmd.add("-XX:StartFlightRecording=filename=" + Paths.get(jfr).toAbsolutePath().resolve(label + ".jfr")
                    + ",settings=profile");
        }
        String extra = System.getProperty("bench.jvmArgs");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(jvmArgs);
        cmd.add("-cp");
        cmd.add(childClassPath);
        cmd.add(JobProcess.class.getName());
        cmd.add(home.toString());
        cmd.add(job.toString());
        Path log = work.resolve("job-" + jobs + "-" + label + ".log");
        long server0 = cpuTicks(serverPid);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("job " + label + " did not finish in 15 minutes; log: " + log);
        }
        long server1 = cpuTicks(serverPid);
        JobRun run = new JobRun();
        run.cpuMsServer = (server1 - server0) * 1000 / CLK_TCK;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("RESULT ")) {
                for (String kv : line.substring(7).trim().split(" ")) {
                    int eq = kv.indexOf('=');
                    run.values.put(kv.substring(0, eq), kv.substring(eq + 1));
                }
            }
        }
        if (p.exitValue() != 0 || !"true".equals(run.values.get("success"))) {
            StringBuilder tail = new StringBuilder();
            for (int i = Math.max(0, lines.size() - 30); i < lines.size(); i++) {
                tail.append(lines.get(i)).append('\n');
            }
            throw new IllegalStateException("job " + label + " failed (exit " + p.exitValue() + "), log " + log + ":\n"
                    + tail);
        }
        return run;
    }

    /** A clickhouse-client run: wall time, its own CPU (from the waiting shell's cutime/cstime), the server's CPU. */
    static final class ClientRun {
        double seconds;
        long cpuMsClient;
        long cpuMsServer;
        String stdout;
    }

    /**
     * Runs {@code clickhouse-client --port P --query Q} with stdin from {@code in} (or none) and stdout to
     * {@code out} (/dev/null if null).
     */
    static ClientRun client(ClickHouseServer server, String query, Path in, Path out)
            throws IOException, InterruptedException {
        String script = "clickhouse-client --port " + server.tcpPort() + " --query \"$1\""
                + (in == null ? " < /dev/null" : " < \"$2\"") + " > \"$3\"; r=$?; cat /proc/$$/stat >&2; exit $r";
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", script, "sh", query, in == null ? "" : in.toString(),
                out == null ? "/dev/null" : out.toString());
        Path err = Files.createTempFile("chpack-bench-client", ".err");
        pb.redirectError(err.toFile());
        long server0 = cpuTicks(server.pid());
        long t0 = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("clickhouse-client did not finish: " + query);
        }
        ClientRun run = new ClientRun();
        run.seconds = (System.nanoTime() - t0) / 1e9;
        run.cpuMsServer = (cpuTicks(server.pid()) - server0) * 1000 / CLK_TCK;
        List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8);
        Files.deleteIfExists(err);
        String stat = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("clickhouse-client failed (" + p.exitValue() + ") on " + query + ": " + lines);
        }
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields after "(comm)": index 0 = field 3 (state); cutime = field 16, cstime = field 17
        run.cpuMsClient = (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 1000 / CLK_TCK;
        return run;
    }

    /** utime + stime of a process, in clock ticks. */
    static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Paths.get("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** count() and an order-independent checksum over every column, as one string. */
    static String fingerprint(ClickHouseServer server, String table, BenchRows.Schema schema) {
        StringBuilder hash = new StringBuilder();
        for (String[] c : schema.columns) {
            String text = "toString(" + c[0] + ")";
            hash.append(hash.length() == 0 ? "" : ", ")
                    .append(c[1].startsWith("Nullable") ? "ifNull(" + text + ", 'NULL')" : text);
        }
        return query(server, "SELECT count(), sum(cityHash64(" + hash + ")) FROM " + table).trim();
    }

    /**
     * {@code server.query} retried once: the server closes idle keep-alive connections after 3 s, and the
     * testkit's HTTP client may hand out such a connection after a long client run.
     */
    static String query(ClickHouseServer server, String sql) {
        try {
            return server.query(sql);
        } catch (RuntimeException e) {
            return server.query(sql);
        }
    }

    static long count(ClickHouseServer server, String table) {
        return Long.parseLong(query(server, "SELECT count() FROM " + table).trim());
    }

    static String mb(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%,.1f", bytesPerSecond / 1e6);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%,d", bytes / (1024 * 1024));
    }

    static String javaVersion() {
        return System.getProperty("java.vm.version");
    }
}
