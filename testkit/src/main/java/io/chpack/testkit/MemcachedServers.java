package io.chpack.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** N independent memcached servers, as a client with consistent hashing sees a memcached pool. */
public final class MemcachedServers implements AutoCloseable {
    private final List<MemcachedServer> servers;

    private MemcachedServers(List<MemcachedServer> servers) {
        this.servers = Collections.unmodifiableList(servers);
    }

    public static MemcachedServers start(int n) {
        return start(n, MemcachedServer::builder);
    }

    /** {@code builders} supplies one configured builder per server (scratch root, detached...). */
    public static MemcachedServers start(int n, Supplier<MemcachedServer.Builder> builders) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one memcached, got " + n);
        }
        List<MemcachedServer> started = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                started.add(builders.get().start());
            }
        } catch (RuntimeException e) {
            started.forEach(MemcachedServer::close);
            throw e;
        }
        return new MemcachedServers(started);
    }

    public List<MemcachedServer> servers() {
        return servers;
    }

    /** {@code 127.0.0.1:P1,127.0.0.1:P2,...} */
    public String addresses() {
        return servers.stream().map(MemcachedServer::address).collect(Collectors.joining(","));
    }

    @Override
    public void close() {
        servers.forEach(MemcachedServer::close);
    }
}
