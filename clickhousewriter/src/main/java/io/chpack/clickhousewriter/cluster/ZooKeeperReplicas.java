package io.chpack.clickhousewriter.cluster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * The replicas of one ReplicatedMergeTree table as ZooKeeper knows them: every child of
 * {@code <zookeeper_path>/replicas}, its {@code host} node and whether its ephemeral {@code is_active} node exists
 * (the replica's server holds a live ZooKeeper session). The {@code host} node is written by the server in this
 * form (checked on 18.16):
 *
 * <pre>
 * host: 127.0.0.1
 * port: 9009        (interserver HTTP, for fetching parts)
 * tcp_port: 9000    (native protocol, what system.clusters lists)
 * database: default
 * table: t
 * scheme: http
 * </pre>
 * Neither port is the HTTP query port; the writer maps (host, tcp_port) to an HTTP endpoint like every other
 * replica address.
 */
public final class ZooKeeperReplicas {
    /** One replica of the table. */
    public static final class Replica {
        public final String zookeeperPath;
        public final String name;
        public final String host;
        public final int tcpPort;
        public final boolean active;

        Replica(String zookeeperPath, String name, String host, int tcpPort, boolean active) {
            this.zookeeperPath = zookeeperPath;
            this.name = name;
            this.host = host;
            this.tcpPort = tcpPort;
            this.active = active;
        }

        /** What system.replicas.replica_path says on that replica. */
        public String replicaPath() {
            return zookeeperPath + "/replicas/" + name;
        }

        public String address() {
            return HostPorts.text(host, tcpPort);
        }

        @Override
        public String toString() {
            return name + "@" + address() + (active ? "" : " (inactive)");
        }
    }

    private ZooKeeperReplicas() {
    }

    /**
     * The table's zookeeper_path on every shard, found in ZooKeeper from the path template of its engine (the first
     * argument of {@code Replicated*MergeTree('/clickhouse/tables/{shard}/db/t', '{replica}')}): {@code {database}}
     * and {@code {table}} become the local table's names, every other macro matches any one path segment, and a
     * match counts only if its replicas' {@code host} nodes name this database and table. No shard needs to be
     * reachable for this: ZooKeeper alone tells every shard's replicas.
     */
    public static List<String> pathsOf(CuratorFramework zk, String template, String database, String table) {
        String t = template.replace("{database}", database).replace("{table}", table);
        if (!t.startsWith("/")) {
            throw new IllegalStateException("zookeeper path template '" + template + "' is not absolute");
        }
        List<String> found = new ArrayList<String>();
        try {
            walk(zk, "", t.substring(1).split("/"), 0, database, table, found);
        } catch (Exception e) {
            throw new IllegalStateException("cannot search ZooKeeper for " + t + ": " + e, e);
        }
        return found;
    }

    private static void walk(CuratorFramework zk, String at, String[] segments, int i, String database, String table,
            List<String> found) throws Exception {
        if (i == segments.length) {
            if (zk.checkExists().forPath(at + "/replicas") != null && ofTable(zk, at, database, table)) {
                found.add(at);
            }
            return;
        }
        String seg = segments[i];
        if (seg.indexOf('{') < 0) {
            if (zk.checkExists().forPath(at + "/" + seg) != null) {
                walk(zk, at + "/" + seg, segments, i + 1, database, table, found);
            }
            return;
        }
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(segmentRegex(seg));
        List<String> children = new ArrayList<String>(zk.getChildren().forPath(at.isEmpty() ? "/" : at));
        Collections.sort(children);
        for (String c : children) {
            if (p.matcher(c).matches()) {
                walk(zk, at + "/" + c, segments, i + 1, database, table, found);
            }
        }
    }

    /** A segment with macros as a regex: literal text quoted, each {macro} one or more non-slash characters. */
    static String segmentRegex(String seg) {
        StringBuilder b = new StringBuilder();
        int pos = 0;
        while (pos < seg.length()) {
            int open = seg.indexOf('{', pos);
            int close = open < 0 ? -1 : seg.indexOf('}', open);
            if (open < 0 || close < 0) {
                b.append(java.util.regex.Pattern.quote(seg.substring(pos)));
                break;
            }
            if (open > pos) {
                b.append(java.util.regex.Pattern.quote(seg.substring(pos, open)));
            }
            b.append("[^/]+");
            pos = close + 1;
        }
        return b.toString();
    }

    /** True when some replica's host node names this database and table. */
    private static boolean ofTable(CuratorFramework zk, String path, String database, String table) throws Exception {
        for (String name : zk.getChildren().forPath(path + "/replicas")) {
            try {
                java.util.Map<String, String> f = fields(new String(zk.getData().forPath(path + "/replicas/" + name
                        + "/host"), StandardCharsets.UTF_8));
                return database.equals(f.get("database")) && table.equals(f.get("table"));
            } catch (KeeperException.NoNodeException e) {
                // a replica being created or dropped: try the next one
            }
        }
        return false;
    }

    /** The "key: value" lines of a host node. */
    static java.util.Map<String, String> fields(String text) {
        java.util.Map<String, String> out = new java.util.HashMap<String, String>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return out;
    }

    /**
     * @throws IllegalStateException naming the path when ZooKeeper has no such table or cannot be read
     */
    public static List<Replica> of(CuratorFramework zk, String zookeeperPath) {
        String replicas = zookeeperPath + "/replicas";
        List<Replica> out = new ArrayList<Replica>();
        try {
            List<String> names = new ArrayList<String>(zk.getChildren().forPath(replicas));
            Collections.sort(names);
            for (String name : names) {
                String base = replicas + "/" + name;
                String host = null;
                int tcpPort = -1;
                try {
                    java.util.Map<String, String> f = fields(new String(zk.getData().forPath(base + "/host"),
                            StandardCharsets.UTF_8));
                    host = f.get("host");
                    tcpPort = f.containsKey("tcp_port") ? Integer.parseInt(f.get("tcp_port")) : -1;
                } catch (KeeperException.NoNodeException e) {
                    continue; // a replica being created or dropped right now
                }
                boolean active = zk.checkExists().forPath(base + "/is_active") != null;
                if (host != null && tcpPort > 0) {
                    out.add(new Replica(zookeeperPath, name, host, tcpPort, active));
                }
            }
        } catch (KeeperException.NoNodeException e) {
            throw new IllegalStateException("ZooKeeper has no replicas under " + replicas + " (is this the table's "
                    + "zookeeper_path?)", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + replicas + " from ZooKeeper: " + e, e);
        }
        return out;
    }
}
