package io.chpack.testkit;

/**
 * Run in a child JVM by {@link ChDbTest}: starts a chDB bridge, prints the node pid and scratch dir, and exits
 * without closing it, as a test that forgets close() would.
 */
public final class ChDbOrphanProbeMain {
    private ChDbOrphanProbeMain() {
    }

    public static void main(String[] args) {
        ChDb chdb = ChDb.start();
        System.out.println(chdb.pid() + " " + chdb.scratchDir());
        System.out.flush();
        System.exit(0);
    }
}
