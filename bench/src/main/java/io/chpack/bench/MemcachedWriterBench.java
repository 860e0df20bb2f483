package io.chpack.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;
import io.chpack.testkit.MemcachedServer;
import io.chpack.testkit.MemcachedServers;

/**
 * memcachedwriter vs an ocswriter-style loop, in one run against the same three memcached 1.6 nodes, with the same
 * channels and 1 KiB values:
 * <ul>
 * <li>{@code ocswriter-style}: one thread per channel, each with a spymemcached 2.12.3 client (binary protocol,
 * ketama over the three nodes), one synchronous {@code client.set(key, 0, value).get()} per record — what stock
 * ocswriter does (it also waits on {@code getStatus()} per record);</li>
 * <li>{@code memcachedwriter}: a real job through the runner {@link Engine} (built-in streamreader → the shaded
 * memcachedwriter jar), asynchronous pipelined writes, default window (1024 in flight per node).</li>
 * </ul>
 * spymemcached is loaded from the plugin jar (which carries it unrelocated), so the bench module needs no extra
 * dependency. Peak heap = peak used heap of all heap pools during the phase (after a GC before it).
 * Twice: on loopback, and through a delay proxy per node ({@code -DdelayMicros}, default 500 µs each way = 1 ms
 * round trip, a LAN / same-region hop) — the latency a synchronous loop pays per record and a pipeline pays once.
 * Usage: {@code MemcachedWriterBench [records per channel] [channels...]}; run from the repository root after
 * {@code mvn -B -q -o -pl memcachedwriter install -DskipTests}; prints a Markdown table.
 */
public final class MemcachedWriterBench {
    private MemcachedWriterBench() {
    }

    public static void main(String[] args) throws Exception {
        long perChannel = args.length > 0 ? Long.parseLong(args[0]) : 200_000L;
        List<Integer> channelCounts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            channelCounts.add(Integer.parseInt(args[i]));
        }
        if (channelCounts.isEmpty()) {
            channelCounts = List.of(1, 4);
        }
        long delayMicros = Long.getLong("delayMicros", 500); // one way: 1 ms round trip
        Path repo = findRepo();
        Path jar = repo.resolve("memcachedwriter/target/memcachedwriter-0.1.0-SNAPSHOT.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -B -q -o -pl memcachedwriter install -DskipTests");
        }
        Path home = Files.createTempDirectory("chpack-mc-bench");
        Files.createDirectories(home.resolve("conf"));
        Files.copy(repo.resolve("runner/src/main/home/conf/core.json"), home.resolve("conf/core.json"));
        Path dir = Files.createDirectories(home.resolve("plugin/writer/memcachedwriter"));
        Files.copy(repo.resolve("memcachedwriter/src/main/plugin/plugin.json"), dir.resolve("plugin.json"));
        Files.copy(jar, dir.resolve("memcachedwriter.jar"));
        String value = "v".repeat(1024);

        System.out.println("| network | channels | records (baseline / ours) | ocswriter-style ops/s | memcachedwriter ops/s | ratio "
                + "| peak heap used (baseline / ours) | peak live heap after GC (baseline / ours) |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        try (MemcachedServers pool = MemcachedServers.start(3, () -> MemcachedServer.builder().memoryMb(1024))) {
            List<String> direct = new ArrayList<>();
            for (MemcachedServer s : pool.servers()) {
                direct.add(s.address());
            }
            List<DelayProxy> proxies = new ArrayList<>();
            List<String> delayed = new ArrayList<>();
            for (MemcachedServer s : pool.servers()) {
                DelayProxy p = new DelayProxy(s.host(), s.port(), delayMicros);
                proxies.add(p);
                delayed.add("127.0.0.1:" + p.port());
            }
            try (URLClassLoader spy = new URLClassLoader(new URL[] {jar.toUri().toURL()}, MemcachedWriterBench.class.getClassLoader())) {
                // warm-up of both sides (JIT, connections)
                syncLoop(spy, direct, 2, 20_000, value);
                engine(home, direct, 2, 50_000, value);
                for (String network : System.getProperty("networks", "loopback,rtt").split(",")) {
                    List<String> servers = network.equals("loopback") ? direct : delayed;
                    String label = network.equals("loopback") ? "loopback" : "+" + 2 * delayMicros / 1000.0 + " ms RTT (delay proxy)";
                    for (int channels : channelCounts) {
                        // the baseline is slow: fewer records (ops/s do not depend on the count)
                        long baseRecords = Math.max(5_000, perChannel / (network.equals("loopback") ? 5 : 20));
                        HeapWatch w = new HeapWatch();
                        double base = syncLoop(spy, servers, channels, baseRecords, value);
                        long[] baseHeap = w.stop();
                        w = new HeapWatch();
                        double ours = engine(home, servers, channels, perChannel, value);
                        long[] ourHeap = w.stop();
                        System.out.printf(Locale.ROOT, "| %s | %d | %,d / %,d | %,.0f | %,.0f | %.1f× | %d / %d MiB | %d / %d MiB |%n",
                                label, channels, baseRecords * channels, perChannel * channels, base, ours, ours / base,
                                baseHeap[0] >> 20, ourHeap[0] >> 20, baseHeap[1] >> 20, ourHeap[1] >> 20);
                    }
                }
            } finally {
                proxies.forEach(DelayProxy::close);
            }
        }
    }

    /** channels threads, each its own client, one blocking set per record. Returns ops/s. */
    static double syncLoop(ClassLoader spy, List<String> servers, int channels, long perChannel, String value) throws Exception {
        Class<?> cfb = Class.forName("net.spy.memcached.ConnectionFactoryBuilder", true, spy);
        Class<?> proto = Class.forName("net.spy.memcached.ConnectionFactoryBuilder$Protocol", true, spy);
        Class<?> locator = Class.forName("net.spy.memcached.ConnectionFactoryBuilder$Locator", true, spy);
        Class<?> hashAlg = Class.forName("net.spy.memcached.HashAlgorithm", true, spy);
        Class<?> defHash = Class.forName("net.spy.memcached.DefaultHashAlgorithm", true, spy);
        Class<?> cf = Class.forName("net.spy.memcached.ConnectionFactory", true, spy);
        Class<?> client = Class.forName("net.spy.memcached.MemcachedClient", true, spy);
        Class<?> addrUtil = Class.forName("net.spy.memcached.AddrUtil", true, spy);
        Method set = client.getMethod("set", String.class, int.class, Object.class);
        Method shutdown = client.getMethod("shutdown");
        AtomicLong done = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Object> clients = new ArrayList<>();
        for (int t = 0; t < channels; t++) {
            Object b = cfb.getConstructor().newInstance();
            cfb.getMethod("setProtocol", proto).invoke(b, enumValue(proto, "BINARY"));
            cfb.getMethod("setLocatorType", locator).invoke(b, enumValue(locator, "CONSISTENT"));
            cfb.getMethod("setHashAlg", hashAlg).invoke(b, enumValue(defHash, "KETAMA_HASH"));
            cfb.getMethod("setDaemon", boolean.class).invoke(b, true);
            Object factory = cfb.getMethod("build").invoke(b);
            Object addrs = addrUtil.getMethod("getAddresses", String.class).invoke(null, String.join(" ", servers));
            clients.add(client.getConstructor(cf, List.class).newInstance(factory, addrs));
        }
        long start = System.nanoTime();
        for (int t = 0; t < channels; t++) {
            Object c = clients.get(t);
            int slice = t;
            Thread th = new Thread(() -> {
                try {
                    for (long i = 0; i < perChannel; i++) {
                        Future<?> f = (Future<?>) set.invoke(c, "s" + slice + ":" + i, 0, value);
                        if (!Boolean.TRUE.equals(f.get())) {
                            throw new IllegalStateException("set failed");
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        for (Object c : clients) {
            shutdown.invoke(c);
        }
        if (done.get() != perChannel * channels) {
            throw new IllegalStateException("baseline wrote " + done.get());
        }
        return done.get() / secs;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    /** streamreader (id, 1 KiB constant) → memcachedwriter, key w{id}; returns ops/s over the job's wall time. */
    static double engine(Path home, List<String> servers, int channels, long perChannel, String value) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String sv : servers) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(sv).append('"');
        }
        String job = "{\"job\": {\"setting\": {\"speed\": {\"channel\": " + channels + "}, \"errorLimit\": {\"record\": 0}},"
                + " \"content\": [{\"reader\": {\"name\": \"streamreader\", \"parameter\": {\"sliceRecordCount\": "
                + perChannel + ", \"column\": [{\"type\": \"long\", \"incr\": \"0\"}, {\"type\": \"string\", \"value\": \""
                + value + "\"}]}}, \"writer\": {\"name\": \"memcachedwriter\", \"parameter\": {\"servers\": [" + list
                + "], \"column\": [\"id\", \"v\"], \"key\": \"w{id}\", \"writeFormat\": \"raw\", \"rawColumn\": \"v\"" + System.getProperty("writerExtra", "") + "}}}]}}";
        Path f = Files.createTempFile(home, "job", ".json");
        Files.writeString(f, job);
        long start = System.nanoTime();
        JobResult r = new Engine(home).run(f, Collections.emptyMap());
        double secs = (System.nanoTime() - start) / 1e9;
        if (!r.isSuccess() || r.writeSucceedRecords() != perChannel * channels) {
            throw new IllegalStateException("memcachedwriter job: " + r);
        }
        return r.writeSucceedRecords() / secs;
    }

    /** Peak used heap (pool peaks) and peak live heap after GC (sampled every 20 ms) while it runs. */
    static final class HeapWatch {
        private volatile boolean running = true;
        private long maxAfterGc;
        private final Thread t;

        HeapWatch() {
            resetPeak();
            t = new Thread(() -> {
                while (running) {
                    long sum = 0;
                    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                            sum += p.getCollectionUsage().getUsed();
                        }
                    }
                    synchronized (this) {
                        maxAfterGc = Math.max(maxAfterGc, sum);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        long[] stop() throws InterruptedException {
            running = false;
            t.join();
            synchronized (this) {
                return new long[] {peak(), maxAfterGc};
            }
        }
    }

    private static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peak() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /**
     * A TCP relay that holds every chunk for {@code delayMicros} in each direction (one thread per direction and
     * connection), so both sides see the same added round trip.
     */
    static final class DelayProxy implements AutoCloseable {
        private final java.net.ServerSocket server;
        private final List<java.net.Socket> sockets = Collections.synchronizedList(new ArrayList<>());

        DelayProxy(String host, int port, long delayMicros) throws java.io.IOException {
            server = new java.net.ServerSocket(0, 200, java.net.InetAddress.getByName("127.0.0.1"));
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket in = server.accept();
                        java.net.Socket out = new java.net.Socket(host, port);
                        in.setTcpNoDelay(true);
                        out.setTcpNoDelay(true);
                        sockets.add(in);
                        sockets.add(out);
                        pump(in, out, delayMicros);
                        pump(out, in, delayMicros);
                    } catch (java.io.IOException e) {
                        return;
                    }
                }
            }, "delay-proxy-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pump(java.net.Socket from, java.net.Socket to, long delayMicros) {
            java.util.concurrent.LinkedBlockingQueue<Object[]> q = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                byte[] buf = new byte[64 * 1024];
                try {
                    java.io.InputStream in = from.getInputStream();
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        q.put(new Object[] {System.nanoTime() + delayMicros * 1000, java.util.Arrays.copyOf(buf, n)});
                    }
                } catch (Exception e) {
                    // closed
                }
                q.add(new Object[] {0L, null});
            }, "delay-proxy-read");
            Thread writer = new Thread(() -> {
                try {
                    java.io.OutputStream out = to.getOutputStream();
                    while (true) {
                        Object[] chunk = q.take();
                        if (chunk[1] == null) {
                            to.shutdownOutput();
                            return;
                        }
                        long wait = (Long) chunk[0] - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        out.write((byte[]) chunk[1]);
                    }
                } catch (Exception e) {
                    // closed
                }
            }, "delay-proxy-write");
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (java.io.IOException e) {
                // closing
            }
            synchronized (sockets) {
                for (java.net.Socket s : sockets) {
                    try {
                        s.close();
                    } catch (java.io.IOException e) {
                        // closing
                    }
                }
            }
        }
    }

    private static Path findRepo() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("memcachedwriter")) && Files.isDirectory(p.resolve("runner"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from the chpack repository");
    }
}
