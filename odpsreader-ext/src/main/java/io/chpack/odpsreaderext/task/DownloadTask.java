package io.chpack.odpsreaderext.task;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.util.Configuration;
import com.aliyun.odps.Column;
import com.aliyun.odps.PartitionSpec;
import com.aliyun.odps.TableSchema;
import com.aliyun.odps.data.ArrayRecord;
import com.aliyun.odps.data.RecordReader;
import com.aliyun.odps.tunnel.TableTunnel;
import com.aliyun.odps.tunnel.io.CompressOption;

import io.chpack.odpsreaderext.OdpsReaderErrorCode;
import io.chpack.odpsreaderext.codec.ColumnConverter;
import io.chpack.odpsreaderext.config.OdpsReaderConfig;
import io.chpack.odpsreaderext.conn.OdpsConnection;
import io.chpack.odpsreaderext.plan.ColumnPlan;
import io.chpack.odpsreaderext.plan.SplitPlanner;

/**
 * One split: streams the record range {@code [start, start+count)} of the job's download session, only the data
 * columns the job asks for, converts each record and sends it on. A read that fails part way is reopened at the
 * first record not yet sent (the range is fixed, so nothing is sent twice), up to {@code maxRetryTime} times.
 */
public final class DownloadTask {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadTask.class);

    private final OdpsReaderConfig config;
    private final OdpsConnection conn;
    private final String spec;
    private final PartitionSpec partition;
    private final long start;
    private final long count;
    private final TableTunnel.DownloadSession session;
    private final ColumnPlan plan;
    private final List<Column> read;
    private final ColumnConverter converter;

    public DownloadTask(Configuration taskConf) {
        this.config = OdpsReaderConfig.from(taskConf);
        this.conn = new OdpsConnection(config);
        this.spec = taskConf.getString(SplitPlanner.KEY_SPEC, "");
        this.partition = SplitPlanner.spec(taskConf);
        this.start = taskConf.getLong(SplitPlanner.KEY_START);
        this.count = taskConf.getLong(SplitPlanner.KEY_COUNT);
        String id = taskConf.getString(SplitPlanner.KEY_DOWNLOAD_ID);
        try {
            session = spec.isEmpty() ? conn.tunnel().getDownloadSession(config.project, config.table, id)
                    : conn.tunnel().getDownloadSession(config.project, config.table, partition, id);
        } catch (Exception e) {
            throw conn.fail(OdpsReaderErrorCode.DOWNLOAD_FAILED, "cannot open download session " + id, e);
        }
        TableSchema schema = session.getSchema();
        // partition keys are not part of a download session's schema; the plan takes them from the table's
        TableSchema full = SplitPlanner.schema(conn, config);
        this.plan = ColumnPlan.of(config.columns, full, config.project + "." + config.table);
        this.read = new ArrayList<>();
        for (Column c : plan.read) {
            read.add(schema.getColumn(c.getName()));
        }
        this.converter = new ColumnConverter(config.timeZone, config.timestampAsText);
    }

    /** Opens a reader over {@code [start, start+count)} of the session. */
    interface Opener {
        RecordReader open(long start, long count) throws java.io.IOException, com.aliyun.odps.tunnel.TunnelException;
    }

    /** Receives each record read, in range order. */
    interface Sink {
        void accept(com.aliyun.odps.data.Record r);
    }

    public void run(RecordSender sender) {
        PartitionSpec ps = partition;
        CompressOption compress = config.compress
                ? new CompressOption(CompressOption.CompressAlgorithm.ODPS_ZLIB, 1, 0) : new CompressOption();
        long done = readRange(start, count, config.maxRetryTime, (s, n) -> session.openRecordReader(s, n, compress, read),
                r -> sender.sendToWriter(toDataX(sender, (ArrayRecord) r, ps)));
        sender.flush();
        LOG.info("split {}[{}, +{}): {} records", spec.isEmpty() ? config.table : spec, start, count, done);
    }

    /**
     * Reads the whole range, reopening it at the first record not yet delivered after a read or open failure (the
     * range is fixed, so no record is delivered twice or skipped), at most {@code maxRetries} times.
     */
    long readRange(long start, long count, int maxRetries, Opener opener, Sink sink) {
        long done = 0;
        int failures = 0;
        while (done < count) {
            try (RecordReader reader = opener.open(start + done, count - done)) {
                com.aliyun.odps.data.Record r;
                while ((r = reader.read()) != null) {
                    sink.accept(r);
                    done++;
                }
                if (done < count) {
                    throw new java.io.IOException("the range ended after " + done + " of " + count + " records");
                }
            } catch (java.io.IOException | com.aliyun.odps.tunnel.TunnelException e) {
                if (++failures > maxRetries) {
                    throw conn.fail(OdpsReaderErrorCode.DOWNLOAD_FAILED, "reading records " + (start + done) + ".."
                            + (start + count - 1) + " of " + config.table + (spec.isEmpty() ? "" : " partition " + spec)
                            + " failed" + (failures > 1 ? " after " + (failures - 1) + " retries" : ""), e);
                }
                LOG.warn("reading {} {} failed at record {} ({}); reopening the range", config.table, spec,
                        start + done, OdpsConnection.mask(config, OdpsConnection.describe(e)));
            }
        }
        return done;
    }

    private Record toDataX(RecordSender sender, ArrayRecord r, PartitionSpec ps) {
        Record out = sender.createRecord();
        for (ColumnPlan.Out o : plan.outputs) {
            switch (o.kind) {
                case DATA:
                    out.addColumn(converter.convert(r, o.readIndex, read.get(o.readIndex).getTypeInfo()));
                    break;
                case PARTITION:
                    out.addColumn(new StringColumn(partitionValue(ps, o.text)));
                    break;
                default:
                    out.addColumn(new StringColumn(o.text));
            }
        }
        return out;
    }

    private static String partitionValue(PartitionSpec ps, String key) {
        for (String k : ps.keys()) {
            if (k.equalsIgnoreCase(key)) {
                return ps.get(k);
            }
        }
        return null;
    }
}
