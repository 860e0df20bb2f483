package io.chpack.clickhousewriter;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.clickhousewriter.block.AsyncBlockSink;
import io.chpack.clickhousewriter.block.Block;
import io.chpack.clickhousewriter.block.BlockAssembler;
import io.chpack.clickhousewriter.block.BlockNaming;
import io.chpack.clickhousewriter.block.BlockSink;
import io.chpack.clickhousewriter.block.InsertTarget;
import io.chpack.clickhousewriter.block.LandingCheck;
import io.chpack.clickhousewriter.block.NativeLz4;
import io.chpack.clickhousewriter.block.PartitionKey;
import io.chpack.clickhousewriter.block.RetryPolicy;
import io.chpack.clickhousewriter.block.SourceBlockKey;
import io.chpack.clickhousewriter.block.TableBlockSink;
import io.chpack.clickhousewriter.block.WriteStats;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseRequestException;
import io.chpack.clickhousewriter.client.ClickHouseUrl;
import io.chpack.clickhousewriter.cluster.ClusterPlan;
import io.chpack.clickhousewriter.cluster.ClusterSinks;
import io.chpack.clickhousewriter.meta.Identifiers;
import io.chpack.clickhousewriter.meta.MetadataReader;
import io.chpack.clickhousewriter.meta.TableMetadata;
import io.chpack.clickhousewriter.staging.StagingLandingCheck;
import io.chpack.clickhousewriter.staging.StagingTables;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ColumnConversionException;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.ConversionOptionsReader;
import io.chpack.common.convert.RowEncoder;

/**
 * The task side: records → RowEncoder → one block buffer → one INSERT per block. A record that fails conversion
 * becomes a dirty record and the block goes on. Memory: one block (its bytes, plus 4 bytes per row of
 * offsets), whatever the size of the slice.
 */
final class ClickHouseWriterTask {
    private static final Logger LOG = LoggerFactory.getLogger(ClickHouseWriterTask.class);

    private final ClickHouseWriterConfig config;
    private final TaskSpec spec;
    /** Non-null when the table is written shard by shard (cluster mode). */
    private final ClusterPlan clusterPlan;
    private final WriteStats stats = new WriteStats();
    private BlockSink sink;
    private BlockAssembler assembler;
    private long nextBlock;
    /** dedup mode: blocks are also cut where the records' source block key changes (see SourceBlockKey). */
    private SourceBlockKey sourceKeys;

    ClickHouseWriterTask(Configuration taskConf) {
        this.config = ClickHouseWriterConfig.parse(taskConf);
        this.spec = TaskSpec.readFrom(taskConf);
        this.clusterPlan = ClusterPlan.readFrom(taskConf);
    }

    WriteStats stats() {
        return stats;
    }

    void prepare() {
        ZoneId serverZone = ZoneId.of(spec.serverZone);
        ConversionOptions options = new ConversionOptionsReader().read(config.parameter(), serverZone);
        List<ClickHouseType> types = new ArrayList<ClickHouseType>();
        for (String t : spec.types) {
            types.add(ClickHouseType.parse(t));
        }
        RowEncoder encoder = new RowEncoder(spec.columns, types, options);
        PartitionKey.Parsed pk = PartitionKey.parse(spec.partitionKey, spec.columns, types, options);
        int maxPartitions = config.maxPartitionsPerBlock;
        if (spec.serverPartitionLimit > 0) {
            maxPartitions = Math.min(maxPartitions, spec.serverPartitionLimit);
        }
        int maxRows = config.batchSize;
        if (!pk.known()) {
            // The partitions of a block are unknown: smaller blocks make the server's per-INSERT partition limit
            // less likely to bite and a split (on that error) cheaper.
            maxRows = Math.min(config.batchSize, Math.max(1024, config.batchSize / 4));
            if (spec.taskIndex == 0) {
                LOG.info("partition key '{}' of {} is not evaluated by the writer ({}); blocks of at most {} rows, "
                        + "split on the server's partition-limit error", spec.partitionKey, spec.table,
                        pk.unknownReason, maxRows);
            }
        }
        assembler = new BlockAssembler(encoder, pk.key, maxRows, config.batchByteSize, maxPartitions);
        if (config.mode == WriteMode.DEDUP) {
            sourceKeys = new SourceBlockKey();
        }
        if (config.compression && !config.dryRun) {
            NativeLz4.preload(); // before the connections are built: client-v2 picks its LZ4 compressor then
        }
        sink = config.dryRun ? new DiscardingSink(stats) : clusterPlan != null ? openClusterSink(types) : openSink();
        if (!config.dryRun) {
            // Encode the next block while this one is sent (one block in flight; see AsyncBlockSink).
            sink = AsyncBlockSink.wrap(sink, "clickhousewriter-send-" + spec.taskIndex);
        }
    }

    private BlockSink openSink() {
        List<ClickHouseUrl.HostPort> hosts = config.url.hosts();
        List<ClickHouseConnection> connections = new ArrayList<ClickHouseConnection>();
        String table = spec.table;
        LandingCheck check = null;
        int first;
        if (config.mode == WriteMode.STAGING) {
            // Staging tables are local to the host the job prepared them on: no failover to other hosts.
            ClickHouseConnection c = new ClickHouseConnection(config.connectionSettings(), hosts.get(spec.host));
            connections.add(c);
            first = 0;
            TableMetadata target = MetadataReader.table(c, config.url.database(), spec.table);
            StagingTables staging = new StagingTables(target, spec.jobId);
            table = staging.taskStage(spec.taskIndex);
            try {
                staging.create(c, table); // afresh: a rerun of this task (failover) starts from nothing
            } catch (ClickHouseRequestException e) {
                throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "cannot create the staging table "
                        + table + ": " + e.getMessage(), e);
            }
            check = new StagingLandingCheck(staging, table, c);
        } else {
            for (ClickHouseUrl.HostPort h : hosts) {
                connections.add(new ClickHouseConnection(config.connectionSettings(), h));
            }
            first = spec.host + spec.taskIndex; // spread tasks over the URL's hosts
        }
        List<String> quotedColumns = new ArrayList<String>();
        for (String c : spec.columns) {
            quotedColumns.add(Identifiers.quote(c));
        }
        InsertTarget target = new InsertTarget(Identifiers.quote(config.url.database(), table), quotedColumns,
                insertSettings());
        BlockNaming naming = new BlockNaming(spec.jobId, spec.dedupKey, spec.table, spec.taskIndex);
        RetryPolicy policy = new RetryPolicy(config.maxRetries, config.retryBackoffMs, config.maxRetryBackoffMs,
                new Random());
        return new TableBlockSink(connections, first, target, naming, policy, check, stats, Thread::sleep);
    }

    private BlockSink openClusterSink(List<ClickHouseType> types) {
        ClusterSinks.TaskContext t = new ClusterSinks.TaskContext();
        t.taskIndex = spec.taskIndex;
        t.jobId = spec.jobId;
        t.dedupKey = spec.dedupKey;
        t.table = spec.table;
        t.serverVersion = spec.serverVersion;
        t.columns = spec.columns;
        t.types = types;
        t.insertSettings = insertSettings();
        return ClusterSinks.open(clusterPlan, config, t, stats);
    }

    private Map<String, String> insertSettings() {
        Map<String, String> s = new LinkedHashMap<String, String>(config.settings);
        if (config.insertQuorum > 0 && !s.containsKey("insert_quorum")) {
            s.put("insert_quorum", Integer.toString(config.insertQuorum));
        }
        if (config.batchSize > 1_048_576 && !s.containsKey("max_insert_block_size")) {
            // Keep one of our blocks one server block (one part per partition), as dedup and the landing check assume.
            s.put("max_insert_block_size", Integer.toString(config.batchSize));
        }
        return s;
    }

    void write(RecordReceiver receiver, TaskPluginCollector collector) {
        long started = System.nanoTime();
        Record r;
        boolean checkedWidth = false;
        try {
            while ((r = receiver.getFromReader()) != null) {
                if (!checkedWidth) {
                    if (r.getColumnNumber() != spec.columns.size()) {
                        throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "the reader sends records "
                                + "of " + r.getColumnNumber() + " columns but the writer writes " + spec.columns.size()
                                + " columns " + spec.columns + " (parameter.column); they must match one to one");
                    }
                    checkedWidth = true;
                }
                if (sourceKeys != null) {
                    String key = SourceBlockKey.of(r);
                    if (sourceKeys.changes(key)) {
                        flush();
                        sourceKeys.start(key);
                    }
                }
                String partition;
                try {
                    partition = assembler.partitionOf(r);
                    if (assembler.mustCutBefore(partition)) {
                        flush();
                    }
                    assembler.append(r, partition);
                } catch (ColumnConversionException e) {
                    stats.dirtyRows++;
                    collector.collectDirtyRecord(r, e);
                    continue;
                }
                if (assembler.full()) {
                    flush();
                }
            }
            flush();
            sink.flush(); // the last block is sent (or its failure thrown) before the task reports success
        } catch (IOException e) {
            throw DataXException.asDataXException(WriterErrorCode.WRITE_FATAL, "encoding failed: " + e, e);
        }
        double secs = (System.nanoTime() - started) / 1e9;
        LOG.info("clickhousewriter task {} → {}: {} in {} s", spec.taskIndex, spec.table, stats,
                String.format("%.1f", secs));
        collector.collectMessage("clickhousewriter.task", "task " + spec.taskIndex + " " + stats);
    }

    private void flush() throws IOException {
        Block b = assembler.finish(nextBlock, sourceKeys == null ? null : sourceKeys.label());
        if (b != null) {
            sink.write(b);
            nextBlock++;
            if (sourceKeys != null) {
                sourceKeys.blockWritten();
            }
        }
        assembler.reset();
    }

    void destroy() {
        if (sink != null) {
            sink.close();
        }
    }

    /** dryRun: counts what would have been sent. */
    private static final class DiscardingSink implements BlockSink {
        private final WriteStats stats;

        DiscardingSink(WriteStats stats) {
            this.stats = stats;
        }

        @Override
        public void write(Block block) {
            stats.rows += block.rows;
            stats.bytes += block.length;
            stats.blocks++;
        }

        @Override
        public void close() {
        }
    }
}
