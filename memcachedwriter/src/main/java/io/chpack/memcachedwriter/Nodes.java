package io.chpack.memcachedwriter;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

import com.alibaba.datax.common.exception.DataXException;
import net.spy.memcached.AddrUtil;
import net.spy.memcached.ConnectionFactory;
import net.spy.memcached.ConnectionFactoryBuilder;
import net.spy.memcached.ConnectionObserver;
import net.spy.memcached.FailureMode;
import net.spy.memcached.HashAlgorithm;
import net.spy.memcached.util.KetamaNodeLocatorConfiguration;
import net.spy.memcached.KetamaNodeLocator;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.MemcachedNode;
import net.spy.memcached.NodeLocator;
import net.spy.memcached.OperationFactory;
import net.spy.memcached.auth.AuthDescriptor;
import net.spy.memcached.auth.PlainCallbackHandler;
import net.spy.memcached.metrics.MetricCollector;
import net.spy.memcached.metrics.MetricType;
import net.spy.memcached.ops.Operation;
import net.spy.memcached.transcoders.Transcoder;

/**
 * The memcached pool of one task: spymemcached clients and the routing of a key (or, for {@code partition},
 * a record) to a node index in {@code servers}. ketama and modula use one client over all servers with
 * spymemcached's own locator, so keys land exactly where an application's spymemcached client looks;
 * partition uses one single-node client per server.
 */
final class Nodes implements AutoCloseable {
    final List<String> servers;
    final List<InetSocketAddress> addresses;
    private final List<MemcachedClient> clients = new ArrayList<>();
    private final NodeLocator locator; // read-only copy; null for partition
    private final Map<SocketAddress, Integer> indexOf = new HashMap<>();

    Nodes(MemcachedConfig c) {
        this.servers = c.servers;
        this.addresses = Collections.unmodifiableList(AddrUtil.getAddresses(String.join(" ", c.servers)));
        for (int i = 0; i < addresses.size(); i++) {
            indexOf.put(addresses.get(i), i);
        }
        try {
            if (c.distribution == MemcachedConfig.Distribution.PARTITION) {
                for (InetSocketAddress a : addresses) {
                    clients.add(new MemcachedClient(factory(c), Collections.singletonList(a)));
                }
                locator = null;
            } else {
                MemcachedClient client = new MemcachedClient(factory(c), addresses);
                clients.add(client);
                locator = client.getNodeLocator();
            }
        } catch (IOException e) {
            close();
            throw DataXException.asDataXException(MemcachedWriterErrorCode.CONNECT_FAILED,
                    "cannot create the memcached client for " + c.servers + ": " + e.getMessage(), e);
        }
        awaitConnections(c.opTimeoutMs);
    }

    /**
     * Waits (at most {@code timeoutMs}) until every server's connection is up: spymemcached connects
     * asynchronously, and with Redistribute an operation for a node that is still connecting would go to
     * another node, where applications do not look.
     */
    private void awaitConnections(long timeoutMs) {
        long end = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < end) {
            int up = 0;
            for (MemcachedClient cl : clients) {
                up += cl.getAvailableServers().size();
            }
            if (up >= addresses.size()) {
                return;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static ConnectionFactory factory(MemcachedConfig c) {
        ConnectionFactoryBuilder b = new ConnectionFactoryBuilder()
                .setProtocol(c.protocol == MemcachedConfig.Protocol.BINARY
                        ? ConnectionFactoryBuilder.Protocol.BINARY : ConnectionFactoryBuilder.Protocol.TEXT)
                .setLocatorType(c.distribution == MemcachedConfig.Distribution.MODULA
                        ? ConnectionFactoryBuilder.Locator.ARRAY_MOD : ConnectionFactoryBuilder.Locator.CONSISTENT)
                .setHashAlg(Ring.HASHES.get(c.hash))
                .setFailureMode(c.failureMode == MemcachedConfig.FailureMode.REDISTRIBUTE
                        ? FailureMode.Redistribute : FailureMode.Cancel)
                .setOpTimeout(c.opTimeoutMs)
                .setOpQueueMaxBlockTime(c.opTimeoutMs)
                .setMaxReconnectDelay(2)
                .setTimeoutExceptionThreshold(1000)
                .setShouldOptimize(c.optimizeSets)
                .setDaemon(true);
        if (c.username != null) {
            b.setAuthDescriptor(new AuthDescriptor(new String[] {"PLAIN"},
                    new PlainCallbackHandler(c.username, c.password)));
        }
        ConnectionFactory f = b.build();
        if (c.distribution == MemcachedConfig.Distribution.KETAMA
                && c.ketamaNaming == MemcachedConfig.KetamaNaming.LIBMEMCACHED) {
            return new LibmemcachedKetama(f);
        }
        return f;
    }

    int size() {
        return addresses.size();
    }

    /** The client that serves node {@code node}. */
    MemcachedClient client(int node) {
        return locator == null ? clients.get(node) : clients.get(0);
    }

    /** The primary node of {@code key} (ketama, modula), as the application's client computes it. */
    int primary(String key) {
        Integer i = indexOf.get(locator.getPrimary(key).getSocketAddress());
        return i == null ? 0 : i;
    }

    boolean byKey() {
        return locator != null;
    }

    List<MemcachedClient> clients() {
        return clients;
    }

    /** Per server: its stats for {@code arg} (empty map for a server that did not answer). */
    List<Map<String, String>> stats(String arg) {
        List<Map<String, String>> out = new ArrayList<>();
        Map<SocketAddress, Map<String, String>> all = new HashMap<>();
        for (MemcachedClient cl : clients) {
            all.putAll(cl.getStats(arg));
        }
        for (InetSocketAddress a : addresses) {
            Map<String, String> m = all.get(a);
            out.add(m == null ? Collections.<String, String>emptyMap() : m);
        }
        return out;
    }

    @Override
    public void close() {
        for (MemcachedClient cl : clients) {
            try {
                cl.shutdown(1, java.util.concurrent.TimeUnit.SECONDS); // every write has its outcome by now
            } catch (RuntimeException e) {
                // closing: nothing left to do
            }
        }
    }

    /** spymemcached's ketama with libmemcached's server names ({@code host} / {@code host:port}). */
    static final class LibmemcachedKetama implements ConnectionFactory {
        private final ConnectionFactory d;

        LibmemcachedKetama(ConnectionFactory d) {
            this.d = d;
        }

        @Override
        public NodeLocator createLocator(List<MemcachedNode> nodes) {
            // Not spymemcached's Format.LIBMEMCACHED: that one calls getHostName(), which turns "127.0.0.1" into
            // "localhost" by a reverse lookup. libmemcached hashes the host exactly as configured.
            return new KetamaNodeLocator(nodes, d.getHashAlg(), new KetamaNodeLocatorConfiguration() {
                @Override
                public String getKeyForNode(MemcachedNode node, int repetition) {
                    return Ring.libmemcachedName((InetSocketAddress) node.getSocketAddress()) + "-" + repetition;
                }

                @Override
                public int getNodeRepetitions() {
                    return 160;
                }
            });
        }

        @Override
        public MemcachedNode createMemcachedNode(SocketAddress sa, java.nio.channels.SocketChannel ch, int bufSize) {
            return d.createMemcachedNode(sa, ch, bufSize);
        }

        @Override
        public net.spy.memcached.MemcachedConnection createConnection(List<InetSocketAddress> addrs) throws IOException {
            // the connection asks *this* factory for its locator
            return new net.spy.memcached.MemcachedConnection(getReadBufSize(), this, addrs, getInitialObservers(),
                    getFailureMode(), getOperationFactory());
        }

        @Override public BlockingQueue<Operation> createOperationQueue() { return d.createOperationQueue(); }
        @Override public BlockingQueue<Operation> createReadOperationQueue() { return d.createReadOperationQueue(); }
        @Override public BlockingQueue<Operation> createWriteOperationQueue() { return d.createWriteOperationQueue(); }
        @Override public long getOpQueueMaxBlockTime() { return d.getOpQueueMaxBlockTime(); }
        @Override public ExecutorService getListenerExecutorService() { return d.getListenerExecutorService(); }
        @Override public boolean isDefaultExecutorService() { return d.isDefaultExecutorService(); }
        @Override public OperationFactory getOperationFactory() { return d.getOperationFactory(); }
        @Override public long getOperationTimeout() { return d.getOperationTimeout(); }
        @Override public boolean isDaemon() { return d.isDaemon(); }
        @Override public boolean useNagleAlgorithm() { return d.useNagleAlgorithm(); }
        @Override public Collection<ConnectionObserver> getInitialObservers() { return d.getInitialObservers(); }
        @Override public FailureMode getFailureMode() { return d.getFailureMode(); }
        @Override public Transcoder<Object> getDefaultTranscoder() { return d.getDefaultTranscoder(); }
        @Override public boolean shouldOptimize() { return d.shouldOptimize(); }
        @Override public int getReadBufSize() { return d.getReadBufSize(); }
        @Override public HashAlgorithm getHashAlg() { return d.getHashAlg(); }
        @Override public long getMaxReconnectDelay() { return d.getMaxReconnectDelay(); }
        @Override public AuthDescriptor getAuthDescriptor() { return d.getAuthDescriptor(); }
        @Override public int getTimeoutExceptionThreshold() { return d.getTimeoutExceptionThreshold(); }
        @Override public MetricType enableMetrics() { return d.enableMetrics(); }
        @Override public MetricCollector getMetricCollector() { return d.getMetricCollector(); }
        @Override public long getAuthWaitTime() { return d.getAuthWaitTime(); }
    }

}
