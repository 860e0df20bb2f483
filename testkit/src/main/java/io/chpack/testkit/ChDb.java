package io.chpack.testkit;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ClickHouse 26.x engine (chDB, npm {@code chdb@3.4.0}, installed by {@code scripts/setup}) driven from
 * Java through ONE long-lived node process: loading the ~560 MB engine costs about a second, a query then
 * a few milliseconds, so a test class starts one bridge and sends all its queries through it.
 *
 * <pre>
 * try (ChDb chdb = ChDb.start()) {
 *     chdb.version();                                            // "26.7.2.1"
 *     chdb.query("SELECT 1");                                    // "1\n" (TabSeparated unless the SQL says FORMAT)
 *     byte[] rb = chdb.queryBinary("SELECT 'a\0b' FORMAT RowBinary");
 *     Path f = chdb.newFile("rows.bin");                         // fresh name in the scratch dir, for file(...)
 * }
 * </pre>
 *
 * <p>Protocol (see the resource {@code chdb-bridge.js}): one JSON line per request on the process's stdin,
 * {@code {"id","sql","format","outFile"}}; answers on stdout as frames, a header line
 * {@code CHDB1 <id> OK <len> <µs>} / {@code CHDB1 <id> ERR <code> <len>} followed by exactly {@code len}
 * payload bytes (the result, or the engine's message), so binary results with NULs travel intact. Requests
 * run one at a time. Every request has a deadline; a request that misses it kills the node process (the
 * engine cannot interrupt a query) and throws {@link ChDbBridgeException}; the next request starts a fresh
 * engine (in-memory tables are then gone). Engine errors throw {@link ChDbQueryException} and leave the
 * bridge usable.
 *
 * <p>The engine is in-process and in-memory: no ports, tables live until the process ends. It reads files
 * with {@code file('/abs', 'RowBinary', 'a UInt64, ...')} and writes them with {@code INTO OUTFILE}, which
 * refuses to overwrite (use {@link #newFile} names). Its session time zone is UTC ({@code TZ=UTC}).
 *
 * <p>Where chdb is: {@code -Dchpack.chdb.dir=DIR} (holding {@code node_modules/chdb}), else
 * {@code $CHPACK_CACHE/chdb}, else {@code ~/.cache/chpack/chdb}. The node script is extracted to a scratch
 * dir under {@link TestkitSettings#scratchRoot()} with the bridge's stderr in {@code chdb-bridge.log}; the
 * dir is deleted on a clean close. A JVM shutdown hook kills bridges that were not closed.
 */
public final class ChDb implements AutoCloseable {
    public static final String DIR_PROPERTY = "chpack.chdb.dir";
    public static final String CHDB_VERSION = "3.4.0";
    static final String KIND = "chdb-bridge";
    private static final String MARKER = "CHDB1 ";
    private static final int LOG_LINES = 40;
    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean hookInstalled;

    private final Path packageDir;
    private final Path node;
    private final Duration startTimeout;
    private final Duration requestTimeout;
    private final boolean keepScratch;
    private final Path scratchDir;
    private final Path script;
    private final Path logFile;
    private final AtomicInteger fileSeq = new AtomicInteger();

    private Process process;
    private ProcessHandle handle;
    private OutputStream stdin;
    private BlockingQueue<Frame> frames;
    private String version;
    private Duration startDuration;
    private long nextId;
    private int starts;
    private boolean failed;
    private boolean closed;

    /** One answer of the node process; {@code kind} EOF means its stdout ended (the process is gone). */
    private record Frame(long id, String kind, int code, byte[] payload, long micros) {
        static final Frame EOF = new Frame(-2, "EOF", 0, new byte[0], 0);
    }

    private ChDb(Builder b) {
        this.packageDir = b.packageDir != null ? b.packageDir : locate(System.getProperty(DIR_PROPERTY),
                System.getenv("CHPACK_CACHE"), System.getProperty("user.home"));
        this.node = b.node != null ? Binaries.require(b.node, "node", "nodejs", "builder option")
                : Binaries.find("node", "nodejs");
        this.startTimeout = b.startTimeout;
        this.requestTimeout = b.requestTimeout;
        this.keepScratch = b.keepScratch;
        this.scratchDir = ScratchDirs.create(b.scratchRoot, "chdb");
        this.script = scratchDir.resolve("chdb-bridge.js");
        this.logFile = scratchDir.resolve(KIND + ".log");
        try (InputStream in = ChDb.class.getResourceAsStream("chdb-bridge.js")) {
            if (in == null) {
                throw new IllegalStateException("resource io/chpack/testkit/chdb-bridge.js is missing from the testkit jar");
            }
            Files.write(script, in.readAllBytes());
            Files.createDirectories(scratchDir.resolve("files"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the chdb bridge in " + scratchDir, e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a bridge with the defaults (start deadline 120 s, request deadline 60 s). */
    public static ChDb start() {
        return builder().start();
    }

    /**
     * The chdb package directory ({@code …/node_modules/chdb}) from the property, the cache env or the home
     * dir, in that order; a {@link MissingBinaryException} when it is not installed.
     */
    static Path locate(String property, String cacheEnv, String home) {
        Path dir;
        String origin;
        if (property != null && !property.isBlank()) {
            dir = Paths.get(property);
            origin = "-D" + DIR_PROPERTY;
        } else if (cacheEnv != null && !cacheEnv.isBlank()) {
            dir = Paths.get(cacheEnv, "chdb");
            origin = "$CHPACK_CACHE/chdb";
        } else {
            dir = Paths.get(home, ".cache", "chpack", "chdb");
            origin = "the default ~/.cache/chpack/chdb";
        }
        dir = dir.toAbsolutePath().normalize();
        Path pkg = dir.resolve("node_modules").resolve("chdb");
        if (Files.isRegularFile(pkg.resolve("package.json")) && Files.isRegularFile(pkg.resolve("index.js"))) {
            return pkg;
        }
        if (Files.isRegularFile(dir.resolve("package.json")) && Files.isRegularFile(dir.resolve("index.js"))) {
            return dir; // pointed at the package itself
        }
        throw new MissingBinaryException("chdb not installed: run scripts/setup first (it runs npm install chdb@"
                + CHDB_VERSION + " into " + dir + ", " + origin + "), or point -D" + DIR_PROPERTY
                + " at a directory holding node_modules/chdb");
    }

    private void launch() {
        List<String> cmd = List.of(node.toString(), script.toString(), packageDir.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(scratchDir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        pb.environment().put("TZ", "UTC");
        long t0 = System.nanoTime();
        try {
            Files.writeString(logFile, "---- " + Instant.now() + " starting: " + String.join(" ", cmd) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = pb.start();
        } catch (IOException e) {
            failed = true;
            throw new ChDbBridgeException("cannot start the chdb bridge: " + String.join(" ", cmd) + ": " + e, e);
        }
        handle = process.toHandle();
        registerForShutdown(handle);
        stdin = process.getOutputStream();
        frames = new LinkedBlockingQueue<>();
        starts++;
        Thread reader = new Thread(new Reader(new BufferedInputStream(process.getInputStream(), 1 << 16), frames, logFile),
                "chdb-bridge-reader-" + handle.pid());
        reader.setDaemon(true);
        reader.start();

        Frame ready = await(0, startTimeout, "the engine to load");
        if (!"READY".equals(ready.kind())) {
            String why = "ERR".equals(ready.kind()) ? new String(ready.payload(), StandardCharsets.UTF_8)
                    : "process exited" + exitText() + " before it was ready";
            fail("the chdb bridge did not start: " + why, null);
        }
        version = new String(ready.payload(), StandardCharsets.UTF_8).trim();
        startDuration = Duration.ofNanos(System.nanoTime() - t0);
    }

    /** The engine's {@code version()}, e.g. {@code 26.7.2.1}. */
    public String version() {
        return version;
    }

    /** From spawning node to the engine's first answer, for the most recent (re)start. */
    public Duration startDuration() {
        return startDuration;
    }

    /** How many node processes this bridge has started (more than 1 after a deadline kill or a crash). */
    public int starts() {
        return starts;
    }

    /** Runs SQL; the result as UTF-8 text, TabSeparated unless the SQL has its own FORMAT clause. */
    public String query(String sql) {
        return query(sql, "TabSeparated");
    }

    /** Runs SQL with the given output format (a FORMAT clause in the SQL wins). */
    public String query(String sql, String format) {
        return new String(queryBinary(sql, format), StandardCharsets.UTF_8);
    }

    /** Runs SQL; the raw result bytes, RowBinary unless the SQL has its own FORMAT clause. */
    public byte[] queryBinary(String sql) {
        return queryBinary(sql, "RowBinary");
    }

    public byte[] queryBinary(String sql, String format) {
        return queryBinary(sql, format, requestTimeout);
    }

    /** Like {@link #queryBinary(String, String)} with its own deadline. */
    public synchronized byte[] queryBinary(String sql, String format, Duration timeout) {
        return call(sql, format, null, timeout).payload();
    }

    /** Runs SQL and has the bridge write the result to a fresh file ({@link #newFile}), for large results. */
    public synchronized Path queryToFile(String sql, String format) {
        Path out = newFile("result." + (format == null ? "out" : format.toLowerCase(java.util.Locale.ROOT)));
        call(sql, format, out, requestTimeout);
        return out;
    }

    /**
     * A fresh, not yet existing path in the bridge's scratch dir (deleted on close), for files the engine
     * reads with {@code file(...)} or writes with {@code INTO OUTFILE}.
     */
    public Path newFile(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("file name must be [A-Za-z0-9._-]+: " + name);
        }
        return scratchDir.resolve("files").resolve(fileSeq.incrementAndGet() + "-" + name);
    }

    /** A ClickHouse string literal: {@code 'it''s'} style quoting for paths and values put into SQL. */
    public static String literal(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('\'');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\'') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.append('\'').toString();
    }

    private Frame call(String sql, String format, Path outFile, Duration timeout) {
        Objects.requireNonNull(sql, "sql");
        if (closed) {
            throw new IllegalStateException("the chdb bridge is closed");
        }
        if (process == null || !process.isAlive()) {
            launch(); // first use after a deadline kill or a crash: a fresh engine
        }
        long id = ++nextId;
        StringBuilder req = new StringBuilder(sql.length() + 64).append("{\"id\":").append(id).append(",\"sql\":");
        json(req, sql).append(",\"format\":");
        if (format == null) {
            req.append("null");
        } else {
            json(req, format);
        }
        req.append(",\"outFile\":");
        if (outFile == null) {
            req.append("null");
        } else {
            json(req, outFile.toAbsolutePath().toString());
        }
        req.append("}\n");
        try {
            stdin.write(req.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            fail("cannot send a request to the chdb bridge (process" + exitText() + "): " + e, e);
        }
        Frame f = await(id, timeout, "the answer to: " + abbreviate(sql));
        if ("ERR".equals(f.kind())) {
            throw new ChDbQueryException(f.code(), new String(f.payload(), StandardCharsets.UTF_8), sql);
        }
        if (!"OK".equals(f.kind())) {
            fail("unexpected answer " + f.kind() + " from the chdb bridge for: " + abbreviate(sql), null);
        }
        return f;
    }

    /** The frame answering {@code id}; stale answers (of requests that timed out) are skipped. */
    private Frame await(long id, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Frame f;
            try {
                f = left <= 0 ? null : frames.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                killProcess();
                throw new ChDbBridgeException("interrupted while waiting for " + what, e);
            }
            if (f == null) {
                killProcess();
                fail("no answer within " + timeout.toMillis() + " ms waiting for " + what
                        + "; the node process was killed (the next request starts a fresh engine)", null);
            }
            if (f == Frame.EOF) {
                ManagedProcess.awaitExit(handle, Duration.ofSeconds(5));
                fail("the chdb bridge process ended" + exitText() + " while waiting for " + what, null);
            }
            if (f.id() == id || (f.id() == -1 && "ERR".equals(f.kind()))) {
                return f;
            }
            // an answer to an earlier request whose deadline passed: drop it
        }
    }

    private void fail(String message, Throwable cause) {
        failed = true; // keep the scratch dir: its log explains it
        throw new ChDbBridgeException(message + "\nbridge log " + logFile + ":\n" + LogTail.read(logFile, LOG_LINES), cause);
    }

    private String exitText() {
        return process != null && !process.isAlive() ? " with exit code " + process.exitValue() : "";
    }

    private static String abbreviate(String sql) {
        return sql.length() <= 200 ? sql : sql.substring(0, 200) + "…";
    }

    private static StringBuilder json(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"');
    }

    public long pid() {
        return handle == null ? -1 : handle.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    public Path scratchDir() {
        return scratchDir;
    }

    /** The node process's stderr (engine diagnostics), appended across restarts. */
    public Path logFile() {
        return logFile;
    }

    /** Ends the node process (end of stdin, then SIGKILL after 5 s) and deletes the scratch dir. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        if (!failed && !keepScratch) {
            ScratchDirs.deleteTree(scratchDir);
        }
    }

    private void stopProcess() {
        if (process == null) {
            return;
        }
        try {
            stdin.close(); // the script exits when its stdin ends
        } catch (IOException ignored) {
            // already gone
        }
        if (!ManagedProcess.awaitExit(handle, Duration.ofSeconds(5))) {
            ManagedProcess.stopTree(handle, "KILL", Duration.ofSeconds(5));
        }
        reap();
    }

    private void killProcess() {
        if (process != null) {
            ManagedProcess.stopTree(handle, "KILL", Duration.ofSeconds(5));
            reap();
        }
    }

    private void reap() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LIVE.remove(handle);
    }

    private static synchronized void registerForShutdown(ProcessHandle h) {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                for (ProcessHandle p : new ArrayList<>(LIVE)) {
                    p.destroyForcibly(); // in-memory engine: nothing to flush
                }
                for (ProcessHandle p : new ArrayList<>(LIVE)) {
                    ManagedProcess.awaitExit(p, Duration.ofSeconds(5));
                }
            }, "chpack-chdb-reaper"));
            hookInstalled = true;
        }
        LIVE.add(h);
    }

    @Override
    public String toString() {
        return "chdb " + version + " (node pid " + pid() + ")";
    }

    /** Reads frames off the node process's stdout; text outside frames goes to the log. */
    private static final class Reader implements Runnable {
        private final InputStream in;
        private final BlockingQueue<Frame> out;
        private final Path log;

        Reader(InputStream in, BlockingQueue<Frame> out, Path log) {
            this.in = in;
            this.out = out;
            this.log = log;
        }

        @Override
        public void run() {
            try {
                String line;
                while ((line = readLine()) != null) {
                    int at = line.lastIndexOf(MARKER);
                    if (at < 0) {
                        noise(line);
                        continue;
                    }
                    if (at > 0) {
                        noise(line.substring(0, at));
                    }
                    String[] f = line.substring(at + MARKER.length()).split(" ");
                    long id = Long.parseLong(f[0]);
                    String kind = f[1];
                    Frame frame;
                    switch (kind) {
                        case "READY":
                            frame = new Frame(id, kind, 0, payload(Integer.parseInt(f[2])), 0);
                            break;
                        case "OK":
                            frame = new Frame(id, kind, 0, payload(Integer.parseInt(f[2])), Long.parseLong(f[3]));
                            break;
                        case "ERR":
                            frame = new Frame(id, kind, Integer.parseInt(f[2]), payload(Integer.parseInt(f[3])), 0);
                            break;
                        default:
                            noise(line);
                            continue;
                    }
                    if (frame.payload() == null) {
                        break; // stdout ended inside a payload
                    }
                    out.add(frame);
                }
            } catch (IOException | RuntimeException e) {
                noise("bridge reader stopped: " + e);
            } finally {
                out.add(Frame.EOF);
            }
        }

        private byte[] payload(int len) throws IOException {
            byte[] b = in.readNBytes(len);
            return b.length == len ? b : null;
        }

        private String readLine() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return line.toString(StandardCharsets.UTF_8);
                }
                line.write(c);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
        }

        private void noise(String text) {
            try {
                Files.writeString(log, "[stdout] " + text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException ignored) {
                // diagnostics only
            }
        }
    }

    public static final class Builder {
        private Path packageDir;
        private Path node;
        private Duration startTimeout = Duration.ofSeconds(120);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Path scratchRoot = TestkitSettings.scratchRoot();
        private boolean keepScratch = TestkitSettings.keepScratch();

        private Builder() {
        }

        /** The chdb package directory ({@code …/node_modules/chdb}) instead of the lookup. */
        public Builder packageDir(Path dir) {
            this.packageDir = Objects.requireNonNull(dir).toAbsolutePath();
            return this;
        }

        /** The node binary instead of searching PATH. */
        public Builder node(Path node) {
            this.node = Objects.requireNonNull(node);
            return this;
        }

        /** Deadline for loading the engine (a cold page cache reads ~560 MB). */
        public Builder startTimeout(Duration d) {
            this.startTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Default deadline per request. */
        public Builder requestTimeout(Duration d) {
            this.requestTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder scratchRoot(Path root) {
            this.scratchRoot = Objects.requireNonNull(root).toAbsolutePath();
            return this;
        }

        public Builder keepScratch(boolean keep) {
            this.keepScratch = keep;
            return this;
        }

        public ChDb start() {
            ChDb c = new ChDb(this);
            try {
                synchronized (c) {
                    c.launch();
                }
            } catch (RuntimeException e) {
                c.closed = true;
                c.killProcess();
                throw e;
            }
            return c;
        }
    }
}
