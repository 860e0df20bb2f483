package io.chpack.odpswriterext.plan;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.Table;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.tunnel.TableTunnel;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.mapping.ClickHouseToMaxCompute;
import io.chpack.common.mapping.MaxComputeColumnSpec;
import io.chpack.common.mapping.MaxComputeDdl;
import io.chpack.common.mapping.MaxComputeType;
import io.chpack.common.mapping.MaxComputeTypeKind;
import io.chpack.odpswriterext.OdpsWriterErrorCode;
import io.chpack.odpswriterext.config.OdpsWriterConfig;
import io.chpack.odpswriterext.conn.ClickHouseSchemaSource;
import io.chpack.odpswriterext.conn.OdpsConnection;

/**
 * Job side: preSql, the target table (created from the source's types when asked), the layout check, and for a
 * static target the job's one upload session (an overwrite session when {@code truncate}); then the task
 * configurations and, in Job.post, the commit of every session with the blocks the service holds.
 */
public final class WritePlanner {
    private static final Logger LOG = LoggerFactory.getLogger(WritePlanner.class);

    /** Keys the job adds to each task's configuration. */
    public static final String KEY_JOB = "__chpackJobKey";
    public static final String KEY_TASK_INDEX = "__chpackTaskIndex";
    public static final String KEY_TASK_COUNT = "__chpackTaskCount";
    public static final String KEY_UPLOAD_ID = "__chpackUploadId";
    public static final String KEY_ZONE = "__chpackZone";

    private final OdpsWriterConfig config;
    private final OdpsConnection conn;
    private final String peerName;
    private final Configuration peerConf;
    private TableLayout layout;
    private String uploadId;
    private ZoneId zone;
    private String jobKey;
    private SessionRegistry.JobSessions jobSessions;

    public WritePlanner(OdpsWriterConfig config, OdpsConnection conn, String peerName, Configuration peerConf) {
        this.config = config;
        this.conn = conn;
        this.peerName = peerName;
        this.peerConf = peerConf;
    }

    public void prepare() {
        for (String sql : config.preSql) {
            LOG.info("preSql: {}", sql);
            conn.sql(sql, MaxComputeDdl.REQUIRED_HINTS);
        }
        boolean exists;
        try {
            exists = conn.odps().tables().exists(config.project, config.table);
        } catch (Exception e) {
            throw conn.fail(OdpsWriterErrorCode.TABLE_ERROR, "cannot look up table " + config.project + "."
                    + config.table, e);
        }
        if (!exists) {
            if (!config.createTable) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.TABLE_ERROR, "table " + config.project + "."
                        + config.table + " does not exist; create it first, or set createTable: true to create it "
                        + "from the source's column types");
            }
            createTable(peerSource());
        }
        TableSchema schema = tableSchema(conn, config);
        layout = TableLayout.of(config, schema);
        ClickHouseSchemaSource source;
        if (config.timeZone != null) {
            zone = config.timeZone;
        } else if ((source = peerSource()) != null) {
            try {
                zone = ZoneId.of(source.timeZone());
            } catch (DataXException | java.time.DateTimeException e) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, "timeZone is not set and the "
                        + "ClickHouse server's zone could not be read (" + e.getMessage() + "); set timeZone");
            }
            LOG.info("timeZone: {} (the ClickHouse server's)", zone);
        } else {
            zone = ZoneOffset.UTC;
        }
        if (!layout.dynamic) {
            String spec = layout.staticSpec();
            PartitionSpec ps = null;
            if (layout.partitioned()) {
                ps = partitionSpec(layout, layout.staticValues);
                addPartition(conn, config, ps);
            }
            uploadId = createSession(conn, config, ps).getId();
            LOG.info("upload session {} for {}.{}{}{}", uploadId, config.project, config.table,
                    spec.isEmpty() ? "" : " partition " + spec, config.truncate ? " (overwrite at commit)" : "");
        } else {
            LOG.info("dynamic partitions of {}.{} from columns; sessions are opened by the tasks per partition value{}",
                    config.project, config.table, config.truncate ? " (each partition written is overwritten)" : "");
        }
    }

    /** The peer clickhousereader's ClickHouse, or null for any other reader. */
    private ClickHouseSchemaSource peerSource() {
        return "clickhousereader".equals(peerName) && peerConf != null
                ? ClickHouseSchemaSource.fromReaderConfig(peerConf) : null;
    }

    private void createTable(ClickHouseSchemaSource source) {
        if (source == null) {
            throw DataXException.asDataXException(OdpsWriterErrorCode.TABLE_ERROR, "createTable needs the source's "
                    + "column types, which this writer reads from a clickhousereader; the reader here is '" + peerName
                    + "': create " + config.project + "." + config.table + " yourself");
        }
        Map<String, ClickHouseType> src = source.columns();
        List<String> names = new ArrayList<>(src.keySet());
        List<String> targetNames = config.allColumns ? names : config.lowerCaseColumns();
        if (targetNames.size() != names.size()) {
            throw DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, "column lists "
                    + targetNames.size() + " names but the reader emits " + names.size() + " columns " + names);
        }
        List<MaxComputeColumnSpec> data = new ArrayList<>();
        List<MaxComputeColumnSpec> parts = new ArrayList<>();
        for (String k : config.partition.keySet()) {
            parts.add(new MaxComputeColumnSpec(k, MaxComputeType.of(MaxComputeTypeKind.STRING)));
        }
        ClickHouseToMaxCompute mapping = ClickHouseToMaxCompute.defaults();
        for (int i = 0; i < names.size(); i++) {
            String n = targetNames.get(i);
            if (config.partitionColumns.contains(n.toLowerCase(Locale.ROOT))) {
                parts.add(new MaxComputeColumnSpec(n, MaxComputeType.of(MaxComputeTypeKind.STRING)));
                continue;
            }
            try {
                data.add(new MaxComputeColumnSpec(n, mapping.map(src.get(names.get(i)))));
            } catch (IllegalArgumentException e) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.TABLE_ERROR, "column '" + n + "' ("
                        + src.get(names.get(i)) + "): " + e.getMessage());
            }
        }
        String ddl;
        try {
            ddl = MaxComputeDdl.createTable(config.project, config.table, data, parts, config.lifecycle);
        } catch (IllegalArgumentException e) {
            throw DataXException.asDataXException(OdpsWriterErrorCode.TABLE_ERROR, e.getMessage());
        }
        LOG.info("creating {}.{}: {}", config.project, config.table, ddl);
        conn.sql(ddl, MaxComputeDdl.REQUIRED_HINTS);
    }

    public static TableSchema tableSchema(OdpsConnection conn, OdpsWriterConfig config) {
        try {
            Table t = conn.odps().tables().get(config.project, config.table);
            t.reload();
            return t.getSchema();
        } catch (Exception e) {
            throw conn.fail(OdpsWriterErrorCode.TABLE_ERROR, "cannot read the schema of " + config.project + "."
                    + config.table, e);
        }
    }

    public static PartitionSpec partitionSpec(TableLayout layout, String[] values) {
        PartitionSpec ps = new PartitionSpec();
        for (int k = 0; k < layout.partitionKeys.size(); k++) {
            ps.set(layout.partitionKeys.get(k).getName(), values[k]);
        }
        return ps;
    }

    public static void addPartition(OdpsConnection conn, OdpsWriterConfig config, PartitionSpec ps) {
        try {
            Table t = conn.odps().tables().get(config.project, config.table);
            if (!t.hasPartition(ps)) {
                t.createPartition(ps, true);
            }
        } catch (Exception e) {
            throw conn.fail(OdpsWriterErrorCode.PARTITION_ERROR, "cannot create partition " + ps + " of "
                    + config.project + "." + config.table, e);
        }
    }

    /** A new upload session (overwrite when truncate); ps null for an unpartitioned table. */
    public static TableTunnel.UploadSession createSession(OdpsConnection conn, OdpsWriterConfig config,
            PartitionSpec ps) {
        try {
            return ps == null ? conn.tunnel().createUploadSession(config.project, config.table, config.truncate)
                    : conn.tunnel().createUploadSession(config.project, config.table, ps, config.truncate);
        } catch (Exception e) {
            throw conn.fail(OdpsWriterErrorCode.UPLOAD_FAILED, "cannot create an upload session for "
                    + config.project + "." + config.table + (ps == null ? "" : " partition " + ps), e);
        }
    }

    public List<Configuration> split(Configuration original, int n) {
        jobKey = UUID.randomUUID().toString();
        if (layout.dynamic) {
            jobSessions = SessionRegistry.register(jobKey, n);
        }
        if (n > BlockIds.MAX_BLOCKS) {
            throw DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, "at most " + BlockIds.MAX_BLOCKS
                    + " tasks can share an upload session, got " + n);
        }
        List<Configuration> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Configuration c = original.clone();
            c.set(KEY_JOB, jobKey);
            c.set(KEY_TASK_INDEX, i);
            c.set(KEY_TASK_COUNT, n);
            c.set(KEY_ZONE, zone.getId());
            if (uploadId != null) {
                c.set(KEY_UPLOAD_ID, uploadId);
            }
            out.add(c);
        }
        return out;
    }

    /** Commits every session with the blocks the service holds; a failure here fails the job. */
    public void commit() {
        Map<String, TableTunnel.UploadSession> sessions = new LinkedHashMap<>();
        if (!layout.dynamic) {
            PartitionSpec ps = layout.partitioned() ? partitionSpec(layout, layout.staticValues) : null;
            try {
                sessions.put(layout.staticSpec(), ps == null
                        ? conn.tunnel().getUploadSession(config.project, config.table, uploadId)
                        : conn.tunnel().getUploadSession(config.project, config.table, ps, uploadId));
            } catch (Exception e) {
                throw conn.fail(OdpsWriterErrorCode.COMMIT_FAILED, "cannot reopen upload session " + uploadId, e);
            }
        } else {
            List<Integer> missing = jobSessions.missingTasks();
            if (!missing.isEmpty()) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.COMMIT_FAILED, "tasks " + missing
                        + " did not report their dynamic-partition uploads to this job (they must run in the job's "
                        + "process, as in DataX standalone mode); nothing was committed");
            }
            for (Map.Entry<String, Object> e : jobSessions.sessions().entrySet()) {
                sessions.put(e.getKey(), (TableTunnel.UploadSession) e.getValue());
            }
        }
        List<String> committed = new ArrayList<>();
        for (Map.Entry<String, TableTunnel.UploadSession> e : sessions.entrySet()) {
            TableTunnel.UploadSession s = e.getValue();
            String what = config.project + "." + config.table + (e.getKey().isEmpty() ? "" : " partition " + e.getKey());
            try {
                Long[] blocks = s.getBlockList();
                s.commit(blocks);
                committed.add(e.getKey());
                LOG.info("committed {} ({} blocks, session {}{})", what, blocks.length, s.getId(),
                        config.truncate ? ", overwrite" : "");
            } catch (Exception ex) {
                String done = committed.isEmpty() ? "nothing was committed"
                        : "already committed before this failure: " + committed;
                throw conn.fail(OdpsWriterErrorCode.COMMIT_FAILED, "commit of " + what + " (session " + s.getId()
                        + ") failed; " + done, ex);
            }
        }
        for (String sql : config.postSql) {
            LOG.info("postSql: {}", sql);
            conn.sql(sql, MaxComputeDdl.REQUIRED_HINTS);
        }
    }

    public void destroy() {
        SessionRegistry.remove(jobKey);
    }

    public TableLayout layout() {
        return layout;
    }
}
