package io.chpack.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * ClickHouse 18.16 as 2 shards x 2 replicas plus one ZooKeeper: four server processes on 127.0.0.1 with
 * distinct ports, a {@code remote_servers} cluster named {@value #NAME} (internal_replication=true),
 * {@code <macros>} {shard}/{replica}, and {@code distributed_ddl}, so ON CLUSTER DDL, ReplicatedMergeTree and
 * Distributed work.
 *
 * <p>All nodes listen on 127.0.0.1, not 127.0.0.2-.5: 18.16 decides "this host is me" (for ON CLUSTER tasks
 * and Distributed's local shard) by comparing the address with its network interfaces, and only 127.0.0.1 is
 * an interface address; with .2-.5 no node ever runs an ON CLUSTER task. With 127.0.0.1 the distinct TCP port
 * tells the nodes apart, so is_local still differs per node.
 *
 * <pre>
 * try (ClickHouseCluster c = ClickHouseCluster.start()) {
 *     c.node(1, 1).query("CREATE TABLE t ON CLUSTER chpack (...) ENGINE = ReplicatedMergeTree(
 *         '/clickhouse/tables/{shard}/t', '{replica}') ORDER BY id");
 * }
 * </pre>
 */
public final class ClickHouseCluster implements AutoCloseable {
    public static final String NAME = "chpack";
    public static final int SHARDS = 2;
    public static final int REPLICAS = 2;
    private static final int MAX_ATTEMPTS = 3;

    private final ZooKeeperServer zookeeper;
    private final List<Node> nodes;
    private final Path scratchDir;
    private final boolean keepScratch;

    private ClickHouseCluster(ZooKeeperServer zookeeper, List<Node> nodes, Path scratchDir, boolean keepScratch) {
        this.zookeeper = zookeeper;
        this.nodes = Collections.unmodifiableList(nodes);
        this.scratchDir = scratchDir;
        this.keepScratch = keepScratch;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static ClickHouseCluster start() {
        return builder().start();
    }

    public String clusterName() {
        return NAME;
    }

    public ZooKeeperServer zookeeper() {
        return zookeeper;
    }

    /** Nodes in shard-major order: (1,1), (1,2), (2,1), (2,2). */
    public List<Node> nodes() {
        return nodes;
    }

    /** Node by 1-based shard and replica number. */
    public Node node(int shard, int replica) {
        for (Node n : nodes) {
            if (n.shard == shard && n.replica == replica) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node shard " + shard + " replica " + replica);
    }

    public Path scratchDir() {
        return scratchDir;
    }

    /**
     * {@code SYSTEM SYNC REPLICA table} on every running node: returns once each replica has fetched
     * everything in its replication queue (polls nothing, the server waits).
     */
    public void syncReplicas(String table) {
        for (Node n : nodes) {
            if (n.server.isRunning()) {
                n.query("SYSTEM SYNC REPLICA " + table);
            }
        }
    }

    /** Stops every node (in parallel: each clean stop takes ~2.6 s) and ZooKeeper. */
    @Override
    public void close() {
        boolean failed = false;
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (Node n : nodes) {
            stops.add(CompletableFuture.runAsync(n.server::close));
        }
        for (CompletableFuture<Void> f : stops) {
            try {
                f.join();
            } catch (RuntimeException e) {
                failed = true;
            }
        }
        zookeeper.close();
        if (!failed && !keepScratch && !isDetached()) {
            ScratchDirs.deleteTree(scratchDir);
        }
    }

    private boolean isDetached() {
        return zookeeper.detached();
    }

    /** One ClickHouse process of the cluster. */
    public static final class Node {
        private final int shard;
        private final int replica;
        private final ClickHouseServer server;

        Node(int shard, int replica, ClickHouseServer server) {
            this.shard = shard;
            this.replica = replica;
            this.server = server;
        }

        public int shard() {
            return shard;
        }

        public int replica() {
            return replica;
        }

        /** The {shard} macro value. */
        public String shardMacro() {
            return Integer.toString(shard);
        }

        /** The {replica} macro value. */
        public String replicaMacro() {
            return "r" + replica;
        }

        public ClickHouseServer server() {
            return server;
        }

        public String host() {
            return server.host();
        }

        public int httpPort() {
            return server.httpPort();
        }

        public int tcpPort() {
            return server.tcpPort();
        }

        public String httpUrl() {
            return server.httpUrl();
        }

        public String jdbcUrl(String database) {
            return server.jdbcUrl(database);
        }

        public String query(String sql) {
            return server.query(sql);
        }

        /** Clean stop; data, config and ports are kept for {@link #restart()}. */
        public void stop() {
            server.stop();
        }

        /** SIGKILL, for crash tests. */
        public void kill() {
            server.kill();
        }

        /** Starts the node again; it rejoins ZooKeeper and fetches what it missed. */
        public void restart() {
            server.restart();
        }

        public boolean isRunning() {
            return server.isRunning();
        }

        @Override
        public String toString() {
            return "shard " + shard + " replica " + replica + " " + server;
        }
    }

    public static final class Builder extends ServerOptions<Builder> {
        private Builder() {
            startTimeout(Duration.ofSeconds(30));
        }

        public ClickHouseCluster start() {
            Path dir = ScratchDirs.create(scratchRoot, "clickhouse-cluster");
            ZooKeeperServer zk = copyTo(ZooKeeperServer.builder()).scratchRoot(dir).start();
            for (int attempt = 1;; attempt++) {
                List<Node> started = new ArrayList<>();
                try {
                    startNodes(zk, dir, started);
                    return new ClickHouseCluster(zk, started, dir, keepScratch);
                } catch (RuntimeException e) {
                    for (Node n : started) {
                        n.server.kill();
                    }
                    boolean portClash = e instanceof ServerStartException && ((ServerStartException) e).isAddressInUse();
                    if (!portClash || attempt >= MAX_ATTEMPTS) {
                        zk.kill(); // keep every scratch dir: the logs explain the failure
                        throw e;
                    }
                }
            }
        }

        private void startNodes(ZooKeeperServer zk, Path dir, List<Node> started) {
            int[] ports = FreePorts.pick(SHARDS * REPLICAS * 3);
            String shared = clusterXml(ports) + zookeeperXml(zk) + "<distributed_ddl><path>/clickhouse/task_queue/ddl"
                    + "</path></distributed_ddl>\n";
            int i = 0;
            for (int s = 1; s <= SHARDS; s++) {
                for (int r = 1; r <= REPLICAS; r++, i++) {
                    Node probe = new Node(s, r, null);
                    ClickHouseServer server = copyTo(ClickHouseServer.builder()).scratchRoot(dir)
                            .fixedPorts(ports[i * 3], ports[i * 3 + 1], ports[i * 3 + 2])
                            .label("chpack-s" + s + "r" + r)
                            .extraConfig(shared + "<macros><shard>" + probe.shardMacro() + "</shard><replica>"
                                    + probe.replicaMacro() + "</replica></macros>")
                            .start();
                    started.add(new Node(s, r, server));
                }
            }
        }

        private static String clusterXml(int[] ports) {
            StringBuilder x = new StringBuilder("<remote_servers><" + NAME + ">\n");
            int i = 0;
            for (int s = 1; s <= SHARDS; s++) {
                // internal_replication: Distributed writes each block to one replica, ReplicatedMergeTree copies it.
                x.append("  <shard><internal_replication>true</internal_replication>\n");
                for (int r = 1; r <= REPLICAS; r++, i++) {
                    x.append("    <replica><host>").append(ClickHouseServer.HOST).append("</host><port>")
                            .append(ports[i * 3 + 1]).append("</port></replica>\n");
                }
                x.append("  </shard>\n");
            }
            return x.append("</").append(NAME).append("></remote_servers>\n").toString();
        }

        private static String zookeeperXml(ZooKeeperServer zk) {
            return "<zookeeper><node><host>" + zk.host() + "</host><port>" + zk.port()
                    + "</port></node><session_timeout_ms>6000</session_timeout_ms></zookeeper>\n";
        }
    }
}
