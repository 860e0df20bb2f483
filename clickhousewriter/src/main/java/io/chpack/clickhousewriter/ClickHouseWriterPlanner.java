package io.chpack.clickhousewriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseRequestException;
import io.chpack.clickhousewriter.client.ClickHouseUrl;
import io.chpack.clickhousewriter.cluster.ClusterStaging;
import io.chpack.clickhousewriter.cluster.ClusterTarget;
import io.chpack.clickhousewriter.cluster.CommitLock;
import io.chpack.clickhousewriter.cluster.ZooKeeperSession;
import io.chpack.clickhousewriter.meta.MetadataReader;
import io.chpack.clickhousewriter.meta.ServerInfo;
import io.chpack.clickhousewriter.meta.TableMetadata;
import io.chpack.clickhousewriter.meta.TargetColumn;
import io.chpack.clickhousewriter.staging.StagingTables;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.ConversionOptionsReader;
import io.chpack.common.convert.RowEncoder;

/**
 * The job side: connects once, learns the server (version, zone, settings) and each target table (columns,
 * engine, partition key), validates the job against them, runs preSql, reports what the chosen mode guarantees
 * on this target, prepares staging, and splits 1:1 into task configurations numbered 0..n-1. {@link #post()}
 * commits staged partitions and runs postSql; {@link #destroy()} removes staging tables of a job that did not
 * commit.
 */
final class ClickHouseWriterPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseWriterPlanner.class);

    private final ClickHouseWriterConfig config;
    private final Configuration peerReaderConf;
    private ClickHouseConnection connection;
    private int hostIndex;
    private ServerInfo server;
    private final Map<String, TableMetadata> tables = new LinkedHashMap<String, TableMetadata>();
    private final Map<String, List<String>> columnsByTable = new LinkedHashMap<String, List<String>>();
    private final Map<String, List<String>> typesByTable = new LinkedHashMap<String, List<String>>();
    private String jobId;
    private String dedupKey;
    private int serverPartitionLimit;
    private boolean committed;
    /** Configured table → its cluster target, for tables written shard by shard. */
    private final Map<String, ClusterTarget> clusterTargets = new LinkedHashMap<String, ClusterTarget>();
    /** Open when parameter.zookeeper is set: replica discovery at prepare, the commit lock in post. */
    private ZooKeeperSession zookeeper;

    ClickHouseWriterPlanner(ClickHouseWriterConfig config, Configuration peerReaderConf) {
        this.config = config;
        this.peerReaderConf = peerReaderConf;
    }

    String jobId() {
        return jobId;
    }

    void prepare() {
        connect();
        validateSettings();
        jobId = config.jobId != null ? config.jobId : config.mode == WriteMode.DEDUP ? derivedKey() : randomJobId();
        if (config.cluster.zookeeper != null) {
            zookeeper = ZooKeeperSession.open(config.cluster.zookeeper, config.cluster.zookeeperSessionTimeoutMs,
                    (int) Math.min(config.connectTimeoutMs, 60_000), "chpack clickhousewriter job " + jobId);
        }
        for (String t : config.tables) {
            TableMetadata m = MetadataReader.table(connection, config.url.database(), t);
            tables.put(t, m);
            ClusterTarget ct = ClusterTarget.locate(config.cluster, config.connectionSettings(), config.url.hosts(),
                    connection, m, zookeeper);
            resolveColumns(m);
            if (ct != null && ct.verifyRouting(config.cluster, connection, server.version, columnsByTable.get(m.table),
                    typesByTable.get(m.table))) {
                clusterTargets.put(t, ct);
            }
        }
        if (config.mode == WriteMode.DEDUP && server.supportsDedupToken()) {
            dedupKey = config.jobId != null ? config.jobId : jobId;
        }
        LOG.info("clickhousewriter: {} on {}, job id {}, mode {}{}, tables {}", server, connection.endpoint(), jobId,
                config.mode.key(), config.mode == WriteMode.STAGING ? "/" + config.stagingMode.key() : "",
                tables.values());
        if (config.dryRun) {
            LOG.warn("parameter.dryRun is true: rows are converted and counted but nothing is written; preSql, "
                    + "postSql and staging are skipped");
            return;
        }
        for (TableMetadata m : tables.values()) {
            runSql(config.preSql, m, "preSql");
        }
        if (config.mode == WriteMode.DEDUP) {
            for (Map.Entry<String, TableMetadata> e : tables.entrySet()) {
                ClusterTarget ct = clusterTargets.get(e.getKey());
                LOG.warn(DedupReport.of(server, ct != null ? ct.local : e.getValue(), config, connection));
            }
        }
        if (config.mode == WriteMode.STAGING) {
            for (Map.Entry<String, TableMetadata> entry : tables.entrySet()) {
                ClusterTarget ct = clusterTargets.get(entry.getKey());
                if (ct != null) {
                    prepareClusterStaging(ct);
                    continue;
                }
                TableMetadata m = entry.getValue();
                if (!m.isMergeTreeFamily()) {
                    throw DataXException.asDataXException(WriterErrorCode.TABLE_ERROR, "parameter.mode staging needs "
                            + "a MergeTree-family table (partitions are moved with ALTER TABLE ... PARTITION); "
                            + m.database + "." + m.table + " is " + m.engine);
                }
                StagingTables s = new StagingTables(m, jobId);
                StagingTables.dropStale(connection, m, config.stagingStaleMinutes, config.jobId != null ? null
                        : s.jobStage());
                try {
                    for (String leftover : s.ofThisJob(connection)) { // a rerun under the same parameter.jobId
                        s.drop(connection, leftover);
                    }
                    s.create(connection, s.jobStage());
                } catch (ClickHouseRequestException e) {
                    throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "cannot create staging table "
                            + s.jobStage() + " for " + m.database + "." + m.table + ": " + e.getMessage(), e);
                }
                LOG.info("staging table {}.{} created for {}", m.database, s.jobStage(), m.table);
            }
        }
    }

    private void prepareClusterStaging(ClusterTarget ct) {
        if (!ct.local.isMergeTreeFamily()) {
            throw DataXException.asDataXException(WriterErrorCode.TABLE_ERROR, "parameter.mode staging needs a "
                    + "MergeTree-family local table; " + ct.local.database + "." + ct.local.table + " is "
                    + ct.local.engine);
        }
        if (ct.fanOut()) {
            throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter.mode staging is not "
                    + "supported when every replica must be written by the writer (internal_replication=false, "
                    + ct.local.database + "." + ct.local.table + " is " + ct.local.engine + "): use a Replicated "
                    + "local table, or mode insert/dedup");
        }
        ClusterStaging.prepare(ct, config.connectionSettings(), jobId, config.stagingStaleMinutes,
                config.jobId != null);
    }

    private void connect() {
        List<ClickHouseUrl.HostPort> hosts = config.url.hosts();
        StringBuilder failures = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++) {
            ClickHouseConnection c = new ClickHouseConnection(config.connectionSettings(), hosts.get(i));
            try {
                server = MetadataReader.server(c);
                connection = c;
                hostIndex = i;
                return;
            } catch (ClickHouseRequestException e) {
                c.close();
                if (!e.isTransient() && e.code() != 0) { // the server answered: auth or permissions, not reachability
                    throw DataXException.asDataXException(WriterErrorCode.CONNECT_ERROR, "user '" + config.username
                            + "' cannot query " + hosts.get(i) + ": " + e.getMessage(), e);
                }
                failures.append(failures.length() == 0 ? " " : "; ").append(e.getMessage());
            }
        }
        throw DataXException.asDataXException(WriterErrorCode.CONNECT_ERROR, "no host of parameter.connection[0]."
                + "jdbcUrl answered:" + failures);
    }

    private void validateSettings() {
        List<String> unknown = new ArrayList<String>();
        for (String s : config.settings.keySet()) {
            if (!server.hasSetting(s)) {
                unknown.add(s);
            }
        }
        if (!unknown.isEmpty()) {
            throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter.settings names "
                    + (unknown.size() == 1 ? "a setting" : "settings") + " that ClickHouse " + server.version
                    + " does not have: " + unknown + " (a server rejects a request with an unknown setting)");
        }
        if (config.insertQuorum > 0 && !server.hasSetting("insert_quorum")) {
            throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter.insertQuorum needs the "
                    + "insert_quorum setting, which ClickHouse " + server.version + " does not have");
        }
        if (server.hasSetting("max_partitions_per_insert_block")) {
            String v = config.settings.get("max_partitions_per_insert_block");
            if (v == null) {
                v = connection.queryValue("SELECT value FROM system.settings WHERE name = "
                        + "'max_partitions_per_insert_block'");
            }
            try {
                serverPartitionLimit = Integer.parseInt(v.trim());
            } catch (RuntimeException e) {
                serverPartitionLimit = 0;
            }
        }
    }

    private void resolveColumns(TableMetadata m) {
        List<String> names = new ArrayList<String>();
        List<ClickHouseType> types = new ArrayList<ClickHouseType>();
        List<String> typeTexts = new ArrayList<String>();
        if (config.allColumns()) {
            for (TargetColumn c : m.columns) {
                if (c.insertable()) {
                    names.add(c.name);
                }
            }
        } else {
            names.addAll(config.columns);
        }
        for (String n : names) {
            TargetColumn c = m.column(n);
            if (c == null) {
                List<String> all = new ArrayList<String>();
                for (TargetColumn tc : m.columns) {
                    all.add(tc.name);
                }
                throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter.column '" + n
                        + "' is not a column of " + m.database + "." + m.table + " (its columns: " + all + ")");
            }
            if (!c.insertable()) {
                throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter.column '" + n
                        + "' is a " + c.defaultKind + " column of " + m.database + "." + m.table
                        + " and cannot be written");
            }
            if (c.type == null) {
                throw DataXException.asDataXException(WriterErrorCode.TABLE_ERROR, "column '" + n + "' of "
                        + m.database + "." + m.table + " has type " + c.typeText + ", which chpack cannot write");
            }
            types.add(c.type);
            typeTexts.add(c.typeText);
        }
        try {
            ConversionOptions options = new ConversionOptionsReader().read(config.parameter(), server.timeZone);
            new RowEncoder(names, types, options);
        } catch (DataXException e) {
            throw e;
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(WriterErrorCode.TABLE_ERROR, "cannot write the columns of "
                    + m.database + "." + m.table + ": " + e.getMessage(), e);
        }
        columnsByTable.put(m.table, names);
        typesByTable.put(m.table, typeTexts);
    }

    List<Configuration> split(int mandatoryNumber, Configuration jobConf) {
        int n = mandatoryNumber;
        if (config.tables.size() > 1 && config.tables.size() != n) {
            // As the stock rdbms writers: several tables means one table per task.
            throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter.connection[0].table "
                    + "lists " + config.tables.size() + " tables but the reader produced " + n + " slices; with more "
                    + "than one table each task writes its own table, so the counts must be equal");
        }
        List<Configuration> out = new ArrayList<Configuration>(n);
        for (int i = 0; i < n; i++) {
            String table = config.tables.size() == 1 ? config.tables.get(0) : config.tables.get(i);
            TableMetadata m = tables.get(table);
            TaskSpec s = new TaskSpec();
            s.taskIndex = i;
            s.taskCount = n;
            s.table = table;
            s.columns = columnsByTable.get(m.table);
            s.types = typesByTable.get(m.table);
            s.serverZone = server.timeZone.getId();
            s.serverVersion = server.version;
            ClusterTarget ct = clusterTargets.get(table);
            s.partitionKey = ct != null ? ct.local.partitionKey : m.partitionKey;
            s.jobId = jobId;
            s.dedupKey = dedupKey;
            s.host = hostIndex;
            s.jobStage = config.mode == WriteMode.STAGING ? new StagingTables(m, jobId).jobStage() : null;
            s.serverPartitionLimit = serverPartitionLimit;
            Configuration c = jobConf.clone();
            s.writeTo(c);
            if (ct != null) {
                ct.plan().writeTo(c);
            }
            out.add(c);
        }
        return out;
    }

    void post() {
        if (config.dryRun) {
            return;
        }
        // The prepare-time connection has idled through the whole run (the server may even have restarted):
        // commit over a fresh one.
        connection.close();
        connection = new ClickHouseConnection(config.connectionSettings(), config.url.hosts().get(hostIndex));
        if (config.mode == WriteMode.STAGING) {
            for (Map.Entry<String, TableMetadata> e : tables.entrySet()) {
                TableMetadata m = e.getValue();
                ClusterTarget ct = clusterTargets.get(e.getKey());
                TableMetadata locked = ct != null ? ct.local : m;
                CommitLock lock = zookeeper == null ? null : CommitLock.acquire(zookeeper, CommitLock.path(
                        config.cluster.zookeeperLockPath, locked.database, locked.table), config.cluster.lockTimeoutMs);
                try {
                    if (ct != null) {
                        ClusterStaging.commit(ct, config.connectionSettings(), jobId, config.stagingMode);
                        continue;
                    }
                    StagingTables s = new StagingTables(m, jobId);
                    int moved = s.commit(connection, config.stagingMode);
                    LOG.info("staging commit of {}.{}: {} partition(s) {}", m.database, m.table, moved,
                            config.stagingMode == StagingMode.OVERWRITE ? "replaced" : "attached");
                } catch (ClickHouseRequestException ex) {
                    throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "moving staged partitions into "
                            + m.database + "." + m.table + " failed: " + ex.getMessage() + " (partitions already "
                            + "moved stay moved; the rest is dropped with the staging tables)", ex);
                } finally {
                    if (lock != null) {
                        lock.close();
                    }
                }
            }
            committed = true;
        }
        for (TableMetadata m : tables.values()) {
            runSql(config.postSql, m, "postSql");
        }
    }

    void destroy() {
        if (zookeeper != null) {
            zookeeper.close();
        }
        if (connection == null) {
            return;
        }
        try {
            if (config.mode == WriteMode.STAGING && !committed && jobId != null && !config.dryRun) {
                for (ClusterTarget ct : clusterTargets.values()) {
                    ClusterStaging.cleanup(ct, config.connectionSettings(), jobId);
                }
                for (Map.Entry<String, TableMetadata> e : tables.entrySet()) {
                    if (clusterTargets.containsKey(e.getKey())) {
                        continue;
                    }
                    TableMetadata m = e.getValue();
                    StagingTables s = new StagingTables(m, jobId);
                    for (String name : s.ofThisJob(connection)) {
                        LOG.warn("job did not commit: dropping staging table {}.{}; the target is untouched",
                                m.database, name);
                        s.drop(connection, name);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("could not drop staging tables of job {} (the next run drops them once they are older than "
                    + "parameter.stagingStaleMinutes): {}", jobId, e.toString());
        } finally {
            connection.close();
        }
    }

    private void runSql(List<String> statements, TableMetadata m, String key) {
        for (String sql : statements) {
            String s = sql.replace("@table", m.table);
            LOG.info("{} on {}: {}", key, m.table, s);
            try {
                connection.execute(s);
            } catch (ClickHouseRequestException e) {
                throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "parameter." + key + " statement "
                        + "failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * The dedup key when none is configured: the target tables and a hash of the reader's configuration, so a
     * rerun of the same job (same source slice definitions) produces the same tokens, and a different job
     * (other source, other day via ${vars}) does not.
     */
    private String derivedKey() {
        StringBuilder b = new StringBuilder();
        b.append(config.url.database()).append('.').append(config.tables).append('|').append(config.columns);
        if (peerReaderConf != null) {
            for (String k : new TreeSet<String>(peerReaderConf.getKeys())) {
                b.append('|').append(k).append('=').append(peerReaderConf.getString(k));
            }
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("d");
            for (int i = 0; i < 8; i++) {
                hex.append(String.format("%02x", d[i] & 0xFF));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomJobId() {
        SimpleDateFormat f = new SimpleDateFormat("yyyyMMddHHmmss");
        f.setTimeZone(TimeZone.getTimeZone("UTC"));
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom r = new SecureRandom();
        StringBuilder b = new StringBuilder(f.format(new Date())).append('_');
        for (int i = 0; i < 6; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
