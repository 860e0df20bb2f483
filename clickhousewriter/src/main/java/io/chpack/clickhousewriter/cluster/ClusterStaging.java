package io.chpack.clickhousewriter.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.StagingMode;
import io.chpack.clickhousewriter.WriterErrorCode;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.client.ClickHouseRequestException;
import io.chpack.clickhousewriter.client.ConnectionSettings;
import io.chpack.clickhousewriter.staging.StagingTables;

/**
 * Staging on a cluster, job side. Each shard stages on one server (the first endpoint of the shard in the plan):
 * the job's and the tasks' staging tables are plain local tables there. {@link #commit} moves the partitions shard
 * by shard with {@code ATTACH/REPLACE PARTITION … FROM} into that server's local table; a Replicated local table
 * replicates the attached parts to the shard's other replicas (checked on 18.16: the other replica has the rows
 * after {@code SYSTEM SYNC REPLICA}). Atomic per partition and shard, not across shards: a commit that fails at
 * shard k leaves shards before k committed.
 */
public final class ClusterStaging {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterStaging.class);

    private ClusterStaging() {
    }

    /** Drops stale staging tables and leftovers of this job id, then creates the job's staging table per shard. */
    public static void prepare(ClusterTarget target, ConnectionSettings cs, String jobId, long staleMinutes,
            boolean explicitJobId) {
        ClusterPlan plan = target.plan();
        StagingTables s = new StagingTables(target.local, jobId);
        for (int i = 0; i < plan.shardCount(); i++) {
            if (plan.endpoints.get(i).isEmpty()) {
                continue;
            }
            try (ClickHouseConnection c = new ClickHouseConnection(cs, plan.stagingHost(i))) {
                StagingTables.dropStale(c, target.local, staleMinutes, explicitJobId ? null : s.jobStage());
                for (String leftover : s.ofThisJob(c)) {
                    s.drop(c, leftover);
                }
                s.create(c, s.jobStage());
                LOG.info("staging table {}.{} created on {} for shard {}", target.local.database, s.jobStage(),
                        c.endpoint(), i + 1);
            } catch (ClickHouseRequestException e) {
                throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "cannot create staging table "
                        + s.jobStage() + " on shard " + (i + 1) + " (" + plan.stagingHost(i) + ") for "
                        + target.local.database + "." + target.local.table + ": " + e.getMessage(), e);
            }
        }
    }

    /** Moves every shard's staged partitions into its local table; returns the partitions moved in total. */
    public static int commit(ClusterTarget target, ConnectionSettings cs, String jobId, StagingMode mode) {
        ClusterPlan plan = target.plan();
        StagingTables s = new StagingTables(target.local, jobId);
        int moved = 0;
        for (int i = 0; i < plan.shardCount(); i++) {
            if (plan.endpoints.get(i).isEmpty()) {
                continue;
            }
            try (ClickHouseConnection c = new ClickHouseConnection(cs, plan.stagingHost(i))) {
                int n = s.commit(c, mode);
                LOG.info("staging commit of {}.{} on shard {} ({}): {} partition(s) {}", target.local.database,
                        target.local.table, i + 1, c.endpoint(), n, mode == StagingMode.OVERWRITE ? "replaced"
                                : "attached");
                moved += n;
            } catch (ClickHouseRequestException e) {
                throw DataXException.asDataXException(WriterErrorCode.SQL_ERROR, "moving staged partitions into "
                        + target.local.database + "." + target.local.table + " on shard " + (i + 1) + " ("
                        + plan.stagingHost(i) + ") failed: " + e.getMessage() + " (shards before " + (i + 1)
                        + " and partitions already moved stay committed; the rest is dropped with the staging "
                        + "tables)", e);
            }
        }
        return moved;
    }

    /** Drops this job's staging tables on every shard (a job that did not commit). */
    public static void cleanup(ClusterTarget target, ConnectionSettings cs, String jobId) {
        ClusterPlan plan = target.plan();
        if (plan == null) {
            return;
        }
        StagingTables s = new StagingTables(target.local, jobId);
        for (int i = 0; i < plan.shardCount(); i++) {
            if (plan.endpoints.get(i).isEmpty()) {
                continue;
            }
            try (ClickHouseConnection c = new ClickHouseConnection(cs, plan.stagingHost(i))) {
                for (String name : s.ofThisJob(c)) {
                    LOG.warn("job did not commit: dropping staging table {}.{} on shard {}; the target is untouched",
                            target.local.database, name, i + 1);
                    s.drop(c, name);
                }
            } catch (RuntimeException e) {
                LOG.warn("could not drop staging tables of job {} on shard {} (the next run drops them once they are "
                        + "older than parameter.stagingStaleMinutes): {}", jobId, i + 1, e.toString());
            }
        }
    }
}
