package io.chpack.clickhousewriter.cluster;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.clickhousewriter.WriterErrorCode;

/**
 * The writer's cluster and ZooKeeper keys, parsed once. Errors are CONFIG_ERROR naming {@code parameter.<key>}.
 * The user-facing names of the endpoint keys ({@code cluster}, {@code clusterHttpPort}) are the reader's, with
 * the same meaning.
 */
public final class ClusterOptions {
    public static final String CLUSTER = "cluster";
    public static final String SHARDING_KEY = "shardingKey";
    public static final String DISTRIBUTED_WRITE = "distributedWrite";
    public static final String DISTRIBUTED_FALLBACK = "distributedFallback";
    public static final String CLUSTER_HTTP_PORT = "clusterHttpPort";
    public static final String CLUSTER_HTTP_ENDPOINTS = "clusterHttpEndpoints";
    public static final String INTERNAL_REPLICATION = "internalReplication";
    public static final String SHARDING_CHECK_ROWS = "shardingCheckRows";
    public static final String ZOOKEEPER = "zookeeper";
    public static final String ZOOKEEPER_SESSION_TIMEOUT_MS = "zookeeperSessionTimeoutMs";
    public static final String ZOOKEEPER_LOCK_PATH = "zookeeperLockPath";
    public static final String LOCK_TIMEOUT_MS = "lockTimeoutMs";

    public static final List<String> KEYS = Collections.unmodifiableList(Arrays.asList(CLUSTER, SHARDING_KEY,
            DISTRIBUTED_WRITE, DISTRIBUTED_FALLBACK, CLUSTER_HTTP_PORT, CLUSTER_HTTP_ENDPOINTS, INTERNAL_REPLICATION,
            SHARDING_CHECK_ROWS, ZOOKEEPER, ZOOKEEPER_SESSION_TIMEOUT_MS, ZOOKEEPER_LOCK_PATH, LOCK_TIMEOUT_MS));

    /** How replicas of a shard are kept equal: by the table (write once) or by the writer (write to each). */
    public enum InternalReplication {
        /** system.clusters' column where the server has it, else decided by the local table's engine. */
        AUTO,
        TRUE,
        FALSE
    }

    /** Null: the tables are not local tables of a named cluster. */
    public final String cluster;
    /** With {@link #cluster}: the routing expression (a Distributed table's sharding key). */
    public final String shardingKey;
    /** False: a Distributed target is written through the Distributed table itself, as the stock writer does. */
    public final boolean distributedByShard;
    public final boolean distributedFallback;
    /** Null: not set. */
    public final Integer clusterHttpPort;
    /** "host:nativePort" → "host:httpPort". */
    public final Map<String, String> clusterHttpEndpoints;
    public final InternalReplication internalReplication;
    public final int shardingCheckRows;
    /** Null: no ZooKeeper. */
    public final String zookeeper;
    public final int zookeeperSessionTimeoutMs;
    public final String zookeeperLockPath;
    public final long lockTimeoutMs;

    private ClusterOptions(Configuration p) {
        this.cluster = emptyToNull(p.getString(CLUSTER));
        String key = emptyToNull(p.getString(SHARDING_KEY));
        if (key != null && cluster == null) {
            throw error(SHARDING_KEY + " applies with parameter." + CLUSTER + " (a Distributed table brings its own "
                    + "sharding key); got '" + key + "'");
        }
        this.shardingKey = key == null ? "rand()" : key;
        String dw = text(p, DISTRIBUTED_WRITE, "shards").toLowerCase(Locale.ROOT);
        if (!dw.equals("shards") && !dw.equals("table")) {
            throw error(DISTRIBUTED_WRITE + " must be shards or table; got '" + dw + "'");
        }
        this.distributedByShard = dw.equals("shards");
        this.distributedFallback = bool(p, DISTRIBUTED_FALLBACK, false);
        this.clusterHttpPort = p.get(CLUSTER_HTTP_PORT) == null ? null
                : Integer.valueOf((int) number(p, CLUSTER_HTTP_PORT, 0, 1, 65535));
        this.clusterHttpEndpoints = endpoints(p);
        String ir = text(p, INTERNAL_REPLICATION, "auto").toUpperCase(Locale.ROOT);
        try {
            this.internalReplication = InternalReplication.valueOf(ir);
        } catch (IllegalArgumentException e) {
            throw error(INTERNAL_REPLICATION + " must be auto, true or false; got '" + ir.toLowerCase(Locale.ROOT)
                    + "'");
        }
        this.shardingCheckRows = (int) number(p, SHARDING_CHECK_ROWS, 200, 1, 10_000);
        this.zookeeper = emptyToNull(p.getString(ZOOKEEPER));
        this.zookeeperSessionTimeoutMs = (int) number(p, ZOOKEEPER_SESSION_TIMEOUT_MS, 30_000, 1_000, 600_000);
        String lockPath = text(p, ZOOKEEPER_LOCK_PATH, "/chpack/locks");
        if (!lockPath.matches("(/[A-Za-z0-9_.\\-]+)+")) {
            throw error(ZOOKEEPER_LOCK_PATH + " must be an absolute ZooKeeper path like /chpack/locks; got '"
                    + lockPath + "'");
        }
        this.zookeeperLockPath = lockPath;
        this.lockTimeoutMs = number(p, LOCK_TIMEOUT_MS, 600_000, 0, 86_400_000);
    }

    public static ClusterOptions parse(Configuration parameter) {
        return new ClusterOptions(parameter);
    }

    private static Map<String, String> endpoints(Configuration p) {
        Object raw = p.get(CLUSTER_HTTP_ENDPOINTS);
        Map<String, String> out = new LinkedHashMap<String, String>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map)) {
            throw error(CLUSTER_HTTP_ENDPOINTS + " must be an object {\"host:nativePort\": \"host:httpPort\"}; got "
                    + raw);
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            String k = String.valueOf(e.getKey()).trim();
            String v = e.getValue() == null ? "" : String.valueOf(e.getValue()).trim();
            if (!HostPorts.isHostPort(k) || !HostPorts.isHostPort(v)) {
                throw error(CLUSTER_HTTP_ENDPOINTS + " maps host:port to host:port (the native port as "
                        + "system.clusters lists it to the node's HTTP port); got \"" + k + "\": \"" + v + "\"");
            }
            out.put(k, v);
        }
        return Collections.unmodifiableMap(out);
    }

    private static String emptyToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }

    private static String text(Configuration p, String key, String dflt) {
        String v = emptyToNull(p.getString(key));
        return v == null ? dflt : v;
    }

    private static boolean bool(Configuration p, String key, boolean dflt) {
        Object raw = p.get(key);
        if (raw == null) {
            return dflt;
        }
        String s = String.valueOf(raw).trim();
        if ("true".equalsIgnoreCase(s) || "false".equalsIgnoreCase(s)) {
            return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
        }
        throw error(key + " must be true or false, got '" + s + "'");
    }

    private static long number(Configuration p, String key, long dflt, long min, long max) {
        Object raw = p.get(key);
        if (raw == null) {
            return dflt;
        }
        String s = String.valueOf(raw).trim();
        long v;
        try {
            v = new java.math.BigDecimal(s).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw error(key + " must be a whole number, got '" + s + "'");
        }
        if (v < min || v > max) {
            throw error(key + " must be between " + min + " and " + max + ", got " + s);
        }
        return v;
    }

    static DataXException error(String message) {
        return DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter." + message);
    }
}
