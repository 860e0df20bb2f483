package io.chpack.clickhousereader.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.alibaba.datax.common.util.Configuration;
import io.chpack.clickhousereader.client.ClickHouseUrl;

/**
 * Every key of the reader, parsed and validated once (values that need the server — column names, settings,
 * splitPk — are validated against it by the Job). Errors are CONFIG_ERRORs naming {@code parameter.<key>}
 * and the offending value.
 */
public final class ClickHouseReaderConfig {
    public final String username;
    /** Never logged. */
    public final String password;
    /** As written: names, expressions, or the single entry {@code *}. */
    public final List<String> columns;
    public final List<ConnectionBlock> connections;
    public final boolean tableMode;
    /** Empty when none. */
    public final String where;
    /** Null when none. */
    public final String splitPk;
    /** Query settings from {@code session} and {@code settings} ({@code settings} wins on a clash). */
    public final Map<String, String> settings;
    public final SplitMode splitMode;
    public final int splitFactor;
    public final long minSplitRows;
    public final int sampleSize;
    /** true: a Distributed table is read shard by shard from its local tables; false: through the table. */
    public final boolean distributedByShard;
    /** Null unless the tables are local tables of this cluster. */
    public final String cluster;
    /** Null: the port of the first reachable jdbcUrl. */
    public final Integer clusterHttpPort;
    public final long connectTimeoutMs;
    public final long socketTimeoutMs;
    public final int retryTimes;
    public final long retryIntervalMs;
    /** Used in query ids ({@code chpack-read-<jobName>-<task>}); null: a generated one. */
    public final String jobName;

    private ClickHouseReaderConfig(Configuration p) {
        this.username = text(p, Keys.USERNAME, "default");
        this.password = p.getString(Keys.PASSWORD, "");
        this.connections = connections(p);
        boolean tables = !connections.get(0).tables.isEmpty();
        // querySql mode takes its columns from the queries: like the stock reader, column is not needed there
        this.columns = tables || p.get(Keys.COLUMN) != null ? columns(p)
                : java.util.Collections.singletonList("*");
        for (ConnectionBlock b : connections) {
            if (tables != !b.tables.isEmpty()) {
                throw ConfigErrors.error(b.key(), "uses " + (tables ? "querySql" : "table") + " while "
                        + connections.get(0).key() + " uses " + (tables ? "table" : "querySql")
                        + "; all connection entries must use the same one");
            }
        }
        this.tableMode = tables;
        this.where = text(p, Keys.WHERE, "");
        this.splitPk = emptyToNull(text(p, Keys.SPLIT_PK, null));
        Object fetch = p.get(Keys.FETCH_SIZE);
        if (fetch != null && !String.valueOf(fetch).trim().matches("-?[0-9]+")) {
            throw ConfigErrors.error(Keys.FETCH_SIZE, "must be an integer; got '" + fetch + "'");
        }
        Map<String, String> s = new LinkedHashMap<String, String>(SessionSettings.parseSession(p.get(Keys.SESSION)));
        Object settingsNode = p.get(Keys.SETTINGS);
        if (settingsNode != null) {
            if (!(settingsNode instanceof Map)) {
                throw ConfigErrors.error(Keys.SETTINGS, "must be an object of ClickHouse settings; got " + settingsNode);
            }
            s.putAll(SessionSettings.parseMap(Keys.SETTINGS, (Map<?, ?>) settingsNode));
        }
        this.settings = Collections.unmodifiableMap(s);
        this.splitMode = SplitMode.parse(text(p, Keys.SPLIT_MODE, "auto"));
        this.splitFactor = (int) positive(p, Keys.SPLIT_FACTOR, 1, 1000);
        this.minSplitRows = positive(p, Keys.MIN_SPLIT_ROWS, 100000, Long.MAX_VALUE);
        this.sampleSize = (int) positive(p, Keys.SAMPLE_SIZE, 10000, 1000000);
        String dr = text(p, Keys.DISTRIBUTED_READ, "shards").toLowerCase(Locale.ROOT);
        if (!dr.equals("shards") && !dr.equals("table")) {
            throw ConfigErrors.error(Keys.DISTRIBUTED_READ, "must be shards or table; got '" + dr + "'");
        }
        this.distributedByShard = dr.equals("shards");
        this.cluster = emptyToNull(text(p, Keys.CLUSTER, null));
        this.clusterHttpPort = p.get(Keys.CLUSTER_HTTP_PORT) == null ? null
                : Integer.valueOf((int) positive(p, Keys.CLUSTER_HTTP_PORT, 8123, 65535));
        this.connectTimeoutMs = positive(p, Keys.CONNECT_TIMEOUT_MS, 10000, Long.MAX_VALUE);
        this.socketTimeoutMs = positive(p, Keys.SOCKET_TIMEOUT_MS, 1800000, Long.MAX_VALUE);
        this.retryTimes = (int) nonNegative(p, Keys.RETRY_TIMES, 3);
        this.retryIntervalMs = nonNegative(p, Keys.RETRY_INTERVAL_MS, 1000);
        String jn = emptyToNull(text(p, Keys.JOB_NAME, null));
        if (jn != null && !jn.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw ConfigErrors.error(Keys.JOB_NAME, "must be 1-64 characters of A-Z a-z 0-9 _ . -; got '" + jn + "'");
        }
        this.jobName = jn;
        if (!tableMode && cluster != null) {
            throw ConfigErrors.error(Keys.CLUSTER, "applies to tables, not to querySql (got cluster '" + cluster + "')");
        }
    }

    /** @throws com.alibaba.datax.common.exception.DataXException CONFIG_ERROR naming the key */
    public static ClickHouseReaderConfig parse(Configuration parameter) {
        return new ClickHouseReaderConfig(parameter);
    }

    public boolean selectsStar() {
        return columns.size() == 1 && columns.get(0).trim().equals("*");
    }

    /** The SELECT list as SQL. */
    public String selectList() {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
            b.append(b.length() == 0 ? "" : ", ").append(c.trim());
        }
        return b.toString();
    }

    private static List<String> columns(Configuration p) {
        Object node = p.get(Keys.COLUMN);
        if (node == null) {
            throw ConfigErrors.error(Keys.COLUMN, "is required: a list of column names or expressions, or [\"*\"]");
        }
        if (!(node instanceof List) || ((List<?>) node).isEmpty()) {
            throw ConfigErrors.error(Keys.COLUMN, "must be a non-empty list of column names or expressions, or "
                    + "[\"*\"]; got " + node);
        }
        List<String> out = new ArrayList<String>();
        List<?> list = (List<?>) node;
        for (int i = 0; i < list.size(); i++) {
            Object c = list.get(i);
            if (!(c instanceof String) || ((String) c).trim().isEmpty()) {
                throw ConfigErrors.error(Keys.COLUMN + "[" + i + "]", "must be a column name or expression; got " + c);
            }
            out.add((String) c);
        }
        if (out.size() > 1 && out.contains("*")) {
            throw ConfigErrors.error(Keys.COLUMN, "mixes \"*\" with other columns " + out + "; use [\"*\"] alone");
        }
        return Collections.unmodifiableList(out);
    }

    private static List<ConnectionBlock> connections(Configuration p) {
        Object node = p.get(Keys.CONNECTION);
        if (!(node instanceof List) || ((List<?>) node).isEmpty()) {
            throw ConfigErrors.error(Keys.CONNECTION, "is required: a list of {\"jdbcUrl\": [...], \"table\": [...]} "
                    + "or {\"jdbcUrl\": [...], \"querySql\": [...]}; got " + node);
        }
        List<ConnectionBlock> blocks = new ArrayList<ConnectionBlock>();
        for (int i = 0; i < ((List<?>) node).size(); i++) {
            String key = Keys.CONNECTION + "[" + i + "]";
            List<String> raw = strings(p, key + "." + Keys.JDBC_URL, true);
            if (raw.isEmpty()) {
                throw ConfigErrors.error(key + "." + Keys.JDBC_URL, "is required, e.g. [\"jdbc:clickhouse://host:8123/db\"]");
            }
            List<ClickHouseUrl> urls = new ArrayList<ClickHouseUrl>();
            for (int u = 0; u < raw.size(); u++) {
                try {
                    urls.add(ClickHouseUrl.parse(raw.get(u)));
                } catch (IllegalArgumentException e) {
                    throw ConfigErrors.error(key + "." + Keys.JDBC_URL + "[" + u + "]", e.getMessage());
                }
            }
            List<String> tables = new ArrayList<String>();
            List<String> rawTables = strings(p, key + "." + Keys.TABLE, true);
            for (int t = 0; t < rawTables.size(); t++) {
                tables.addAll(TableNames.expand(key + "." + Keys.TABLE + "[" + t + "]", rawTables.get(t)));
            }
            List<String> queries = strings(p, key + "." + Keys.QUERY_SQL, true);
            if (tables.isEmpty() && queries.isEmpty()) {
                throw ConfigErrors.error(key, "needs either table (a list of table names) or querySql (a list of "
                        + "SELECT statements); it has neither");
            }
            if (!tables.isEmpty() && !queries.isEmpty()) {
                throw ConfigErrors.error(key, "has both table " + tables + " and querySql; use one of them");
            }
            blocks.add(new ConnectionBlock(i, raw, urls, tables, queries));
        }
        return blocks;
    }

    /** A list of non-empty strings, or a single string as a one-element list. */
    private static List<String> strings(Configuration p, String key, boolean optional) {
        Object node = p.get(key);
        List<String> out = new ArrayList<String>();
        if (node == null) {
            return out;
        }
        List<?> list = node instanceof List ? (List<?>) node : Collections.singletonList(node);
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            if (!(v instanceof String) || ((String) v).trim().isEmpty()) {
                throw ConfigErrors.error(key + "[" + i + "]", "must be a non-empty string; got " + v);
            }
            out.add(((String) v).trim());
        }
        return out;
    }

    private static String text(Configuration p, String key, String dflt) {
        Object v = p.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Map || v instanceof List) {
            throw ConfigErrors.error(key, "must be a string; got " + v);
        }
        return String.valueOf(v).trim();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static long positive(Configuration p, String key, long dflt, long max) {
        long v = integer(p, key, dflt);
        if (v < 1 || v > max) {
            throw ConfigErrors.error(key, "must be between 1 and " + max + "; got " + v);
        }
        return v;
    }

    private static long nonNegative(Configuration p, String key, long dflt) {
        long v = integer(p, key, dflt);
        if (v < 0) {
            throw ConfigErrors.error(key, "must not be negative; got " + v);
        }
        return v;
    }

    private static long integer(Configuration p, String key, long dflt) {
        Object v = p.get(key);
        if (v == null || String.valueOf(v).trim().isEmpty()) {
            return dflt;
        }
        String s = String.valueOf(v).trim();
        if (!s.matches("-?[0-9]{1,18}")) {
            throw ConfigErrors.error(key, "must be an integer; got '" + s + "'");
        }
        return Long.parseLong(s);
    }
}
