package io.chpack.odpswriterext.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.odpswriterext.OdpsWriterErrorCode;

/**
 * Every key of the writer's {@code parameter}, parsed and validated once (Job.init and again in each Task). The
 * stock odpswriter keys keep their meaning: {@code odpsServer}, {@code tunnelServer}, {@code project},
 * {@code table}, {@code partition}, {@code column}, {@code accessId}, {@code accessKey}, {@code securityToken},
 * {@code truncate}, {@code blockSizeInMB}, {@code maxRetryTime}, {@code emptyAsNull}, {@code isCompress},
 * {@code preSql}, {@code postSql}. {@link #toString()} never shows the secret or the token.
 */
public final class OdpsWriterConfig {
    /** Stock default and bounds of blockSizeInMB. */
    public static final int DEFAULT_BLOCK_MB = 64;
    public static final int MIN_BLOCK_MB = 1;
    public static final int MAX_BLOCK_MB = 512;

    public enum Compression { RAW, DEFLATE, SNAPPY, LZ4, ZSTD }

    public final String odpsServer;
    public final String tunnelServer;       // null: asked from the service
    public final String project;
    public final String table;
    /** Static partition values (lower-cased keys, in the order given); empty when none. */
    public final Map<String, String> partition;
    /** Target column names as given ("*" = all, in table order). */
    public final List<String> columns;
    public final boolean allColumns;
    public final String accessId;
    public final String accessKey;
    public final String securityToken;
    public final boolean truncate;
    public final int blockSizeInMB;
    public final int maxRetryTime;
    public final boolean emptyAsNull;
    public final Compression compression;
    public final List<String> preSql;
    public final List<String> postSql;
    // extensions
    public final boolean createTable;
    public final Integer lifecycle;
    public final int maxOpenPartitions;
    /** Columns of {@code column} that are partition keys of a table created by {@code createTable}. */
    public final List<String> partitionColumns;
    /** Zone for DATE values and zone-less date-time text; null = the peer ClickHouse server's, else UTC. */
    public final java.time.ZoneId timeZone;

    private OdpsWriterConfig(Configuration p) {
        odpsServer = required(p, "odpsServer");
        if (!odpsServer.startsWith("http://") && !odpsServer.startsWith("https://")) {
            throw error("odpsServer must be an http(s) URL such as http://service.cn-hangzhou.maxcompute.aliyun.com/api,"
                    + " got '" + odpsServer + "'");
        }
        String ts = trimToNull(p.getString("tunnelServer"));
        if (ts != null && !ts.startsWith("http://") && !ts.startsWith("https://")) {
            throw error("tunnelServer must be an http(s) URL, got '" + ts + "'");
        }
        tunnelServer = ts;
        project = required(p, "project");
        table = required(p, "table");
        partition = parsePartition(p.getString("partition", ""));
        List<String> cols = stringList(p, "column");
        if (cols.isEmpty()) {
            throw error("column is required: a list of target column names, or [\"*\"] for all columns in table order");
        }
        allColumns = cols.size() == 1 && cols.get(0).trim().equals("*");
        if (!allColumns) {
            Set<String> seen = new HashSet<>();
            for (String c : cols) {
                String n = c.trim().toLowerCase(Locale.ROOT);
                if (n.isEmpty() || n.equals("*")) {
                    throw error("column entries must be column names; '*' may only stand alone");
                }
                if (!seen.add(n)) {
                    throw error("column '" + c + "' is listed twice (MaxCompute names ignore case)");
                }
                if (partition.containsKey(n)) {
                    throw error("column '" + c + "' is also given a static value in partition '" + p.getString("partition")
                            + "'; a partition key is either static or taken from the records");
                }
            }
        }
        columns = Collections.unmodifiableList(new ArrayList<>(cols));
        accessId = required(p, "accessId");
        accessKey = required(p, "accessKey");
        securityToken = trimToNull(p.getString("securityToken"));
        truncate = p.getBool("truncate", false);
        blockSizeInMB = p.getInt("blockSizeInMB", DEFAULT_BLOCK_MB);
        if (blockSizeInMB < MIN_BLOCK_MB || blockSizeInMB > MAX_BLOCK_MB) {
            throw error("blockSizeInMB must be between " + MIN_BLOCK_MB + " and " + MAX_BLOCK_MB + ", got " + blockSizeInMB);
        }
        maxRetryTime = p.getInt("maxRetryTime", 3);
        if (maxRetryTime < 0 || maxRetryTime > 100) {
            throw error("maxRetryTime must be between 0 and 100, got " + maxRetryTime);
        }
        emptyAsNull = p.getBool("emptyAsNull", false);
        String comp = trimToNull(p.getString("compress"));
        boolean isCompress = p.getBool("isCompress", false);
        if (comp == null) {
            compression = isCompress ? Compression.DEFLATE : Compression.RAW;
        } else {
            try {
                compression = Compression.valueOf(comp.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("compress must be one of raw, deflate, snappy, lz4, zstd; got '" + comp + "'");
            }
        }
        preSql = stringList(p, "preSql");
        postSql = stringList(p, "postSql");
        createTable = p.getBool("createTable", false);
        Integer lc = p.getInt("lifecycle");
        if (lc != null && lc < 1) {
            throw error("lifecycle must be a positive number of days, got " + lc);
        }
        lifecycle = lc;
        maxOpenPartitions = p.getInt("maxOpenPartitions", 32);
        if (maxOpenPartitions < 1) {
            throw error("maxOpenPartitions must be at least 1, got " + maxOpenPartitions);
        }
        List<String> pc = new ArrayList<>();
        for (String c : stringList(p, "partitionColumns")) {
            String n = c.trim().toLowerCase(Locale.ROOT);
            if (allColumns || !lowerCased(columns).contains(n)) {
                throw error("partitionColumns entry '" + c + "' must be one of the names listed in column");
            }
            if (partition.containsKey(n)) {
                throw error("partitionColumns entry '" + c + "' also has a static value in partition");
            }
            pc.add(n);
        }
        partitionColumns = Collections.unmodifiableList(pc);
        String tz = trimToNull(p.getString("timeZone"));
        try {
            timeZone = tz == null ? null : java.time.ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            throw error("timeZone '" + tz + "' is not a zone id such as UTC or Asia/Shanghai");
        }
    }

    private static List<String> lowerCased(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Column names as given, trimmed and lower-cased (MaxCompute names ignore case). */
    public List<String> lowerCaseColumns() {
        return lowerCased(columns);
    }

    public static OdpsWriterConfig from(Configuration parameter) {
        return new OdpsWriterConfig(parameter);
    }

    /**
     * {@code pt=a,hh='01'} (also {@code /} as separator, quotes optional) → ordered map with lower-cased keys.
     * Values may not be empty or contain the separators unquoted.
     */
    public static Map<String, String> parsePartition(String spec) {
        Map<String, String> m = new LinkedHashMap<>();
        if (spec == null || spec.trim().isEmpty()) {
            return Collections.unmodifiableMap(m);
        }
        String s = spec.trim();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                throw error("partition '" + spec + "' is not of the form key=value[,key=value...]");
            }
            String key = s.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            String value;
            if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"')) {
                char q = s.charAt(i);
                int end = s.indexOf(q, i + 1);
                if (end < 0) {
                    throw error("partition '" + spec + "' has an unterminated quote");
                }
                value = s.substring(i + 1, end);
                i = end + 1;
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
            } else {
                int end = i;
                while (end < n && s.charAt(end) != ',' && s.charAt(end) != '/') {
                    end++;
                }
                value = s.substring(i, end).trim();
                i = end;
            }
            if (key.isEmpty() || !key.matches("[a-z_][a-z0-9_]*")) {
                throw error("partition '" + spec + "': '" + key + "' is not a partition column name");
            }
            if (value.isEmpty()) {
                throw error("partition '" + spec + "': partition column '" + key + "' has an empty value");
            }
            if (m.put(key, value) != null) {
                throw error("partition '" + spec + "' names '" + key + "' twice");
            }
            if (i < n) {
                char sep = s.charAt(i);
                if (sep != ',' && sep != '/') {
                    throw error("partition '" + spec + "' is not of the form key=value[,key=value...]");
                }
                i++;
            }
        }
        return Collections.unmodifiableMap(m);
    }

    private static List<String> stringList(Configuration p, String key) {
        Object v = p.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof String) {
            if (!((String) v).trim().isEmpty()) {
                out.add((String) v);
            }
            return out;
        }
        if (!(v instanceof List)) {
            throw error(key + " must be a list of strings");
        }
        for (Object o : (List<?>) v) {
            if (!(o instanceof String)) {
                throw error(key + " must be a list of strings, found " + o);
            }
            out.add((String) o);
        }
        return out;
    }

    private static String required(Configuration p, String key) {
        String v = trimToNull(p.getString(key));
        if (v == null) {
            throw error(key + " is required");
        }
        return v;
    }

    private static String trimToNull(String s) {
        return s == null || s.trim().isEmpty() ? null : s.trim();
    }

    private static DataXException error(String message) {
        return DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, message);
    }

    /** Static partition spec as the tunnel takes it ({@code k=v,k2=v2}); empty when none. */
    public String staticPartitionSpec() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : partition.entrySet()) {
            sb.append(sb.length() > 0 ? "," : "").append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "odpswriter-ext{odpsServer=" + odpsServer + ", tunnelServer=" + tunnelServer + ", project=" + project
                + ", table=" + table + ", partition=" + partition + ", column=" + columns + ", accessId=" + accessId
                + ", accessKey=***" + (securityToken != null ? ", securityToken=***" : "") + ", truncate=" + truncate
                + ", blockSizeInMB=" + blockSizeInMB + ", maxRetryTime=" + maxRetryTime + ", emptyAsNull="
                + emptyAsNull + ", compress=" + compression + ", createTable=" + createTable + ", lifecycle="
                + lifecycle + ", maxOpenPartitions=" + maxOpenPartitions + ", partitionColumns=" + partitionColumns
                + ", timeZone=" + timeZone + "}";
    }

    /** The endpoint and credential keys, for the shared SDK client. */
    public io.chpack.odps.OdpsAccess access() {
        return new io.chpack.odps.OdpsAccess(odpsServer, tunnelServer, project, accessId, accessKey, securityToken,
                maxRetryTime);
    }
}
