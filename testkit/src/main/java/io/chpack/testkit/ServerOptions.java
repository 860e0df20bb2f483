package io.chpack.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What every server builder shares: where scratch goes, how long a start may take, whether the process
 * outlives this JVM (CLI), and whether scratch survives a clean stop.
 */
public abstract class ServerOptions<B extends ServerOptions<B>> {
    Path scratchRoot = TestkitSettings.scratchRoot();
    Duration startTimeout = Duration.ofSeconds(60);
    boolean detached;
    boolean keepScratch = TestkitSettings.keepScratch();

    /** Copies these options onto another builder (a cluster passes its options to its members). */
    <O extends ServerOptions<O>> O copyTo(O other) {
        other.scratchRoot = scratchRoot;
        other.startTimeout = startTimeout;
        other.detached = detached;
        other.keepScratch = keepScratch;
        return other;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Parent of this server's scratch directory (default {@code java.io.tmpdir/chpack-testkit}). */
    public B scratchRoot(Path root) {
        this.scratchRoot = Objects.requireNonNull(root).toAbsolutePath();
        return self();
    }

    public B startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout);
        return self();
    }

    /** Run in its own session, not stopped on JVM exit: for the CLI, whose servers outlive it. */
    public B detached(boolean detached) {
        this.detached = detached;
        return self();
    }

    /** Keep the scratch directory (data and logs) after a clean stop too. */
    public B keepScratch(boolean keep) {
        this.keepScratch = keep;
        return self();
    }
}
