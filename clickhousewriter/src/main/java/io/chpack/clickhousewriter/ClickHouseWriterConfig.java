package io.chpack.clickhousewriter;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.clickhousewriter.client.ClickHouseUrl;
import io.chpack.clickhousewriter.cluster.ClusterOptions;
import io.chpack.clickhousewriter.client.ConnectionSettings;
import io.chpack.clickhousewriter.meta.Identifiers;
import io.chpack.common.convert.ConversionOptionsReader;

/**
 * Every key of the writer's {@code parameter}, parsed and validated once. Errors are CONFIG_ERROR naming
 * {@code parameter.<key>} and the bad value; the password never appears in a message or in {@link #toString()}.
 * The stock clickhousewriter keys keep their meaning; see {@code doc/clickhousewriter.md} for the full table.
 */
public final class ClickHouseWriterConfig {
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String COLUMN = "column";
    public static final String CONNECTION = "connection";
    public static final String PRE_SQL = "preSql";
    public static final String POST_SQL = "postSql";
    public static final String BATCH_SIZE = "batchSize";
    public static final String BATCH_BYTE_SIZE = "batchByteSize";
    public static final String WRITE_MODE = "writeMode";
    public static final String MODE = "mode";
    public static final String STAGING_MODE = "stagingMode";
    public static final String JOB_ID = "jobId";
    public static final String MAX_RETRIES = "maxRetries";
    public static final String RETRY_BACKOFF_MS = "retryBackoffMs";
    public static final String MAX_RETRY_BACKOFF_MS = "maxRetryBackoffMs";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String SOCKET_TIMEOUT_MS = "socketTimeoutMs";
    public static final String COMPRESSION = "compression";
    public static final String SETTINGS = "settings";
    public static final String INSERT_QUORUM = "insertQuorum";
    public static final String MAX_PARTITIONS_PER_BLOCK = "maxPartitionsPerBlock";
    public static final String STAGING_STALE_MINUTES = "stagingStaleMinutes";
    public static final String DRY_RUN = "dryRun";

    public static final int DEFAULT_BATCH_SIZE = 65536;
    public static final long DEFAULT_BATCH_BYTE_SIZE = 64L * 1024 * 1024;

    /** Keys the writer knows; anything else is reported as a probable typo (a warning, not an error). */
    static final Set<String> KNOWN_KEYS = new HashSet<String>(Arrays.asList(USERNAME, PASSWORD, COLUMN, CONNECTION,
            PRE_SQL, POST_SQL, BATCH_SIZE, BATCH_BYTE_SIZE, WRITE_MODE, MODE, STAGING_MODE, JOB_ID, MAX_RETRIES,
            RETRY_BACKOFF_MS, MAX_RETRY_BACKOFF_MS, CONNECT_TIMEOUT_MS, SOCKET_TIMEOUT_MS, COMPRESSION, SETTINGS,
            INSERT_QUORUM, MAX_PARTITIONS_PER_BLOCK, STAGING_STALE_MINUTES, DRY_RUN,
            ConversionOptionsReader.TIME_ZONE, ConversionOptionsReader.NULL_MODE,
            ConversionOptionsReader.DECIMAL_ROUNDING, ConversionOptionsReader.DATETIME_ROUNDING,
            ConversionOptionsReader.DST_GAP, "session", "__chpack"));

    static {
        KNOWN_KEYS.addAll(ClusterOptions.KEYS);
    }

    public final String username;
    final String password;
    /** Column names as written (unquoted); {@code ["*"]} means every insertable column of the table. */
    public final List<String> columns;
    public final String jdbcUrl;
    public final ClickHouseUrl url;
    public final List<String> tables;
    public final List<String> preSql;
    public final List<String> postSql;
    public final int batchSize;
    public final long batchByteSize;
    public final WriteMode mode;
    public final StagingMode stagingMode;
    /** null when not given (derived at prepare). */
    public final String jobId;
    public final int maxRetries;
    public final long retryBackoffMs;
    public final long maxRetryBackoffMs;
    public final long connectTimeoutMs;
    public final long socketTimeoutMs;
    public final boolean compression;
    /** URL settings overlaid with the {@code settings} map; validated against the server at prepare. */
    public final Map<String, String> settings;
    public final int insertQuorum;
    public final int maxPartitionsPerBlock;
    public final long stagingStaleMinutes;
    public final boolean dryRun;
    /** Cluster mode and ZooKeeper keys (see the cluster package). */
    public final ClusterOptions cluster;
    public final List<String> unknownKeys;
    private final Configuration parameter;

    private ClickHouseWriterConfig(Configuration p) {
        this.parameter = p;
        this.username = text(p, USERNAME, "default");
        String pw = p.getString(PASSWORD);
        this.password = pw == null ? "" : pw;
        this.columns = columns(p);
        Connection c = connection(p);
        this.jdbcUrl = c.jdbcUrl;
        this.tables = c.tables;
        try {
            this.url = ClickHouseUrl.parse(c.jdbcUrl);
        } catch (IllegalArgumentException e) {
            throw error(CONNECTION + "[0].jdbcUrl " + e.getMessage());
        }
        this.preSql = stringList(p, PRE_SQL);
        this.postSql = stringList(p, POST_SQL);
        this.batchSize = (int) longValue(p, BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, Integer.MAX_VALUE);
        this.batchByteSize = longValue(p, BATCH_BYTE_SIZE, DEFAULT_BATCH_BYTE_SIZE, 1, 1L << 30);
        String writeMode = text(p, WRITE_MODE, "insert");
        if (!writeMode.trim().toLowerCase(Locale.ROOT).startsWith("insert")) {
            throw error(WRITE_MODE + " '" + writeMode + "' is not supported: ClickHouse has no REPLACE INTO or ON "
                    + "DUPLICATE KEY UPDATE; use insert (into a ReplacingMergeTree table for upserts) or "
                    + "mode=staging with stagingMode=overwrite to reload whole partitions");
        }
        this.mode = choice(p, MODE, WriteMode.values(), WriteMode.INSERT);
        this.stagingMode = choice(p, STAGING_MODE, StagingMode.values(), StagingMode.APPEND);
        String id = p.getString(JOB_ID);
        if (id != null) {
            id = id.trim();
            if (!id.matches("[A-Za-z0-9_]{1,64}")) {
                throw error(JOB_ID + " must be 1-64 letters, digits or underscores (it becomes part of table names and "
                        + "dedup tokens); got '" + id + "'");
            }
        }
        this.jobId = id;
        this.maxRetries = (int) longValue(p, MAX_RETRIES, 10, 0, 1000);
        this.retryBackoffMs = longValue(p, RETRY_BACKOFF_MS, 500, 0, 3_600_000);
        this.maxRetryBackoffMs = longValue(p, MAX_RETRY_BACKOFF_MS, 30_000, 0, 3_600_000);
        if (maxRetryBackoffMs < retryBackoffMs) {
            throw error(MAX_RETRY_BACKOFF_MS + " (" + maxRetryBackoffMs + ") must be >= " + RETRY_BACKOFF_MS + " ("
                    + retryBackoffMs + ")");
        }
        this.connectTimeoutMs = longValue(p, CONNECT_TIMEOUT_MS, url.longParameter("connect_timeout", 10_000), 1,
                3_600_000);
        this.socketTimeoutMs = longValue(p, SOCKET_TIMEOUT_MS, url.longParameter("socket_timeout", 300_000), 1,
                86_400_000);
        this.compression = bool(p, COMPRESSION, true);
        this.insertQuorum = (int) longValue(p, INSERT_QUORUM, 0, 0, 100);
        this.maxPartitionsPerBlock = (int) longValue(p, MAX_PARTITIONS_PER_BLOCK, 100, 1, 100_000);
        this.stagingStaleMinutes = longValue(p, STAGING_STALE_MINUTES, 360, 0, 525_600);
        this.dryRun = bool(p, DRY_RUN, false);
        this.cluster = ClusterOptions.parse(p);
        Map<String, String> s = new LinkedHashMap<String, String>(url.serverSettings());
        s.putAll(settingsMap(p));
        this.settings = Collections.unmodifiableMap(s);
        // Conversion keys are read again with the server's zone at prepare; reading them here reports a bad value
        // before anything connects.
        new ConversionOptionsReader().read(p, ZoneId.of("UTC"));
        List<String> unknown = new ArrayList<String>();
        for (String k : topLevelKeys(p)) {
            if (!KNOWN_KEYS.contains(k)) {
                unknown.add(k);
            }
        }
        this.unknownKeys = Collections.unmodifiableList(unknown);
    }

    /**
     * @throws DataXException CONFIG_ERROR naming the key and the value
     */
    public static ClickHouseWriterConfig parse(Configuration parameter) {
        if (parameter == null) {
            throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "the writer has no parameter object");
        }
        return new ClickHouseWriterConfig(parameter);
    }

    /** The original parameter object (conversion keys are read from it). */
    public Configuration parameter() {
        return parameter;
    }

    public ConnectionSettings connectionSettings() {
        String sslmode = url.parameters().get("sslmode");
        return new ConnectionSettings(username, password, url.database(), url.https(),
                url.parameters().get("sslrootcert"), sslmode == null || "strict".equalsIgnoreCase(sslmode), compression,
                connectTimeoutMs, socketTimeoutMs, Collections.<String, String>emptyMap());
    }

    public boolean allColumns() {
        return columns.size() == 1 && "*".equals(columns.get(0));
    }

    // ------------------------------------------------------------------ parsing helpers

    private static final class Connection {
        String jdbcUrl;
        List<String> tables;
    }

    private static Connection connection(Configuration p) {
        Object raw = p.get(CONNECTION);
        if (!(raw instanceof List) || ((List<?>) raw).isEmpty()) {
            throw error(CONNECTION + " is required: [{\"jdbcUrl\": \"jdbc:clickhouse://host:8123/db\", \"table\": "
                    + "[\"t\"]}]");
        }
        if (((List<?>) raw).size() > 1) {
            throw error(CONNECTION + " has " + ((List<?>) raw).size() + " entries; the writer takes exactly one (list "
                    + "several hosts in its jdbcUrl: jdbc:clickhouse://h1:8123,h2:8123/db)");
        }
        Connection c = new Connection();
        Object url = p.get(CONNECTION + "[0].jdbcUrl");
        if (url instanceof List) { // reader style ["url"]: accept one
            List<?> l = (List<?>) url;
            if (l.size() != 1) {
                throw error(CONNECTION + "[0].jdbcUrl must be one URL (several hosts go inside it), got " + l.size());
            }
            url = l.get(0);
        }
        if (url == null || String.valueOf(url).trim().isEmpty()) {
            throw error(CONNECTION + "[0].jdbcUrl is required, e.g. jdbc:clickhouse://127.0.0.1:8123/default");
        }
        c.jdbcUrl = String.valueOf(url).trim();
        Object t = p.get(CONNECTION + "[0].table");
        List<String> tables = new ArrayList<String>();
        if (t instanceof List) {
            for (Object o : (List<?>) t) {
                tables.add(o == null ? "" : String.valueOf(o));
            }
        } else if (t != null) {
            tables.add(String.valueOf(t));
        }
        if (tables.isEmpty()) {
            throw error(CONNECTION + "[0].table is required: a list of one table (or one per task)");
        }
        List<String> clean = new ArrayList<String>();
        for (String name : tables) {
            String n = Identifiers.unquote(name);
            if (n.isEmpty()) {
                throw error(CONNECTION + "[0].table has an empty table name");
            }
            clean.add(n);
        }
        c.tables = Collections.unmodifiableList(clean);
        return c;
    }

    private static List<String> columns(Configuration p) {
        Object raw = p.get(COLUMN);
        if (raw == null) {
            return Collections.singletonList("*");
        }
        if (!(raw instanceof List)) {
            throw error(COLUMN + " must be a list of column names or [\"*\"], got " + raw);
        }
        List<String> out = new ArrayList<String>();
        Set<String> seen = new HashSet<String>();
        for (Object o : (List<?>) raw) {
            if (o == null || String.valueOf(o).trim().isEmpty()) {
                throw error(COLUMN + " has an empty column name");
            }
            String n = Identifiers.unquote(String.valueOf(o));
            if (!seen.add(n)) {
                throw error(COLUMN + " names column '" + n + "' twice");
            }
            out.add(n);
        }
        if (out.isEmpty()) {
            throw error(COLUMN + " is empty; list the target columns or use [\"*\"]");
        }
        if (out.contains("*") && out.size() > 1) {
            throw error(COLUMN + " mixes \"*\" with column names");
        }
        return Collections.unmodifiableList(out);
    }

    private static List<String> stringList(Configuration p, String key) {
        Object raw = p.get(key);
        if (raw == null) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<String>();
        if (raw instanceof List) {
            for (Object o : (List<?>) raw) {
                if (o != null && !String.valueOf(o).trim().isEmpty()) {
                    out.add(String.valueOf(o).trim());
                }
            }
        } else if (!String.valueOf(raw).trim().isEmpty()) {
            out.add(String.valueOf(raw).trim());
        }
        return Collections.unmodifiableList(out);
    }

    private static Map<String, String> settingsMap(Configuration p) {
        Object raw = p.get(SETTINGS);
        Map<String, String> out = new LinkedHashMap<String, String>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map)) {
            throw error(SETTINGS + " must be an object of ClickHouse settings, e.g. {\"max_threads\": 4}; got " + raw);
        }
        for (Map.Entry<?, ?> e : ((Map<?, ?>) raw).entrySet()) {
            String k = String.valueOf(e.getKey()).trim();
            Object v = e.getValue();
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(SETTINGS + " has a bad setting name '" + k + "'");
            }
            if (v == null || v instanceof Map || v instanceof List) {
                throw error(SETTINGS + "." + k + " must be a string, number or boolean, got " + v);
            }
            String s = String.valueOf(v);
            if (v instanceof Boolean) {
                s = ((Boolean) v) ? "1" : "0";
            }
            out.put(k, s);
        }
        return out;
    }

    private static Set<String> topLevelKeys(Configuration p) {
        Set<String> keys = new HashSet<String>();
        Object internal = p.getInternal();
        if (internal instanceof Map) {
            for (Object k : ((Map<?, ?>) internal).keySet()) {
                keys.add(String.valueOf(k));
            }
        }
        return keys;
    }

    private static String text(Configuration p, String key, String dflt) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return dflt;
        }
        return v.trim();
    }

    private static long longValue(Configuration p, String key, long dflt, long min, long max) {
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

    private static boolean bool(Configuration p, String key, boolean dflt) {
        Object raw = p.get(key);
        if (raw == null) {
            return dflt;
        }
        String s = String.valueOf(raw).trim();
        if ("true".equalsIgnoreCase(s)) {
            return true;
        }
        if ("false".equalsIgnoreCase(s)) {
            return false;
        }
        throw error(key + " must be true or false, got '" + s + "'");
    }

    private static <E extends Enum<E>> E choice(Configuration p, String key, E[] values, E dflt) {
        String v = p.getString(key);
        if (v == null || v.trim().isEmpty()) {
            return dflt;
        }
        StringBuilder allowed = new StringBuilder();
        for (E e : values) {
            String k = e instanceof WriteMode ? ((WriteMode) e).key() : ((StagingMode) e).key();
            if (k.equalsIgnoreCase(v.trim())) {
                return e;
            }
            allowed.append(allowed.length() == 0 ? "" : ", ").append(k);
        }
        throw error(key + " must be one of " + allowed + "; got '" + v.trim() + "'");
    }

    static DataXException error(String message) {
        return DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "parameter." + message);
    }

    @Override
    public String toString() {
        return "ClickHouseWriterConfig{user=" + username + ", url hosts=" + url.hosts() + ", database=" + url.database()
                + ", tables=" + tables + ", columns=" + columns + ", mode=" + mode.key() + (mode == WriteMode.STAGING
                        ? "/" + stagingMode.key() : "") + ", batchSize=" + batchSize + ", batchByteSize="
                + batchByteSize + ", maxRetries=" + maxRetries + ", compression=" + compression + ", settings="
                + settings.keySet() + "}";
    }
}
