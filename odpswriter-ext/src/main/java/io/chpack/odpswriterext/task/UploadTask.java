package io.chpack.odpswriterext.task;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.util.Configuration;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.data.RecordPack;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.io.CompressOption;

import io.chpack.odpswriterext.OdpsWriterErrorCode;
import io.chpack.odpswriterext.codec.DirtyValueException;
import io.chpack.odpswriterext.codec.RecordConverter;
import io.chpack.odpswriterext.codec.ValueConverter;
import io.chpack.odpswriterext.config.OdpsWriterConfig;
import io.chpack.odpswriterext.conn.OdpsConnection;
import io.chpack.odpswriterext.plan.BlockIds;
import io.chpack.odpswriterext.plan.SessionRegistry;
import io.chpack.odpswriterext.plan.TableLayout;
import io.chpack.odpswriterext.plan.WritePlanner;

/**
 * One writer task: converts records, appends them to an in-memory, encoded (and compressed) block per target
 * partition, and uploads a block when it reaches {@code blockSizeInMB} under the next id of the task's own range.
 * The SDK re-sends a failed block from the same bytes under the same id (the service replaces it). Nothing is
 * committed here: Job.post commits the sessions. Memory: the open blocks of one task hold at most about
 * {@code blockSizeInMB} in total (the biggest is uploaded when the sum passes it) and at most
 * {@code maxOpenPartitions} partitions are open at once (the least recently used is uploaded and closed).
 */
public final class UploadTask {
    private static final Logger LOG = LoggerFactory.getLogger(UploadTask.class);

    private final OdpsWriterConfig config;
    private final OdpsConnection conn;
    private final TaskPluginCollector collector;
    private final int taskIndex;
    private final int taskCount;
    private final String jobKey;
    private final TableLayout layout;
    private final RecordConverter converter;
    private final CompressOption compress;
    private final long blockBytes;
    private final SessionRegistry.JobSessions jobSessions; // dynamic only
    private final TableTunnel.UploadSession staticSession; // static only

    /** Open blocks by partition spec, least recently used first. */
    private final LinkedHashMap<String, OpenBlock> open = new LinkedHashMap<>(16, 0.75f, true);
    /** Block ids per partition spec (kept after a partition is closed: a later row reuses the range). */
    private final Map<String, BlockIds> ids = new HashMap<>();
    private long openBytes;
    private long rows;
    private long blocks;
    private long dirty;

    private static final class OpenBlock {
        final String spec;
        final TableTunnel.UploadSession session;
        RecordPack pack;
        /** Reused for every row: the pack encodes a row when it is appended. */
        com.aliyun.odps.data.Record record;
        long bytes;
        long rows;

        OpenBlock(String spec, TableTunnel.UploadSession session) {
            this.spec = spec;
            this.session = session;
        }
    }

    public UploadTask(Configuration taskConf, TaskPluginCollector collector) {
        this.config = OdpsWriterConfig.from(taskConf);
        this.conn = new OdpsConnection(config);
        this.collector = collector;
        this.taskIndex = taskConf.getInt(WritePlanner.KEY_TASK_INDEX);
        this.taskCount = taskConf.getInt(WritePlanner.KEY_TASK_COUNT);
        this.jobKey = taskConf.getString(WritePlanner.KEY_JOB);
        ZoneId zone = ZoneId.of(taskConf.getString(WritePlanner.KEY_ZONE, "UTC"));
        String uploadId = taskConf.getString(WritePlanner.KEY_UPLOAD_ID);
        this.layout = TableLayout.of(config, WritePlanner.tableSchema(conn, config));
        if (layout.dynamic) {
            jobSessions = SessionRegistry.find(jobKey);
            if (jobSessions == null) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, "dynamic partitions need the "
                        + "writer tasks in the job's process (DataX standalone mode, or bin/chpack); this task cannot "
                        + "reach job " + jobKey);
            }
            staticSession = null;
        } else {
            jobSessions = null;
            if (uploadId == null) {
                throw DataXException.asDataXException(OdpsWriterErrorCode.CONFIG_ERROR, "the task configuration has no "
                        + "upload session id: the table's partitioning changed between Job.prepare and the task?");
            }
            try {
                staticSession = layout.partitioned()
                        ? conn.tunnel().getUploadSession(config.project, config.table,
                                WritePlanner.partitionSpec(layout, layout.staticValues), uploadId)
                        : conn.tunnel().getUploadSession(config.project, config.table, uploadId);
            } catch (Exception e) {
                throw conn.fail(OdpsWriterErrorCode.UPLOAD_FAILED, "cannot open upload session " + uploadId, e);
            }
        }
        this.converter = new RecordConverter(layout, new ValueConverter(config.emptyAsNull,
                8L * 1024 * 1024, zone), zone);
        this.compress = compressOption(config.compression);
        this.blockBytes = config.blockSizeInMB * 1024L * 1024L;
    }

    static CompressOption compressOption(OdpsWriterConfig.Compression c) {
        switch (c) {
            case DEFLATE:
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_ZLIB, 1, 0);
            case SNAPPY:
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_SNAPPY, 1, 0);
            case LZ4:
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_LZ4_FRAME, 1, 0);
            case ZSTD:
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_ZSTD, 1, 0);
            default:
                return new CompressOption(CompressOption.CompressAlgorithm.ODPS_RAW, 0, 0);
        }
    }

    public void run(RecordReceiver receiver) {
        Object[] data = new Object[converter.dataWidth()];
        String[] partition = new String[layout.partitionKeys.size()];
        String staticSpec = layout.dynamic ? null : layout.staticSpec();
        Record r;
        while ((r = receiver.getFromReader()) != null) {
            try {
                converter.convert(r, data, partition);
                OpenBlock b = block(staticSpec != null ? staticSpec : layout.spec(partition), partition);
                if (b.record == null) {
                    b.record = b.session.newRecord();
                }
                com.aliyun.odps.data.Record rec = b.record;
                try {
                    for (int i = 0; i < data.length; i++) {
                        rec.set(i, data[i]);
                    }
                } catch (IllegalArgumentException | ClassCastException e) {
                    throw new DirtyValueException("MaxCompute refuses the value: " + e.getMessage());
                }
                append(b, rec);
            } catch (DirtyValueException e) {
                dirty++;
                collector.collectDirtyRecord(r, e.getMessage());
            }
        }
        for (OpenBlock b : open.values()) {
            upload(b);
        }
        open.clear();
        if (jobSessions != null) {
            jobSessions.taskDone(taskIndex);
        }
        LOG.info("task {}/{}: {} rows in {} blocks, {} dirty records", taskIndex, taskCount, rows, blocks, dirty);
    }

    private OpenBlock block(String spec, String[] partition) {
        OpenBlock b = open.get(spec);
        if (b != null) {
            return b;
        }
        TableTunnel.UploadSession session;
        if (staticSession != null) {
            session = staticSession;
        } else {
            if (open.size() >= config.maxOpenPartitions) {
                Iterator<OpenBlock> it = open.values().iterator();
                OpenBlock eldest = it.next();
                upload(eldest);
                it.remove();
            }
            final String[] values = partition.clone();
            session = jobSessions.session(spec, s -> {
                PartitionSpec ps = WritePlanner.partitionSpec(layout, values);
                WritePlanner.addPartition(conn, config, ps);
                TableTunnel.UploadSession created = WritePlanner.createSession(conn, config, ps);
                LOG.info("upload session {} for partition {}{}", created.getId(), spec,
                        config.truncate ? " (overwrite at commit)" : "");
                return created;
            });
        }
        b = new OpenBlock(spec, session);
        open.put(spec, b);
        return b;
    }

    private void append(OpenBlock b, com.aliyun.odps.data.Record rec) {
        try {
            if (b.pack == null) {
                b.pack = b.session.newRecordPack(compress);
            }
            b.pack.append(rec);
            b.rows++;
            rows++;
            long now = ((com.aliyun.odps.tunnel.io.ProtobufRecordPack) b.pack).getTotalBytes();
            openBytes += now - b.bytes;
            b.bytes = now;
        } catch (java.io.IOException e) {
            throw conn.fail(OdpsWriterErrorCode.UPLOAD_FAILED, "cannot encode a row", e);
        }
        if (b.bytes >= blockBytes) {
            upload(b);
        } else if (openBytes >= blockBytes) {
            OpenBlock biggest = null;
            for (OpenBlock o : open.values()) {
                if (biggest == null || o.bytes > biggest.bytes) {
                    biggest = o;
                }
            }
            upload(biggest);
        }
    }

    /** Uploads the block's rows (if any) under the next id of this task's range for its session. */
    private void upload(OpenBlock b) {
        if (b.pack == null || b.rows == 0) {
            return;
        }
        BlockIds range = ids.computeIfAbsent(b.spec, s -> new BlockIds(taskIndex, taskCount));
        long id = range.next();
        if (id < 0) {
            throw DataXException.asDataXException(OdpsWriterErrorCode.UPLOAD_FAILED, "task " + taskIndex
                    + " used all " + range.size() + " block ids of its range for " + config.table
                    + (b.spec.isEmpty() ? "" : " partition " + b.spec) + " (20000 per session shared by " + taskCount
                    + " tasks): raise blockSizeInMB, lower maxOpenPartitions churn by sorting the source by the "
                    + "partition columns, or use fewer channels");
        }
        try {
            b.session.writeBlock(id, b.pack);
        } catch (Exception e) {
            throw conn.fail(OdpsWriterErrorCode.UPLOAD_FAILED, "block " + id + " of " + config.table
                    + (b.spec.isEmpty() ? "" : " partition " + b.spec) + " (" + b.rows + " rows) could not be uploaded "
                    + "after retries", e);
        }
        blocks++;
        openBytes -= b.bytes;
        b.bytes = 0;
        b.rows = 0;
        b.pack = null;
    }
}
