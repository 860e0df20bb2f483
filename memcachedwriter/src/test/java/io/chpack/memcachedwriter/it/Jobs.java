package io.chpack.memcachedwriter.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.alibaba.fastjson2.JSON;
import io.chpack.runner.Engine;
import io.chpack.runner.JobResult;
import io.chpack.testkit.MemcachedServer;
import io.chpack.testkit.Wait;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.DefaultHashAlgorithm;
import net.spy.memcached.FailureMode;
import net.spy.memcached.KetamaConnectionFactory;
import net.spy.memcached.MemcachedClient;

/** Runs jobs through the runner Engine and looks at memcached the way applications and operators do. */
final class Jobs {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Jobs() {
    }

    static Path newDir(String name) {
        try {
            Path dir = ItHome.moduleDir().resolve("target/it-jobs/" + name + "-" + ProcessHandle.current().pid() + "-"
                    + SEQ.incrementAndGet());
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JobResult run(Map<String, Object> reader, Map<String, Object> writer, int channels, int errorLimit) {
        Path dir = newDir("job");
        Map<String, Object> job = Map.of("job", Map.of(
                "setting", Map.of("speed", Map.of("channel", channels), "errorLimit", Map.of("record", errorLimit)),
                "content", List.of(Map.of(
                        "reader", reader,
                        "writer", Map.of("name", "memcachedwriter", "parameter", writer)))));
        try {
            Path f = dir.resolve("job.json");
            Files.writeString(f, JSON.toJSONString(job));
            return new Engine(ItHome.get()).run(f, Collections.emptyMap());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> rows(List<List<String>> rows) {
        return Map.of("name", "rowsreader", "parameter", Map.of("rows", rows));
    }

    static Map<String, Object> generate(long count, int valueBytes) {
        return Map.of("name", "rowsreader", "parameter", Map.of("generate", Map.of("count", count, "valueBytes", valueBytes)));
    }

    static Map<String, Object> writer(List<MemcachedServer> servers, Object... kv) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<String> addrs = new ArrayList<>();
        for (MemcachedServer s : servers) {
            addrs.add(s.address());
        }
        p.put("servers", addrs);
        for (int i = 0; i < kv.length; i += 2) {
            p.put((String) kv[i], kv[i + 1]);
        }
        return p;
    }

    static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    /** An application's client: spymemcached with KetamaConnectionFactory over the same server list. */
    static MemcachedClient ketamaClient(List<MemcachedServer> servers) throws IOException {
        return connected(new MemcachedClient(new KetamaConnectionFactory(), addresses(servers)), servers.size());
    }

    static MemcachedClient client(List<MemcachedServer> servers, ConnectionFactoryBuilder.Locator locator,
            DefaultHashAlgorithm hash, FailureMode mode) throws IOException {
        return client(servers, locator, hash, mode, servers.size());
    }

    /** A client whose connections to {@code available} servers are up (until then, Redistribute sends reads elsewhere). */
    static MemcachedClient client(List<MemcachedServer> servers, ConnectionFactoryBuilder.Locator locator,
            DefaultHashAlgorithm hash, FailureMode mode, int available) throws IOException {
        return connected(new MemcachedClient(new ConnectionFactoryBuilder().setLocatorType(locator).setHashAlg(hash)
                .setFailureMode(mode).setDaemon(true).build(), addresses(servers)), available);
    }

    private static MemcachedClient connected(MemcachedClient c, int available) {
        try {
            Wait.until("the application client connecting to " + available + " servers", Duration.ofSeconds(20),
                    () -> c.getAvailableServers().size() == available);
        } catch (RuntimeException e) {
            c.shutdown();
            throw e;
        }
        return c;
    }

    static List<InetSocketAddress> addresses(List<MemcachedServer> servers) {
        List<String> a = new ArrayList<>();
        for (MemcachedServer s : servers) {
            a.add(s.address());
        }
        return AddrUtil.getAddresses(String.join(" ", a));
    }

    /** One item as one server holds it (meta get): value bytes, flags and remaining TTL (-1 = none), or null. */
    static final class Item {
        final byte[] value;
        final int flags;
        final long ttl;

        Item(byte[] value, int flags, long ttl) {
            this.value = value;
            this.flags = flags;
            this.ttl = ttl;
        }

        String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }

    static Item meta(MemcachedServer s, String key) throws IOException {
        try (Socket sock = new Socket()) {
            sock.connect(new InetSocketAddress(s.host(), s.port()), 1000);
            sock.setSoTimeout(3000);
            OutputStream out = sock.getOutputStream();
            out.write(("mg " + key + " v f t\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            java.io.InputStream in = sock.getInputStream();
            String head = line(in);
            if (head.equals("EN")) {
                return null;
            }
            // VA <size> f<flags> t<ttl>
            String[] parts = head.split(" ");
            if (!parts[0].equals("VA")) {
                throw new IOException("unexpected answer: " + head);
            }
            int size = Integer.parseInt(parts[1]);
            int flags = 0;
            long ttl = -1;
            for (int i = 2; i < parts.length; i++) {
                if (parts[i].startsWith("f")) {
                    flags = Integer.parseInt(parts[i].substring(1));
                } else if (parts[i].startsWith("t")) {
                    ttl = Long.parseLong(parts[i].substring(1));
                }
            }
            byte[] v = in.readNBytes(size);
            return new Item(v, flags, ttl);
        }
    }

    /** Which servers hold {@code key} (index list). */
    static List<Integer> holders(List<MemcachedServer> servers, String key) throws IOException {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (meta(servers.get(i), key) != null) {
                out.add(i);
            }
        }
        return out;
    }

    static long currItems(MemcachedServer s) throws IOException {
        try (Socket sock = new Socket()) {
            sock.connect(new InetSocketAddress(s.host(), s.port()), 1000);
            sock.setSoTimeout(3000);
            sock.getOutputStream().write("stats\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader r = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII));
            String l;
            long n = -1;
            while ((l = r.readLine()) != null && !l.equals("END")) {
                if (l.startsWith("STAT curr_items ")) {
                    n = Long.parseLong(l.substring(16).trim());
                }
            }
            return n;
        }
    }

    static void flushAll(List<MemcachedServer> servers) throws IOException {
        for (MemcachedServer s : servers) {
            s.command("flush_all");
        }
    }

    private static String line(java.io.InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                sb.append((char) b);
            }
        }
        return sb.toString();
    }

    static String dirtyMessages(JobResult r) {
        StringBuilder sb = new StringBuilder();
        r.dirtySamples().forEach(d -> sb.append(d.message()).append(" | ").append(d.exception()).append('\n'));
        return sb.toString();
    }
}
