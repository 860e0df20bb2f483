package io.chpack.clickhousewriter.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.ClickHouseWriterConfig;
import io.chpack.clickhousewriter.WriteMode;
import io.chpack.clickhousewriter.WriterErrorCode;
import io.chpack.clickhousewriter.block.BlockNaming;
import io.chpack.clickhousewriter.block.BlockSink;
import io.chpack.clickhousewriter.block.InsertTarget;
import io.chpack.clickhousewriter.block.RetryPolicy;
import io.chpack.clickhousewriter.block.TableBlockSink;
import io.chpack.clickhousewriter.block.WriteStats;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseRequestException;
import io.chpack.clickhousewriter.client.ClickHouseUrl;
import io.chpack.clickhousewriter.meta.Identifiers;
import io.chpack.clickhousewriter.meta.MetadataReader;
import io.chpack.clickhousewriter.meta.TableMetadata;
import io.chpack.clickhousewriter.sharding.ServerDialect;
import io.chpack.clickhousewriter.sharding.ShardRouter;
import io.chpack.clickhousewriter.sharding.ShardingColumn;
import io.chpack.clickhousewriter.staging.StagingLandingCheck;
import io.chpack.clickhousewriter.staging.StagingTables;
import io.chpack.common.chtype.ClickHouseType;

/**
 * Builds a task's sink for a cluster plan: one sink per shard behind a {@link ShardedBlockSink}.
 * <ul>
 * <li>insert/dedup, internal replication: one {@link TableBlockSink} over all of the shard's replicas, starting at
 * replica (task mod n) so tasks spread over replicas, moving to the next replica after a network failure and
 * resending the identical block (a Replicated table drops it if the dead replica had committed it);</li>
 * <li>insert/dedup, internal_replication=false on a non-replicated table: {@link FanOutSink} to every replica;</li>
 * <li>staging: the task's staging table on the shard's first endpoint (where Job.prepare created the job's
 * staging table and where Job.post commits), no failover: staging tables are local to that server.</li>
 * </ul>
 */
public final class ClusterSinks {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSinks.class);

    private ClusterSinks() {
    }

    /** What the task resolved that the sinks need. */
    public static final class TaskContext {
        public int taskIndex;
        public String jobId;
        /** null: no dedup tokens. */
        public String dedupKey;
        /** The configured table name (names blocks in tokens and logs). */
        public String table;
        public String serverVersion;
        public List<String> columns;
        public List<ClickHouseType> types;
        public Map<String, String> insertSettings;
    }

    public static BlockSink open(ClusterPlan plan, ClickHouseWriterConfig config, TaskContext t, WriteStats stats) {
        List<ShardingColumn> cols = new ArrayList<ShardingColumn>();
        for (int i = 0; i < t.columns.size(); i++) {
            cols.add(new ShardingColumn(t.columns.get(i), t.types.get(i)));
        }
        ShardRouter router = ShardRouter.create(plan.shardingKey, cols, plan.weights,
                ServerDialect.forVersion(t.serverVersion));
        long seed = (t.table.hashCode() * 31L + t.taskIndex) * 1_000_003L;
        RowRouter rows = new RowRouter(router, t.types, seed);
        List<String> quotedColumns = new ArrayList<String>();
        for (String c : t.columns) {
            quotedColumns.add(Identifiers.quote(c));
        }
        BlockNaming naming = new BlockNaming(t.jobId, t.dedupKey, t.table, t.taskIndex);
        List<BlockSink> shards = new ArrayList<BlockSink>();
        try {
            for (int s = 0; s < plan.shardCount(); s++) {
                if (plan.endpoints.get(s).isEmpty() || plan.endpoints.get(s).get(0).isEmpty()) {
                    shards.add(null); // weight 0 and unreachable: the router never picks it
                    continue;
                }
                shards.add(shardSink(plan, s, config, t, quotedColumns, naming, stats));
            }
        } catch (RuntimeException e) {
            for (BlockSink b : shards) {
                if (b != null) {
                    b.close();
                }
            }
            throw e;
        }
        LOG.info("task {}: {}", t.taskIndex, plan);
        return new ShardedBlockSink(rows, shards);
    }

    private static BlockSink shardSink(ClusterPlan plan, int s, ClickHouseWriterConfig config, TaskContext t,
            List<String> quotedColumns, BlockNaming naming, WriteStats stats) {
        if (config.mode == WriteMode.STAGING) {
            ClickHouseConnection c = new ClickHouseConnection(config.connectionSettings(), plan.stagingHost(s));
            TableMetadata local = MetadataReader.table(c, plan.localDatabase, plan.localTable);
            StagingTables staging = new StagingTables(local, t.jobId);
            String stage = staging.taskStage(t.taskIndex);
            try {
                staging.create(c, stage); // afresh: a rerun of this task starts from nothing
            } catch (ClickHouseRequestException e) {
                c.close();
                throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "cannot create the staging table "
                        + stage + " on " + c.endpoint() + " (shard " + (s + 1) + "): " + e.getMessage(), e);
            }
            List<ClickHouseConnection> one = new ArrayList<ClickHouseConnection>();
            one.add(c);
            return new TableBlockSink(one, 0, target(plan.localDatabase, stage, quotedColumns, t), naming,
                    policy(config), new StagingLandingCheck(staging, stage, c), stats, Thread::sleep);
        }
        List<ClickHouseUrl.HostPort> hosts = plan.hosts(s);
        InsertTarget target = target(plan.localDatabase, plan.localTable, quotedColumns, t);
        if (plan.fanOut) {
            List<BlockSink> replicas = new ArrayList<BlockSink>();
            for (int r = 0; r < hosts.size(); r++) {
                List<ClickHouseConnection> one = new ArrayList<ClickHouseConnection>();
                one.add(new ClickHouseConnection(config.connectionSettings(), hosts.get(r)));
                // Rows are counted once (on the first replica); the others keep their own counters.
                replicas.add(new TableBlockSink(one, 0, target, naming, policy(config), null,
                        r == 0 ? stats : new WriteStats(), Thread::sleep));
            }
            return new FanOutSink(replicas);
        }
        List<ClickHouseConnection> conns = new ArrayList<ClickHouseConnection>();
        for (ClickHouseUrl.HostPort h : hosts) {
            conns.add(new ClickHouseConnection(config.connectionSettings(), h));
        }
        return new TableBlockSink(conns, t.taskIndex, target, naming, policy(config), null, stats, Thread::sleep);
    }

    private static InsertTarget target(String db, String table, List<String> quotedColumns, TaskContext t) {
        return new InsertTarget(Identifiers.quote(db, table), quotedColumns, t.insertSettings);
    }

    private static RetryPolicy policy(ClickHouseWriterConfig config) {
        return new RetryPolicy(config.maxRetries, config.retryBackoffMs, config.maxRetryBackoffMs, new Random());
    }
}
