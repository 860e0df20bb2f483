package io.chpack.clickhousewriter;

import java.util.ArrayList;
import java.util.List;

import com.alibaba.datax.common.util.Configuration;

/**
 * What the job resolved at prepare time and hands to each task inside its configuration (under
 * {@code parameter.__chpack}), so tasks write exactly what the job validated and need not re-decide it.
 */
final class TaskSpec {
    static final String ROOT = "__chpack";

    int taskIndex;
    int taskCount;
    String table;
    List<String> columns = new ArrayList<String>();
    List<String> types = new ArrayList<String>();
    String serverZone;
    String serverVersion;
    String partitionKey;
    String jobId;
    /** Non-null when insert_deduplication_token is sent. */
    String dedupKey;
    /** Index into the URL's host list of the host the job prepared against. */
    int host;
    /** Staging: the job's staging table name (tasks derive theirs). */
    String jobStage;
    /** Server-side limit of partitions per INSERT (0 = none known). */
    int serverPartitionLimit;

    void writeTo(Configuration c) {
        c.set(ROOT + ".taskIndex", taskIndex);
        c.set(ROOT + ".taskCount", taskCount);
        c.set(ROOT + ".table", table);
        c.set(ROOT + ".columns", columns);
        c.set(ROOT + ".types", types);
        c.set(ROOT + ".serverZone", serverZone);
        c.set(ROOT + ".serverVersion", serverVersion);
        c.set(ROOT + ".partitionKey", partitionKey);
        c.set(ROOT + ".jobId", jobId);
        if (dedupKey != null) {
            c.set(ROOT + ".dedupKey", dedupKey);
        }
        c.set(ROOT + ".host", host);
        if (jobStage != null) {
            c.set(ROOT + ".jobStage", jobStage);
        }
        c.set(ROOT + ".serverPartitionLimit", serverPartitionLimit);
    }

    static TaskSpec readFrom(Configuration c) {
        if (c.get(ROOT) == null) {
            throw ClickHouseWriterConfig.error(ROOT + " is missing: the task configuration was not made by this "
                    + "writer's Job.split");
        }
        TaskSpec s = new TaskSpec();
        s.taskIndex = c.getInt(ROOT + ".taskIndex");
        s.taskCount = c.getInt(ROOT + ".taskCount");
        s.table = c.getString(ROOT + ".table");
        s.columns = c.getList(ROOT + ".columns", String.class);
        s.types = c.getList(ROOT + ".types", String.class);
        s.serverZone = c.getString(ROOT + ".serverZone");
        s.serverVersion = c.getString(ROOT + ".serverVersion");
        s.partitionKey = c.getString(ROOT + ".partitionKey", "");
        s.jobId = c.getString(ROOT + ".jobId");
        s.dedupKey = c.getString(ROOT + ".dedupKey");
        s.host = c.getInt(ROOT + ".host", 0);
        s.jobStage = c.getString(ROOT + ".jobStage");
        s.serverPartitionLimit = c.getInt(ROOT + ".serverPartitionLimit", 0);
        return s;
    }
}
