package io.chpack.testkit;

/**
 * Run in a child JVM by {@link ShutdownHookTest}: starts a memcached, prints its pid and port, and exits
 * without closing it, as a test that forgets close() or a build that gets stopped would.
 */
public final class OrphanProbeMain {
    private OrphanProbeMain() {
    }

    public static void main(String[] args) {
        MemcachedServer m = MemcachedServer.start();
        System.out.println(m.pid() + " " + m.port() + " " + m.scratchDir());
        System.out.flush();
        System.exit(0);
    }
}
