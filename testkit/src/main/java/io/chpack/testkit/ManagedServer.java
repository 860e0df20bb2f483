package io.chpack.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The life cycle every server shares: fresh scratch dir, one-time initialisation, port choice + config,
 * launch, readiness probe with a deadline, retry on the free-port race, stop/restart, close.
 * Subclasses supply the server-specific steps; this class owns the order and the error reporting.
 */
public abstract class ManagedServer implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 3;

    private final ServerOptions<?> options;
    private Path scratchDir;
    private ManagedProcess process;
    private boolean failed;
    private boolean closed;

    protected ManagedServer(ServerOptions<?> options) {
        this.options = options;
    }

    /** Short name used in messages, directory and log names, e.g. {@code clickhouse-server}. */
    protected abstract String kind();

    /** Once per scratch dir, before the first launch: data directory initialisation and the like. */
    protected void initialize(Path scratch) throws Exception {
    }

    /** Before each launch attempt that needs new ports: choose ports, write config files. */
    protected abstract void configure(Path scratch) throws Exception;

    protected abstract List<String> command();

    protected Map<String, String> environment() {
        return Map.of();
    }

    /** Signal for a clean stop. */
    protected String stopSignal() {
        return "TERM";
    }

    /** Throws (or returns false) while the server is not ready; called repeatedly until the deadline. */
    protected abstract boolean probe() throws Exception;

    /** After the first successful start: create databases, users... */
    protected void afterFirstStart() throws Exception {
    }

    /** Whether this server may pick new ports and retry after "address in use" (off when ports are fixed by a cluster). */
    protected boolean mayRetryOnPortClash() {
        return true;
    }

    /** Where the scratch dir goes; PostgreSQL overrides it to a place its own user can reach. */
    protected Path scratchRoot() {
        return options.scratchRoot;
    }

    protected final void startFresh() {
        scratchDir = ScratchDirs.create(scratchRoot(), kind());
        try {
            initialize(scratchDir);
            for (int attempt = 1;; attempt++) {
                configure(scratchDir);
                try {
                    launchAndAwait();
                    break;
                } catch (ServerStartException e) {
                    if (attempt < MAX_ATTEMPTS && mayRetryOnPortClash() && e.isAddressInUse()) {
                        continue; // someone took our port between pick and bind: new ports, new try
                    }
                    throw e;
                }
            }
            afterFirstStart();
        } catch (ServerStartException | MissingBinaryException e) {
            markFailedAndStop();
            throw e;
        } catch (Exception e) {
            markFailedAndStop();
            throw new ServerStartException(kind(), e.toString(), process == null ? List.of() : process.command(),
                    logFile(), e);
        }
    }

    private void markFailedAndStop() {
        failed = true; // keep the scratch dir: its logs explain the failure
        if (process != null) {
            process.kill();
        }
    }

    private void launchAndAwait() {
        List<String> cmd = command();
        process = ManagedProcess.start(kind(), cmd, scratchDir, logFile(), environment(), stopSignal(),
                options.detached);
        long deadline = System.nanoTime() + options.startTimeout.toNanos();
        Exception last = null;
        long pause = 10;
        while (true) {
            if (!process.isAlive()) {
                String reason = "process exited" + process.exitCode().map(c -> " with code " + c).orElse("")
                        + " before it was ready";
                throw new ServerStartException(kind(), reason, cmd, logFile(), null);
            }
            try {
                if (probe()) {
                    return;
                }
                last = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.kill();
                throw new ServerStartException(kind(), "interrupted", cmd, logFile(), e);
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                process.kill();
                throw new ServerStartException(kind(), "not ready within " + options.startTimeout.toSeconds()
                        + " s" + (last == null ? "" : " (last probe: " + last + ")"), cmd, logFile(), last);
            }
            Wait.sleep(pause);
            pause = Math.min(pause * 2, 200);
        }
    }

    /** Stops the process, keeping data, config and ports, so {@link #restart()} can bring it back. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
        }
    }

    /** Starts the stopped server again on the same ports with the same data. */
    public synchronized void restart() {
        if (closed) {
            throw new IllegalStateException(kind() + " is closed");
        }
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            launchAndAwait();
        } catch (ServerStartException e) {
            failed = true;
            throw e;
        }
    }

    /** Kills the process at once (no clean shutdown): for failure tests. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the server; deletes the scratch dir unless it failed or keeping was asked for. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (!failed && !options.keepScratch && !options.detached) {
            ScratchDirs.deleteTree(scratchDir);
        }
    }

    public Path scratchDir() {
        return scratchDir;
    }

    /** The server's stdout/stderr (appended across restarts). */
    public Path logFile() {
        return scratchDir == null ? null : scratchDir.resolve(kind() + ".log");
    }

    /** The running process; empty before start. */
    public ManagedProcess process() {
        return process;
    }

    public long pid() {
        return process == null ? -1 : process.pid();
    }

    protected boolean detached() {
        return options.detached;
    }

    protected ServerOptions<?> options() {
        return options;
    }
}
