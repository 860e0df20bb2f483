package io.chpack.clickhousewriter.cluster;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseUrl;
import io.chpack.clickhousewriter.client.ConnectionSettings;
import io.chpack.clickhousewriter.meta.Identifiers;
import io.chpack.clickhousewriter.meta.MetadataReader;
import io.chpack.clickhousewriter.meta.TableMetadata;
import io.chpack.clickhousewriter.sharding.DistributedEngine;
import io.chpack.clickhousewriter.sharding.SelfCheckReport;
import io.chpack.clickhousewriter.sharding.ServerDialect;
import io.chpack.clickhousewriter.sharding.ShardRouter;
import io.chpack.clickhousewriter.sharding.ShardingColumn;
import io.chpack.clickhousewriter.sharding.ShardingSelfCheck;
import io.chpack.common.chtype.ClickHouseType;

/**
 * Job-side resolution of a cluster target: a Distributed table (its engine names cluster, local table and
 * sharding key) or {@code cluster} + a local table (+ {@code shardingKey}). {@link #locate} finds the shards,
 * weights and a verified HTTP endpoint for each replica; {@link #verifyRouting} proves on the server that the
 * Java routing is the server's, so rows land where the Distributed table would put them. Either step can fall
 * back to writing through the Distributed table ({@code distributedFallback}) instead of failing.
 */
public final class ClusterTarget {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTarget.class);

    /** The configured table (Distributed, or the local table itself with {@code cluster}). */
    public final TableMetadata configured;
    /** The local table on the shards (staging, partition key). */
    public final TableMetadata local;
    public final ClusterLayout layout;
    public final String shardingKey;
    private final boolean distributed;
    private final boolean fanOut;
    private final List<List<String>> endpoints;
    private ClusterPlan plan;

    private ClusterTarget(TableMetadata configured, TableMetadata local, ClusterLayout layout, String shardingKey,
            boolean distributed, boolean fanOut, List<List<String>> endpoints) {
        this.configured = configured;
        this.local = local;
        this.layout = layout;
        this.shardingKey = shardingKey;
        this.distributed = distributed;
        this.fanOut = fanOut;
        this.endpoints = endpoints;
    }

    /**
     * @param zk null without {@code zookeeper}
     * @return null when the table is written as it is: not a cluster target, {@code distributedWrite: table},
     *         or a fallback was taken (logged)
     */
    public static ClusterTarget locate(ClusterOptions opts, ConnectionSettings cs, List<ClickHouseUrl.HostPort> urlHosts,
            ClickHouseConnection entry, TableMetadata m, ZooKeeperSession zk) {
        boolean distributed = "Distributed".equals(m.engine);
        if (opts.cluster == null && (!distributed || !opts.distributedByShard)) {
            if (distributed) {
                LOG.info("{}.{} is written through the Distributed table (parameter.{} = table)", m.database, m.table,
                        ClusterOptions.DISTRIBUTED_WRITE);
            }
            return null;
        }
        String clusterName;
        String localDb;
        String localTable;
        String key;
        if (opts.cluster != null) {
            if (distributed) {
                throw ClusterOptions.error(ClusterOptions.CLUSTER + " names the cluster of local tables, but "
                        + m.database + "." + m.table + " is a Distributed table (" + m.engineFull + "); drop "
                        + "parameter.cluster to write its shards, or name the local table");
            }
            clusterName = opts.cluster;
            localDb = m.database;
            localTable = m.table;
            key = opts.shardingKey;
        } else {
            DistributedEngine e;
            try {
                e = DistributedEngine.parse(m.engineFull.replace("\\'", "'"));
            } catch (IllegalArgumentException ex) {
                return fallbackOrFail(opts, m, "cannot read its engine: " + ex.getMessage());
            }
            clusterName = e.cluster();
            localDb = e.database().isEmpty() || e.database().contains("(") ? m.database : e.database();
            localTable = e.table();
            key = e.shardingKey();
            if (key == null) {
                key = "rand()"; // no key: the server accepts inserts only with one shard; any shard is then right
            }
        }
        try {
            ClusterLayout layout = ClusterLayout.read(entry, clusterName);
            if (opts.cluster == null && layout.shards.size() == 1) {
                key = "rand()";
            }
            TableMetadata local = localMetadata(cs, urlHosts, entry, layout, localDb, localTable);
            List<ZooKeeperReplicas.Replica> zkReplicas = new ArrayList<ZooKeeperReplicas.Replica>();
            if (zk != null) {
                zkReplicas = zooKeeperReplicas(zk, local);
            }
            Map<Integer, List<EndpointDiscovery.Found>> found = EndpointDiscovery.discover(cs, layout, opts, urlHosts,
                    localDb, localTable, local.isReplicated(), zkReplicas);
            boolean fanOut = fanOut(opts, layout, local);
            List<List<String>> endpoints = new ArrayList<List<String>>();
            for (ClusterLayout.Shard s : layout.shards) {
                List<EndpointDiscovery.Found> f = found.get(s.number);
                if (f.isEmpty() && s.weight > 0) {
                    return fallbackOrFail(opts, m, "no HTTP endpoint of shard " + s.number + " (replicas "
                            + s.replicas + " in system.clusters" + (zkReplicas.isEmpty() ? "" : ", " + zkReplicas
                                    + " in ZooKeeper") + ") answered as that shard with table " + localDb + "."
                            + localTable + "; list its nodes in jdbcUrl, or set parameter."
                            + ClusterOptions.CLUSTER_HTTP_PORT + " or parameter." + ClusterOptions.CLUSTER_HTTP_ENDPOINTS);
                }
                if (fanOut && f.size() < s.replicas.size()) {
                    throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "cluster " + clusterName
                            + " replicates by writing every replica (internal_replication=false, table " + localDb
                            + "." + localTable + " is " + local.engine + "), but only " + f + " of shard " + s.number
                            + "'s replicas " + s.replicas + " answered; every replica needs an HTTP endpoint "
                            + "(jdbcUrl, parameter." + ClusterOptions.CLUSTER_HTTP_PORT + " or parameter."
                            + ClusterOptions.CLUSTER_HTTP_ENDPOINTS + ")");
                }
                List<String> hp = new ArrayList<String>();
                for (EndpointDiscovery.Found x : f) {
                    hp.add(x.endpoint.toString());
                }
                endpoints.add(hp);
                LOG.info("cluster {} shard {} (weight {}): {}", clusterName, s.number, s.weight, hp);
            }
            return new ClusterTarget(m, local, layout, key, distributed, fanOut, endpoints);
        } catch (IllegalArgumentException | IllegalStateException ex) {
            return fallbackOrFail(opts, m, ex.getMessage());
        }
    }

    /**
     * Compiles the sharding key over the job's columns and runs the self-check on the entry server. Returns false
     * when the job falls back to the Distributed table (logged); throws when it cannot.
     */
    public boolean verifyRouting(ClusterOptions opts, ClickHouseConnection entry, String serverVersion,
            List<String> columns, List<String> types) {
        List<ShardingColumn> cols = new ArrayList<ShardingColumn>();
        for (int i = 0; i < columns.size(); i++) {
            cols.add(new ShardingColumn(columns.get(i), ClickHouseType.parse(types.get(i))));
        }
        ShardRouter router;
        try {
            router = ShardRouter.create(shardingKey, cols, layout.weights(), ServerDialect.forVersion(serverVersion));
        } catch (IllegalArgumentException e) { // UnsupportedShardingExpressionException among them
            return fallbackOrFail(opts, configured, "sharding key " + shardingKey + " cannot be evaluated by the "
                    + "writer: " + e.getMessage()) != null;
        }
        SelfCheckReport report = ShardingSelfCheck.run(router.key(), SampleRows.of(router.key(),
                opts.shardingCheckRows), sql -> {
                    StringBuilder sb = new StringBuilder();
                    for (String[] row : entry.query(sql)) {
                        sb.append(String.join("\t", row)).append('\n');
                    }
                    return sb.toString();
                });
        if (!report.agrees()) {
            return fallbackOrFail(opts, configured, report.toString()) != null;
        }
        LOG.info("{}", report);
        plan = new ClusterPlan(layout.name, local.database, local.table, shardingKey, layout.weights(), fanOut,
                endpoints);
        return true;
    }

    /** Available after {@link #verifyRouting} returned true. */
    public ClusterPlan plan() {
        return plan;
    }

    private static ClusterTarget fallbackOrFail(ClusterOptions opts, TableMetadata m, String reason) {
        boolean distributed = "Distributed".equals(m.engine);
        if (distributed && opts.distributedFallback) {
            LOG.warn("writing {}.{} through the Distributed table (parameter.{} = true) because its shards cannot be "
                    + "written directly: {}. The server routes the rows; retries and reruns are not exactly-once "
                    + "across shards", m.database, m.table, ClusterOptions.DISTRIBUTED_FALLBACK, reason);
            return null;
        }
        throw DataXException.asDataXException(WriterErrorCode.TABLE_ERROR, "cannot write the shards of " + m.database
                + "." + m.table + " directly: " + reason + (distributed ? ". Set parameter."
                        + ClusterOptions.DISTRIBUTED_FALLBACK + " = true to insert through the Distributed table "
                        + "instead (server-side routing, no exactly-once across shards)" : ""));
    }

    /** Reads the local table from the first node that has it (the entry server first). */
    private static TableMetadata localMetadata(ConnectionSettings cs, List<ClickHouseUrl.HostPort> urlHosts,
            ClickHouseConnection entry, ClusterLayout layout, String db, String table) {
        String exists = "SELECT count() FROM system.tables WHERE database = " + Identifiers.literal(db)
                + " AND name = " + Identifiers.literal(table);
        if ("1".equals(entry.queryValue(exists))) {
            return MetadataReader.table(entry, db, table);
        }
        for (ClickHouseUrl.HostPort h : urlHosts) {
            try (ClickHouseConnection c = new ClickHouseConnection(cs, h)) {
                if ("1".equals(c.queryValue(exists))) {
                    return MetadataReader.table(c, db, table);
                }
            } catch (RuntimeException e) {
                LOG.debug("{}: {}", h, e.toString());
            }
        }
        throw new IllegalArgumentException("the local table " + db + "." + table + " of cluster " + layout.name
                + " is on neither " + entry.endpoint() + " nor any other jdbcUrl host");
    }

    /** The table's replicas on every shard, from ZooKeeper alone (see {@link ZooKeeperReplicas#pathsOf}). */
    private static List<ZooKeeperReplicas.Replica> zooKeeperReplicas(ZooKeeperSession zk, TableMetadata local) {
        List<ZooKeeperReplicas.Replica> out = new ArrayList<ZooKeeperReplicas.Replica>();
        if (!local.isReplicated()) {
            LOG.info("parameter.{} is set but {}.{} is {}: ZooKeeper knows no replicas of it", ClusterOptions.ZOOKEEPER,
                    local.database, local.table, local.engine);
            return out;
        }
        java.util.regex.Matcher t = java.util.regex.Pattern.compile("^Replicated\\w*\\(\\s*'((?:[^'\\\\]|\\\\.)*)'")
                .matcher(local.engineFull);
        if (!t.find()) {
            throw new IllegalStateException("cannot read the ZooKeeper path of " + local.database + "." + local.table
                    + " from its engine " + local.engineFull);
        }
        String template = t.group(1).replace("\\'", "'");
        Set<String> paths = new LinkedHashSet<String>(ZooKeeperReplicas.pathsOf(zk.client(), template, local.database,
                local.table));
        if (paths.isEmpty()) {
            throw new IllegalStateException("ZooKeeper " + zk.connectString() + " has no replicas of " + local.database
                    + "." + local.table + " under " + template);
        }
        for (String p : paths) {
            List<ZooKeeperReplicas.Replica> replicas = ZooKeeperReplicas.of(zk.client(), p);
            LOG.info("ZooKeeper {}: replicas of {}.{} under {}: {}", zk.connectString(), local.database, local.table, p,
                    replicas);
            out.addAll(replicas);
        }
        return out;
    }

    /**
     * Whether the writer must write every replica itself. internal_replication comes from system.clusters where the
     * server has the column, else from {@code internalReplication}; on 18.16 with {@code auto} a Replicated local
     * table settles it (one write is right whatever the flag: the table replicates, and the Distributed engine's
     * writes to all replicas would be deduplicated), and a non-replicated one with several replicas must be declared.
     */
    private static boolean fanOut(ClusterOptions opts, ClusterLayout layout, TableMetadata local) {
        boolean multi = false;
        for (ClusterLayout.Shard s : layout.shards) {
            multi |= s.replicas.size() > 1;
        }
        Boolean ir;
        switch (opts.internalReplication) {
            case TRUE:
                ir = Boolean.TRUE;
                break;
            case FALSE:
                ir = Boolean.FALSE;
                break;
            default:
                ir = layout.internalReplication;
        }
        if (local.isReplicated() || !multi) {
            if (Boolean.FALSE.equals(ir) && local.isReplicated()) {
                LOG.warn("cluster {} has internal_replication=false but {}.{} is {}: each block is written to one "
                        + "replica and the table replicates it (the Distributed engine would write every replica and "
                        + "rely on deduplication)", layout.name, local.database, local.table, local.engine);
            }
            return false;
        }
        if (ir == null) {
            throw ClusterOptions.error(ClusterOptions.INTERNAL_REPLICATION + " must be set for cluster " + layout.name
                    + ": its local table " + local.database + "." + local.table + " (" + local.engine + ") does not "
                    + "replicate itself and this server does not report internal_replication. true: replicas are "
                    + "kept equal by other means, write each row once; false: write every row to every replica, as "
                    + "the Distributed engine does");
        }
        return !ir.booleanValue();
    }

    public boolean isDistributed() {
        return distributed;
    }

    public boolean fanOut() {
        return fanOut;
    }
}
