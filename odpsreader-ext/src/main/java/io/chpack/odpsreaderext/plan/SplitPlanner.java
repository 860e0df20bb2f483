package io.chpack.odpsreaderext.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.aliyun.odps.Column;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.tunnel.TableTunnel;

import io.chpack.odpsreaderext.OdpsReaderErrorCode;
import io.chpack.odpsreaderext.config.OdpsReaderConfig;
import io.chpack.odpsreaderext.conn.OdpsConnection;

/**
 * Job side: the table, the partitions the patterns select, one download session per partition (a consistent
 * snapshot, created here and passed to the tasks), and the splits: record ranges of the sessions (record mode,
 * about {@code total / adviceNumber} records each, never below {@code minSplitRecords}, never across partitions),
 * or one split per partition (partition mode).
 */
public final class SplitPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(SplitPlanner.class);

    public static final String KEY_SPEC = "__chpackPartition";
    public static final String KEY_SPEC_KEYS = "__chpackPartitionKeys";
    public static final String KEY_SPEC_VALUES = "__chpackPartitionValues";
    public static final String KEY_DOWNLOAD_ID = "__chpackDownloadId";
    public static final String KEY_START = "__chpackStart";
    public static final String KEY_COUNT = "__chpackCount";

    /** One partition (or the whole table) and its download session. */
    static final class Source {
        final String spec; // "" for an unpartitioned table
        final List<String> keys = new ArrayList<>();
        final List<String> values = new ArrayList<>();
        final String downloadId;
        final long records;

        Source(String spec, PartitionSpec ps, String downloadId, long records) {
            this.spec = spec;
            if (ps != null) {
                for (String k : ps.keys()) {
                    keys.add(k);
                    values.add(ps.get(k));
                }
            }
            this.downloadId = downloadId;
            this.records = records;
        }
    }

    private final OdpsReaderConfig config;
    private final OdpsConnection conn;

    public SplitPlanner(OdpsReaderConfig config, OdpsConnection conn) {
        this.config = config;
        this.conn = conn;
    }

    public static TableSchema schema(OdpsConnection conn, OdpsReaderConfig config) {
        try {
            Table t = conn.odps().tables().get(config.project, config.table);
            t.reload();
            return t.getSchema();
        } catch (Exception e) {
            if (OdpsConnection.isNotFound(e) && !OdpsConnection.isAuthFailure(e)) {
                throw DataXException.asDataXException(OdpsReaderErrorCode.TABLE_ERROR, "table " + config.project + "."
                        + config.table + " does not exist");
            }
            throw conn.fail(OdpsReaderErrorCode.TABLE_ERROR, "cannot read the schema of " + config.project + "."
                    + config.table, e);
        }
    }

    /** Checks the columns (so errors come before any split) and returns the splits. */
    public List<Configuration> split(Configuration original, int adviceNumber) {
        TableSchema schema = schema(conn, config);
        ColumnPlan.of(config.columns, schema, config.project + "." + config.table);
        List<Source> sources = new ArrayList<>();
        List<Column> keys = schema.getPartitionColumns();
        if (keys.isEmpty()) {
            if (!config.partitions.isEmpty()) {
                throw DataXException.asDataXException(OdpsReaderErrorCode.PARTITION_ERROR, config.project + "."
                        + config.table + " is not partitioned, but partition " + config.partitions + " is given");
            }
            sources.add(open(null, ""));
        } else {
            if (config.partitions.isEmpty()) {
                throw DataXException.asDataXException(OdpsReaderErrorCode.PARTITION_ERROR, config.project + "."
                        + config.table + " is partitioned by " + names(keys) + ": list the partitions to read in "
                        + "partition, e.g. [\"" + names(keys).get(0) + "=*\"] for all");
            }
            List<Map<String, String>> existing = new ArrayList<>();
            try {
                for (PartitionSpec ps : conn.odps().tables().get(config.project, config.table).getPartitionSpecs()) {
                    Map<String, String> m = new LinkedHashMap<>();
                    for (String k : ps.keys()) {
                        m.put(k.toLowerCase(Locale.ROOT), ps.get(k));
                    }
                    existing.add(m);
                }
            } catch (Exception e) {
                throw conn.fail(OdpsReaderErrorCode.PARTITION_ERROR, "cannot list the partitions of "
                        + config.project + "." + config.table, e);
            }
            for (Map<String, String> spec : PartitionMatcher.select(config.partitions, lower(names(keys)), existing)) {
                PartitionSpec ps = new PartitionSpec();
                StringBuilder text = new StringBuilder();
                for (Column k : keys) {
                    String v = spec.get(k.getName().toLowerCase(Locale.ROOT));
                    ps.set(k.getName(), v);
                    text.append(text.length() > 0 ? "," : "").append(k.getName().toLowerCase(Locale.ROOT)).append('=')
                            .append(v);
                }
                sources.add(open(ps, text.toString()));
            }
        }
        long total = 0;
        for (Source s : sources) {
            total += s.records;
        }
        long per = Math.max(config.minSplitRecords, (total + adviceNumber - 1) / Math.max(1, adviceNumber));
        List<Configuration> out = new ArrayList<>();
        for (Source s : sources) {
            if (s.records == 0) {
                continue;
            }
            long n = config.splitMode == OdpsReaderConfig.SplitMode.PARTITION ? 1 : (s.records + per - 1) / per;
            long size = (s.records + n - 1) / n;
            for (long start = 0; start < s.records; start += size) {
                out.add(split(original, s, start, Math.min(size, s.records - start)));
            }
        }
        if (out.isEmpty()) {
            out.add(split(original, sources.get(0), 0, 0));
        }
        LOG.info("{}.{}: {} records in {} partition(s) → {} splits", config.project, config.table, total,
                sources.size(), out.size());
        return out;
    }

    private static Configuration split(Configuration original, Source s, long start, long count) {
        Configuration c = original.clone();
        c.set(KEY_SPEC, s.spec);
        c.set(KEY_SPEC_KEYS, s.keys);
        c.set(KEY_SPEC_VALUES, s.values);
        c.set(KEY_DOWNLOAD_ID, s.downloadId);
        c.set(KEY_START, start);
        c.set(KEY_COUNT, count);
        return c;
    }

    private Source open(PartitionSpec ps, String text) {
        try {
            TableTunnel.DownloadSession d = ps == null
                    ? conn.tunnel().createDownloadSession(config.project, config.table)
                    : conn.tunnel().createDownloadSession(config.project, config.table, ps);
            return new Source(text, ps, d.getId(), d.getRecordCount());
        } catch (Exception e) {
            throw conn.fail(OdpsReaderErrorCode.DOWNLOAD_FAILED, "cannot create a download session for "
                    + config.project + "." + config.table + (text.isEmpty() ? "" : " partition " + text), e);
        }
    }

    /** The partition of a split's configuration (empty for an unpartitioned table). */
    public static PartitionSpec spec(Configuration split) {
        PartitionSpec ps = new PartitionSpec();
        List<String> keys = split.getList(KEY_SPEC_KEYS, String.class);
        List<String> values = split.getList(KEY_SPEC_VALUES, String.class);
        if (keys != null) {
            for (int i = 0; i < keys.size(); i++) {
                ps.set(keys.get(i), values.get(i));
            }
        }
        return ps;
    }

    private static List<String> names(List<Column> cols) {
        List<String> out = new ArrayList<>();
        for (Column c : cols) {
            out.add(c.getName());
        }
        return out;
    }

    private static List<String> lower(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n.toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
