package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.clickhousereader.ReaderErrorCode;
import io.chpack.clickhousereader.client.ClickHouseConnection;
import io.chpack.clickhousereader.client.Endpoint;
import io.chpack.clickhousereader.client.ReadRequestException;
import io.chpack.clickhousereader.client.Sql;
import io.chpack.clickhousereader.config.ClickHouseReaderConfig;
import io.chpack.clickhousereader.config.ConfigErrors;
import io.chpack.clickhousereader.config.ConnectionBlock;
import io.chpack.clickhousereader.config.Keys;
import io.chpack.clickhousereader.config.TableNames;
import io.chpack.clickhousereader.task.RowStreamReader;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.ConversionOptionsReader;
import io.chpack.common.convert.RowDecoder;

/**
 * The Job's side: {@link #resolve()} (at init) reaches each connection entry, finds every table (and, for a
 * Distributed table or {@code cluster}, the shards and replicas), and checks the column list, the where
 * clause and every result type against the server, so a bad job fails before any task starts;
 * {@link #split(int)} then plans the splits of every target.
 */
public final class ReadPlanner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReadPlanner.class);

    private final ClickHouseReaderConfig config;
    private final Configuration parameter;
    private final String jobTag;
    private final List<EntryServer> entries = new ArrayList<EntryServer>();
    private final List<ClickHouseConnection> extraConnections = new ArrayList<ClickHouseConnection>();
    private final List<Target> targets = new ArrayList<Target>();

    public ReadPlanner(ClickHouseReaderConfig config, Configuration parameter, String jobTag) {
        this.config = config;
        this.parameter = parameter;
        this.jobTag = jobTag;
    }

    /** What gets split: a query, a table on one server, or a table's local tables on every shard. */
    private abstract static class Target {
        EntryServer entry;
        String label;
        List<String> names;
        List<String> types;
    }

    private static final class QueryTarget extends Target {
        String select;
    }

    private static final class TableTarget extends Target {
        TableMeta meta;
    }

    private static final class ShardTarget extends Target {
        ClusterTopology topology;
        /** Shard → a connection to its first reachable replica and the local table there. */
        final Map<Integer, ClickHouseConnection> planners = new LinkedHashMap<Integer, ClickHouseConnection>();
        final Map<Integer, TableMeta> metas = new LinkedHashMap<Integer, TableMeta>();
    }

    public void resolve() {
        for (ConnectionBlock block : config.connections) {
            EntryServer entry = EntryServer.connect(config, block);
            entries.add(entry);
            if (config.tableMode) {
                for (int t = 0; t < block.tables.size(); t++) {
                    targets.add(resolveTable(entry, block.key() + "." + Keys.TABLE + "[" + t + "]", block.tables.get(t)));
                }
            } else {
                for (int q = 0; q < block.querySqls.size(); q++) {
                    targets.add(resolveQuery(entry, block.key() + "." + Keys.QUERY_SQL + "[" + q + "]", block.querySqls.get(q)));
                }
            }
        }
    }

    private Target resolveQuery(EntryServer entry, String key, String sql) {
        QueryTarget t = new QueryTarget();
        t.entry = entry;
        t.label = key;
        t.select = "SELECT toUInt8(1) AS " + RowStreamReader.MARKER_COLUMN + ", * FROM (" + stripTerminator(sql) + "\n)";
        probe(t, entry.connection, t.select, key, entry);
        return t;
    }

    private Target resolveTable(EntryServer entry, String key, String name) {
        TableNames.Name n = TableNames.parse(key, name);
        String db = n.database != null ? n.database : entry.url.database();
        if (config.cluster != null) {
            return resolveShards(entry, key, config.cluster, db, n.table);
        }
        TableMeta meta = TableMeta.load(entry.connection, db, n.table);
        if (meta == null) {
            throw ConfigErrors.error(key, "'" + name + "': table " + Sql.table(db, n.table) + " does not exist on "
                    + entry.endpoint());
        }
        if (meta.isDistributed() && config.distributedByShard) {
            String[] target;
            try {
                target = meta.distributedTarget();
            } catch (IllegalArgumentException e) {
                throw DataXException.asDataXException(ReaderErrorCode.PLAN_FAILED, key + ": " + e.getMessage());
            }
            LOG.info("{}: {} is Distributed over cluster {}; reading {} on each shard (distributedRead = shards)", key,
                    meta.quotedName(), target[0], Sql.table(target[1], target[2]));
            return resolveShards(entry, key, target[0], target[1], target[2]);
        }
        TableTarget t = new TableTarget();
        t.entry = entry;
        t.meta = meta;
        t.label = meta.quotedName();
        checkColumns(t, entry.connection, meta.quotedName(), entry);
        return t;
    }

    private Target resolveShards(EntryServer entry, String key, String cluster, String db, String table) {
        ShardTarget t = new ShardTarget();
        t.entry = entry;
        t.label = Sql.table(db, table) + " on cluster " + cluster;
        int port = config.clusterHttpPort != null ? config.clusterHttpPort : entry.endpoint().port;
        try {
            t.topology = ClusterTopology.discover(entry.connection, entry.settings, cluster, entry.allEndpoints(), port,
                    entry.endpoint().https);
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.error(config.cluster != null ? Keys.CLUSTER : key, e.getMessage());
        }
        for (Map.Entry<Integer, List<ClusterTopology.Replica>> s : t.topology.shards.entrySet()) {
            ClusterTopology.Replica first = s.getValue().isEmpty() ? null : s.getValue().get(0);
            if (first == null || !first.reachable) {
                throw DataXException.asDataXException(ReaderErrorCode.CONNECTION_FAILED, key + ": shard " + s.getKey()
                        + " of cluster " + cluster + " has no reachable replica: " + s.getValue()
                        + " (list the nodes' HTTP endpoints in jdbcUrl, or set parameter." + Keys.CLUSTER_HTTP_PORT + ")");
            }
            ClickHouseConnection c = new ClickHouseConnection(entry.settings, first.endpoint);
            extraConnections.add(c);
            TableMeta meta = TableMeta.load(c, db, table);
            if (meta == null) {
                throw ConfigErrors.error(key, "table " + Sql.table(db, table) + " does not exist on shard " + s.getKey()
                        + " (" + first.endpoint + ") of cluster " + cluster);
            }
            t.planners.put(s.getKey(), c);
            t.metas.put(s.getKey(), meta);
            List<String> before = t.types;
            checkColumns(t, c, meta.quotedName(), entry);
            if (before != null && !before.equals(t.types)) {
                throw DataXException.asDataXException(ReaderErrorCode.PLAN_FAILED, key + ": " + meta.quotedName()
                        + " on shard " + s.getKey() + " has result types " + t.types + ", other shards " + before);
            }
        }
        return t;
    }

    /** Column list first (names the column key), then the where clause (names the where key), then types. */
    private void checkColumns(Target t, ClickHouseConnection c, String table, EntryServer entry) {
        String base = "SELECT toUInt8(1) AS " + RowStreamReader.MARKER_COLUMN + ", " + config.selectList() + " FROM " + table;
        try {
            ColumnProbe.describe(c, base, entry.querySettings);
        } catch (ReadRequestException e) {
            throw ConfigErrors.error(Keys.COLUMN, config.columns + " is not valid for " + table + ": " + e.getMessage());
        }
        String full = config.where.isEmpty() ? base : base + " WHERE " + config.where;
        probe(t, c, full, Keys.WHERE, entry);
    }

    private void probe(Target t, ClickHouseConnection c, String select, String key, EntryServer entry) {
        ColumnProbe p;
        try {
            p = ColumnProbe.describe(c, select, entry.querySettings);
        } catch (ReadRequestException e) {
            if (e.isTransient()) {
                throw DataXException.asDataXException(ReaderErrorCode.QUERY_FAILED, key + ": " + e.getMessage(), e);
            }
            throw ConfigErrors.error(key, "is rejected by " + c.endpoint() + ": " + e.getMessage());
        }
        if (p.names.isEmpty() || !RowStreamReader.MARKER_COLUMN.equals(p.names.get(0))) {
            throw ConfigErrors.error(key, "has a result column named " + RowStreamReader.MARKER_COLUMN
                    + " or none at all; got " + p.names);
        }
        t.names = new ArrayList<String>(p.names.subList(1, p.names.size()));
        t.types = new ArrayList<String>(p.types.subList(1, p.types.size()));
        ConversionOptions options = conversionOptions(entry);
        List<ClickHouseType> parsed = new ArrayList<ClickHouseType>();
        for (int i = 0; i < t.types.size(); i++) {
            try {
                parsed.add(ClickHouseType.parse(t.types.get(i)));
                new RowDecoder(t.names.subList(i, i + 1), parsed.subList(i, i + 1), options);
            } catch (IllegalArgumentException e) {
                throw DataXException.asDataXException(ReaderErrorCode.UNSUPPORTED_TYPE, "column '" + t.names.get(i)
                        + "' of " + t.label + " has type " + t.types.get(i) + ": " + e.getMessage());
            }
        }
        LOG.info("{}: {} columns {}", t.label, t.names.size(), describe(t.names, t.types));
    }

    public ConversionOptions conversionOptions(EntryServer entry) {
        return new ConversionOptionsReader().read(parameter, entry.timeZone);
    }

    /** The conversion options as a task will build them (the first entry's server zone). */
    public ConversionOptions conversionOptions() {
        return conversionOptions(entries.get(0));
    }

    public List<Configuration> split(int adviceNumber) {
        int wanted = Math.max(1, adviceNumber) * config.splitFactor;
        int perTarget = Math.max(1, (wanted + targets.size() - 1) / targets.size());
        List<ReadSplit> splits = new ArrayList<ReadSplit>();
        TablePlanner planner = new TablePlanner(config);
        for (Target t : targets) {
            String zone = t.entry.timeZone == null ? null : t.entry.timeZone.getId();
            if (t instanceof QueryTarget) {
                splits.add(new ReadSplit(splits.size(), t.label, ((QueryTarget) t).select, t.entry.url.database(), null,
                        sources(t.entry.endpoint()), t.names, t.types, queryId(splits.size()), t.entry.querySettings, zone));
            } else if (t instanceof TableTarget) {
                TableMeta meta = ((TableTarget) t).meta;
                for (PlannedRange r : planner.plan(t.entry.connection, meta, perTarget)) {
                    splits.add(new ReadSplit(splits.size(), r.label, select(meta, r.predicate), t.entry.url.database(),
                            null, sources(t.entry.endpoint()), t.names, t.types, queryId(splits.size()),
                            t.entry.querySettings, zone));
                }
            } else {
                ShardTarget st = (ShardTarget) t;
                int perShard = Math.max(1, (perTarget + st.planners.size() - 1) / st.planners.size());
                for (Map.Entry<Integer, ClickHouseConnection> s : st.planners.entrySet()) {
                    TableMeta meta = st.metas.get(s.getKey());
                    List<ClusterTopology.Replica> replicas = st.topology.shards.get(s.getKey());
                    int j = 0;
                    for (PlannedRange r : planner.plan(s.getValue(), meta, perShard)) {
                        splits.add(new ReadSplit(splits.size(), "shard " + s.getKey() + " " + r.label,
                                select(meta, r.predicate), t.entry.url.database(), st.topology.cluster,
                                rotate(replicas, j++), t.names, t.types, queryId(splits.size()),
                                t.entry.querySettings, zone));
                    }
                }
            }
        }
        List<Configuration> out = new ArrayList<Configuration>();
        for (ReadSplit s : splits) {
            LOG.info("split {}: {} -> {}", s.index, s.label, s.sources.get(0).url);
            out.add(s.into(parameter));
        }
        LOG.info("planned {} splits for {} target(s) (adviceNumber {}, splitFactor {})", out.size(), targets.size(),
                adviceNumber, config.splitFactor);
        return out;
    }

    /** The SELECT of one split: marker, columns, the split predicate and the user's where. */
    public String select(TableMeta meta, String predicate) {
        StringBuilder b = new StringBuilder("SELECT toUInt8(1) AS ").append(RowStreamReader.MARKER_COLUMN).append(", ")
                .append(config.selectList()).append(" FROM ").append(meta.quotedName());
        boolean hasPred = !"1".equals(predicate);
        if (hasPred || !config.where.isEmpty()) {
            b.append(" WHERE ");
            if (hasPred) {
                b.append('(').append(predicate).append(')');
            }
            if (!config.where.isEmpty()) {
                b.append(hasPred ? " AND " : "").append('(').append(config.where).append(')');
            }
        }
        return b.toString();
    }

    private String queryId(int index) {
        return "chpack-read-" + jobTag + "-" + index;
    }

    private static List<ReadSplit.Source> sources(Endpoint e) {
        List<ReadSplit.Source> out = new ArrayList<ReadSplit.Source>();
        out.add(new ReadSplit.Source(e.url(), 0));
        return out;
    }

    /** Reachable replicas rotated by j (spreads a shard's splits over its replicas), then unreachable ones. */
    private static List<ReadSplit.Source> rotate(List<ClusterTopology.Replica> replicas, int j) {
        List<ClusterTopology.Replica> up = new ArrayList<ClusterTopology.Replica>();
        List<ClusterTopology.Replica> down = new ArrayList<ClusterTopology.Replica>();
        for (ClusterTopology.Replica r : replicas) {
            (r.reachable ? up : down).add(r);
        }
        List<ReadSplit.Source> out = new ArrayList<ReadSplit.Source>();
        for (int i = 0; i < up.size(); i++) {
            ClusterTopology.Replica r = up.get((i + j) % up.size());
            out.add(new ReadSplit.Source(r.endpoint.url(), r.shard));
        }
        for (ClusterTopology.Replica r : down) {
            out.add(new ReadSplit.Source(r.endpoint.url(), r.shard));
        }
        return out;
    }

    static String stripTerminator(String sql) {
        String s = sql.trim();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        return s;
    }

    private static String describe(List<String> names, List<String> types) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < names.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append(' ').append(types.get(i));
        }
        return b.append(']').toString();
    }

    @Override
    public void close() {
        for (ClickHouseConnection c : extraConnections) {
            c.close();
        }
        for (EntryServer e : entries) {
            e.close();
        }
    }
}
