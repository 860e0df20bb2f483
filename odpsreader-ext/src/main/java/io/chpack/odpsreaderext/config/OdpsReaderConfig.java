package io.chpack.odpsreaderext.config;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.odpsreaderext.OdpsReaderErrorCode;

/**
 * Every key of the reader's {@code parameter}, parsed and validated once. The stock odpsreader keys keep their
 * meaning: {@code odpsServer}, {@code tunnelServer}, {@code project}, {@code table}, {@code partition} (list, with
 * {@code *}/{@code ?} wildcards), {@code column} (names, {@code *}, partition keys, {@code 'constants'}),
 * {@code accessId}, {@code accessKey}, {@code securityToken}, {@code splitMode}, {@code isCompress}.
 * {@link #toString()} never shows the secret or the token.
 */
public final class OdpsReaderConfig {
    public enum SplitMode { RECORD, PARTITION }

    public final String odpsServer;
    public final String tunnelServer;
    public final String project;
    public final String table;
    /** Partition patterns as given (e.g. {@code pt=2026*,hh=0?}); empty for an unpartitioned table. */
    public final List<String> partitions;
    /** Column entries as given: names, {@code *}, or {@code 'constant'}. */
    public final List<String> columns;
    public final String accessId;
    public final String accessKey;
    public final String securityToken;
    public final SplitMode splitMode;
    public final boolean compress;
    public final int maxRetryTime;
    /** Zone of the DataX Date for a MaxCompute DATE (midnight there) and of date-time text. */
    public final ZoneId timeZone;
    /** TIMESTAMP as text with nanoseconds instead of a millisecond Date. */
    public final boolean timestampAsText;
    /** Minimum records per split in record mode. */
    public final long minSplitRecords;

    private OdpsReaderConfig(Configuration p) {
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
        partitions = Collections.unmodifiableList(stringList(p, "partition"));
        List<String> cols = stringList(p, "column");
        if (cols.isEmpty()) {
            throw error("column is required: column names, partition keys, 'constants', or [\"*\"]");
        }
        columns = Collections.unmodifiableList(cols);
        accessId = required(p, "accessId");
        accessKey = required(p, "accessKey");
        securityToken = trimToNull(p.getString("securityToken"));
        String mode = p.getString("splitMode", "record").trim().toUpperCase(Locale.ROOT);
        try {
            splitMode = SplitMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw error("splitMode must be record or partition, got '" + p.getString("splitMode") + "'");
        }
        compress = p.getBool("isCompress", false);
        maxRetryTime = p.getInt("maxRetryTime", 3);
        if (maxRetryTime < 0 || maxRetryTime > 100) {
            throw error("maxRetryTime must be between 0 and 100, got " + maxRetryTime);
        }
        String tz = trimToNull(p.getString("timeZone"));
        try {
            timeZone = tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw error("timeZone '" + tz + "' is not a zone id such as UTC or Asia/Shanghai");
        }
        timestampAsText = p.getBool("timestampAsText", false);
        Long min = p.getLong("minSplitRecords", 10000L);
        if (min < 1) {
            throw error("minSplitRecords must be at least 1, got " + min);
        }
        minSplitRecords = min;
    }

    public static OdpsReaderConfig from(Configuration parameter) {
        return new OdpsReaderConfig(parameter);
    }

    private static List<String> stringList(Configuration p, String key) {
        Object v = p.get(key);
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v instanceof String) {
            if (!((String) v).trim().isEmpty()) {
                out.add(((String) v).trim());
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
            if (!((String) o).trim().isEmpty()) {
                out.add(((String) o).trim());
            }
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

    static DataXException error(String message) {
        return DataXException.asDataXException(OdpsReaderErrorCode.CONFIG_ERROR, message);
    }

    @Override
    public String toString() {
        return "odpsreader-ext{odpsServer=" + odpsServer + ", tunnelServer=" + tunnelServer + ", project=" + project
                + ", table=" + table + ", partition=" + partitions + ", column=" + columns + ", accessId=" + accessId
                + ", accessKey=***" + (securityToken != null ? ", securityToken=***" : "") + ", splitMode="
                + splitMode + ", isCompress=" + compress + ", maxRetryTime=" + maxRetryTime + ", timeZone=" + timeZone
                + ", timestampAsText=" + timestampAsText + ", minSplitRecords=" + minSplitRecords + "}";
    }

    /** The endpoint and credential keys, for the shared SDK client. */
    public io.chpack.odps.OdpsAccess access() {
        return new io.chpack.odps.OdpsAccess(odpsServer, tunnelServer, project, accessId, accessKey, securityToken,
                maxRetryTime);
    }
}
