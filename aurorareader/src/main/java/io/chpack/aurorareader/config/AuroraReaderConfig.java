package io.chpack.aurorareader.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.common.mapping.FractionalSeconds;
import io.chpack.common.mapping.InvalidDateBehavior;
import io.chpack.common.mapping.SourceReadOptions;
import io.chpack.common.mapping.TimeOfDay;

/**
 * Every job key of aurorareader, parsed and validated once (doc/aurorareader.md has the table). Stock
 * mysqlreader keys keep their meaning: {@code username}, {@code password}, {@code column},
 * {@code connection[].jdbcUrl} + {@code table} / {@code querySql}, {@code where}, {@code splitPk},
 * {@code fetchSize}, {@code session}.
 */
public final class AuroraReaderConfig {
    /** One {@code connection[]} entry. */
    public static final class Source {
        public final List<String> jdbcUrls;
        public final List<String> tables;
        public final List<String> querySqls;

        Source(List<String> jdbcUrls, List<String> tables, List<String> querySqls) {
            this.jdbcUrls = jdbcUrls;
            this.tables = tables;
            this.querySqls = querySqls;
        }
    }

    /** {@code aurora.*}: RDS discovery, instance choice and IAM authentication. */
    public static final class Aurora {
        public final String clusterId;
        public final String region;
        public final String endpoint;
        public final ReadFrom readFrom;
        public final boolean iamAuth;
        public final String accessKeyId;
        public final String secretAccessKey;
        public final String sessionToken;
        public final String profile;
        public final int tokenRefreshSeconds;

        Aurora(String clusterId, String region, String endpoint, ReadFrom readFrom, boolean iamAuth, String accessKeyId,
                String secretAccessKey, String sessionToken, String profile, int tokenRefreshSeconds) {
            this.clusterId = clusterId;
            this.region = region;
            this.endpoint = endpoint;
            this.readFrom = readFrom;
            this.iamAuth = iamAuth;
            this.accessKeyId = accessKeyId;
            this.secretAccessKey = secretAccessKey;
            this.sessionToken = sessionToken;
            this.profile = profile;
            this.tokenRefreshSeconds = tokenRefreshSeconds;
        }
    }

    /** {@code checkpoint.*}. */
    public static final class Checkpoint {
        public final String type;
        public final String path;
        public final String connectString;
        public final String rootPath;
        public final String id;
        public final long replayRows;

        Checkpoint(String type, String path, String connectString, String rootPath, String id, long replayRows) {
            this.type = type;
            this.path = path;
            this.connectString = connectString;
            this.rootPath = rootPath;
            this.id = id;
            this.replayRows = replayRows;
        }
    }

    /** {@code ddl.*}: print or execute ClickHouse DDL for the source table. */
    public static final class Ddl {
        public final String mode;
        public final String database;
        public final String table;
        public final String engine;
        public final String versionColumn;
        public final boolean legacy;
        public final String clickhouseUrl;
        public final String clickhouseUser;
        public final String clickhousePassword;

        Ddl(String mode, String database, String table, String engine, String versionColumn, boolean legacy,
                String clickhouseUrl, String clickhouseUser, String clickhousePassword) {
            this.mode = mode;
            this.database = database;
            this.table = table;
            this.engine = engine;
            this.versionColumn = versionColumn;
            this.legacy = legacy;
            this.clickhouseUrl = clickhouseUrl;
            this.clickhouseUser = clickhouseUser;
            this.clickhousePassword = clickhousePassword;
        }
    }

    public final String username;
    public final String password;
    public final List<String> columns;
    public final List<Source> sources;
    public final String where;
    public final String splitPk;
    public final int fetchSize;
    public final List<String> session;
    public final ReadMode mode;
    public final long chunkRows;
    public final String watermarkColumn;
    public final String watermarkInitial;
    public final Aurora aurora;
    public final Checkpoint checkpoint;
    public final Ddl ddl;
    public final SourceReadOptions readOptions;
    public final int maxRetries;
    public final int connectTimeoutSeconds;
    public final int testFailAfterChunks;
    public final long testDropConnectionAfterRows;
    /** {@code testHook.afterChunk}: name of a system-properties entry holding a {@code Consumer<String>} (tests). */
    public final String testAfterChunkHook;
    /** {@code cdc.captureStart}: a full load records the CDC start position (snapshot → CDC hand-off). */
    public final boolean cdcCaptureStart;

    private AuroraReaderConfig(Configuration c) {
        username = c.getString("username");
        password = c.getString("password", "");
        columns = stringList(c, "column", Collections.singletonList("*"));
        if (columns.isEmpty()) {
            throw bad("parameter.column must list at least one column (or \"*\")");
        }
        sources = sources(c);
        where = blankToNull(c.getString("where"));
        splitPk = blankToNull(c.getString("splitPk"));
        fetchSize = c.getInt("fetchSize", 2048);
        if (fetchSize < 1) {
            throw bad("parameter.fetchSize must be at least 1, got " + fetchSize);
        }
        session = stringList(c, "session", Collections.<String>emptyList());
        try {
            mode = ReadMode.parse(c.getString("mode", "full"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        chunkRows = c.getLong("chunkRows", 0L);
        if (chunkRows < 0) {
            throw bad("parameter.chunkRows must be 0 (auto) or positive, got " + chunkRows);
        }
        watermarkColumn = blankToNull(c.getString("watermark.column"));
        watermarkInitial = blankToNull(c.getString("watermark.initial"));
        if (mode == ReadMode.WATERMARK && watermarkColumn == null) {
            throw bad("parameter.watermark.column is required in mode watermark");
        }
        aurora = aurora(c);
        checkpoint = checkpoint(c, mode);
        ddl = ddl(c);
        readOptions = readOptions(c);
        maxRetries = c.getInt("maxRetries", 3);
        connectTimeoutSeconds = c.getInt("connectTimeoutSeconds", 10);
        testFailAfterChunks = c.getInt("testHook.failAfterChunks", -1);
        testDropConnectionAfterRows = c.getLong("testHook.dropConnectionAfterRows", -1L);
        testAfterChunkHook = blankToNull(c.getString("testHook.afterChunk"));
        cdcCaptureStart = captureStart(c, mode, sources);
        for (Source s : sources) {
            if (!s.querySqls.isEmpty() && mode != ReadMode.FULL && mode != ReadMode.CDC) {
                throw bad("parameter.connection[].querySql cannot be combined with mode " + mode.key()
                        + ": use table + where");
            }
        }
        if (username == null) {
            throw bad("parameter.username is required (with aurora.iamAuth: the database user the token is for)");
        }
    }

    private static boolean captureStart(Configuration c, ReadMode mode, List<Source> sources) {
        Object raw = c.get("cdc.captureStart");
        if (raw == null) {
            return false;
        }
        String text = raw.toString().trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw bad("parameter.cdc.captureStart must be true or false, got '" + raw + "'");
        }
        if (!text.equals("true") || mode == ReadMode.CDC) {
            return false; // mode cdc ignores it, so the full load and the CDC job may share one "cdc" block
        }
        if (mode != ReadMode.FULL) {
            throw bad("parameter.cdc.captureStart belongs to the full load (mode full) that precedes CDC; mode "
                    + mode.key() + " cannot use it");
        }
        if (sources.size() != 1 || sources.get(0).tables.isEmpty() || !sources.get(0).querySqls.isEmpty()) {
            throw bad("parameter.cdc.captureStart needs exactly one connection entry with table (no querySql): CDC "
                    + "reads one server's log for the listed tables");
        }
        if (c.getBool("aurora.iamAuth", false)) {
            throw bad("parameter.cdc.captureStart cannot be combined with aurora.iamAuth: CDC connects with "
                    + "username/password");
        }
        return true;
    }

    public static AuroraReaderConfig parse(Configuration c) {
        return new AuroraReaderConfig(c);
    }

    private static List<Source> sources(Configuration c) {
        List<Object> raw = c.getList("connection");
        if (raw == null || raw.isEmpty()) {
            throw bad("parameter.connection must have at least one entry with jdbcUrl and table or querySql "
                    + "(or give aurora.clusterId and connection[0].table)");
        }
        List<Source> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String p = "connection[" + i + "]";
            List<String> urls = stringList(c, p + ".jdbcUrl", Collections.<String>emptyList());
            List<String> tables = stringList(c, p + ".table", Collections.<String>emptyList());
            List<String> queries = stringList(c, p + ".querySql", Collections.<String>emptyList());
            if (tables.isEmpty() == queries.isEmpty()) {
                throw bad("parameter." + p + " needs exactly one of table or querySql");
            }
            for (String u : urls) {
                if (!u.startsWith("jdbc:mysql:") && !u.startsWith("jdbc:mariadb:") && !u.startsWith("jdbc:postgresql:")) {
                    throw bad("parameter." + p + ".jdbcUrl '" + u + "' is not a jdbc:mysql:, jdbc:mariadb: or "
                            + "jdbc:postgresql: URL");
                }
            }
            List<String> expanded = new ArrayList<>();
            for (String t : tables) {
                expanded.addAll(TableExpansion.expand(t));
            }
            out.add(new Source(urls, expanded, queries));
        }
        return out;
    }

    private static Aurora aurora(Configuration c) {
        if (c.get("aurora") == null) {
            return null;
        }
        String clusterId = blankToNull(c.getString("aurora.clusterId"));
        String region = blankToNull(c.getString("aurora.region"));
        boolean iam = c.getBool("aurora.iamAuth", false);
        if ((clusterId != null || iam) && region == null) {
            throw bad("parameter.aurora.region is required with aurora.clusterId or aurora.iamAuth (e.g. \"us-east-1\"); "
                    + "the reader never guesses a region from instance metadata");
        }
        ReadFrom readFrom;
        try {
            readFrom = ReadFrom.parse(c.getString("aurora.readFrom", "replicas"));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
        String ak = blankToNull(c.getString("aurora.accessKeyId"));
        String sk = blankToNull(c.getString("aurora.secretAccessKey"));
        if ((ak == null) != (sk == null)) {
            throw bad("parameter.aurora.accessKeyId and aurora.secretAccessKey go together");
        }
        int refresh = c.getInt("aurora.tokenRefreshSeconds", 600);
        if (refresh < 10 || refresh > 840) {
            throw bad("parameter.aurora.tokenRefreshSeconds must be between 10 and 840 (tokens live 900 s), got " + refresh);
        }
        return new Aurora(clusterId, region, blankToNull(c.getString("aurora.endpoint")), readFrom, iam, ak, sk,
                blankToNull(c.getString("aurora.sessionToken")), blankToNull(c.getString("aurora.profile")), refresh);
    }

    private static Checkpoint checkpoint(Configuration c, ReadMode mode) {
        if (c.get("checkpoint") == null) {
            if (mode == ReadMode.FULL) {
                return null;
            }
            return new Checkpoint("file", defaultCheckpointDir(), null, null, null, -1);
        }
        String type = c.getString("checkpoint.type", "file").trim().toLowerCase(Locale.ROOT);
        String path = blankToNull(c.getString("checkpoint.path"));
        String connect = blankToNull(c.getString("checkpoint.connectString"));
        if ("file".equals(type)) {
            if (path == null) {
                path = defaultCheckpointDir();
            }
        } else if ("zookeeper".equals(type)) {
            if (connect == null) {
                throw bad("parameter.checkpoint.connectString is required with checkpoint.type zookeeper "
                        + "(e.g. \"zk1:2181,zk2:2181\")");
            }
        } else {
            throw bad("parameter.checkpoint.type must be one of file, zookeeper; got '" + type + "'");
        }
        String id = blankToNull(c.getString("checkpoint.id"));
        if (id != null && !id.matches("[A-Za-z0-9_.-]{1,128}")) {
            throw bad("parameter.checkpoint.id must match [A-Za-z0-9_.-]{1,128}, got '" + id + "'");
        }
        return new Checkpoint(type, path, connect, c.getString("checkpoint.rootPath", "/chpack/aurorareader"), id,
                c.getLong("checkpoint.replayRows", -1L));
    }

    private static String defaultCheckpointDir() {
        return System.getProperty("user.home") + "/.chpack/aurorareader-checkpoints";
    }

    private static Ddl ddl(Configuration c) {
        if (c.get("ddl") == null) {
            return null;
        }
        String mode = c.getString("ddl.mode", "print").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("print") && !mode.equals("execute")) {
            throw bad("parameter.ddl.mode must be one of print, execute; got '" + mode + "'");
        }
        String engine = c.getString("ddl.engine", "ReplacingMergeTree").trim();
        if (!engine.equals("ReplacingMergeTree") && !engine.equals("MergeTree")) {
            throw bad("parameter.ddl.engine must be one of ReplacingMergeTree, MergeTree; got '" + engine + "'");
        }
        return new Ddl(mode, blankToNull(c.getString("ddl.database")), blankToNull(c.getString("ddl.table")), engine,
                blankToNull(c.getString("ddl.versionColumn")), c.getBool("ddl.legacy", false),
                blankToNull(c.getString("ddl.clickhouseUrl")), blankToNull(c.getString("ddl.username")),
                c.getString("ddl.password", null));
    }

    private static SourceReadOptions readOptions(Configuration c) {
        SourceReadOptions o = SourceReadOptions.defaults();
        String tz = blankToNull(c.getString("timeZone"));
        if (tz != null) {
            try {
                o = o.withTimeZone(ZoneId.of(tz));
            } catch (DateTimeException e) {
                throw bad("parameter.timeZone '" + tz + "' is not a time zone id (e.g. \"UTC\", \"Asia/Shanghai\", \"+08:00\")");
            }
        }
        o = o.withZeroDates(en(c, "zeroDates", InvalidDateBehavior.class, o.zeroDates()));
        o = o.withInfiniteDates(en(c, "infiniteDates", InvalidDateBehavior.class, o.infiniteDates()));
        o = o.withFractionalSeconds(en(c, "fractionalSeconds", FractionalSeconds.class, o.fractionalSeconds()));
        o = o.withTimeOfDay(en(c, "timeOfDay", TimeOfDay.class, o.timeOfDay()));
        o = o.withTinyInt1AsBool(c.getBool("tinyInt1AsBool", false));
        o = o.withNumericNaNAsNull(c.getBool("numericNaNAsNull", false));
        o = o.withUnknownTypesAsText(c.getBool("unknownTypesAsText", false));
        return o;
    }

    private static <E extends Enum<E>> E en(Configuration c, String key, Class<E> type, E dflt) {
        String v = blankToNull(c.getString(key));
        if (v == null) {
            return dflt;
        }
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E x : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(x.name().toLowerCase(Locale.ROOT));
            }
            throw bad("parameter." + key + " must be one of " + allowed + "; got '" + v + "'");
        }
    }

    /** A string or a list of strings at {@code path}; null/absent → dflt. */
    static List<String> stringList(Configuration c, String path, List<String> dflt) {
        Object v = c.get(path);
        if (v == null) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object o : (List<?>) v) {
                if (o != null && !o.toString().trim().isEmpty()) {
                    out.add(o.toString().trim());
                }
            }
            return out;
        }
        String s = c.getString(path);
        if (s != null && s.trim().startsWith("[")) {
            List<String> l = c.getList(path, String.class);
            for (String x : l) {
                if (x != null && !x.trim().isEmpty()) {
                    out.add(x.trim());
                }
            }
            return out;
        }
        if (s != null && !s.trim().isEmpty()) {
            out.add(s.trim());
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }

    static DataXException bad(String message) {
        return DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, message);
    }
}
