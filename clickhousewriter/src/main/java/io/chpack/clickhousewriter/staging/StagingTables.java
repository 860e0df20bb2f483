package io.chpack.clickhousewriter.staging;

import static io.chpack.clickhousewriter.meta.Identifiers.literal;
import static io.chpack.clickhousewriter.meta.Identifiers.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chpack.clickhousewriter.StagingMode;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.clickhousewriter.meta.TableMetadata;

/**
 * Staging tables of one job and one target: {@code __chpack_stage_<target>_<jobId>} (the job's) and
 * {@code ..._t<task>} (one per task, so a task rerun can start its own afresh and a resend after a crash can be
 * checked by counting rows). They have the target's structure, partition key and sorting key: what
 * {@code ATTACH/REPLACE PARTITION ... FROM} requires. A Replicated target gets a plain MergeTree-family staging
 * table (same engine without "Replicated" and without the ZooKeeper path and replica arguments): a copy of the
 * Replicated engine would claim the target's ZooKeeper path; ClickHouse 18.16 attaches partitions from a plain
 * MergeTree into a ReplicatedMergeTree (checked).
 */
public final class StagingTables {
    private static final Logger LOG = LoggerFactory.getLogger(StagingTables.class);
    public static final String PREFIX = "__chpack_stage_";
    private static final Pattern REPLICATED_ARGS = Pattern.compile(
            "^Replicated(\\w*MergeTree)\\(\\s*'(?:[^'\\\\]|\\\\.)*'\\s*,\\s*'(?:[^'\\\\]|\\\\.)*'\\s*(?:,\\s*)?");

    private final TableMetadata target;
    private final String jobStage;

    public StagingTables(TableMetadata target, String jobId) {
        this.target = target;
        this.jobStage = PREFIX + target.table + "_" + jobId;
    }

    /** Staging names of a target, for cleanup: everything starting with this. */
    public static String prefixOf(String table) {
        return PREFIX + table + "_";
    }

    public String jobStage() {
        return jobStage;
    }

    public String taskStage(int task) {
        return jobStage + "_t" + task;
    }

    public String quoted(String name) {
        return quote(target.database, name);
    }

    /** The engine clause of a staging table, or null to copy the target's engine ({@code CREATE TABLE AS}). */
    static String stagingEngine(TableMetadata t) {
        if (!t.isReplicated()) {
            return null;
        }
        Matcher m = REPLICATED_ARGS.matcher(t.engineFull);
        if (!m.find()) {
            throw new IllegalArgumentException("cannot derive a staging engine from '" + t.engineFull + "'");
        }
        String rest = t.engineFull.substring(m.end());
        return m.group(1) + "(" + rest;
    }

    public void create(ClickHouseConnection c, String name) {
        String engine = stagingEngine(target);
        c.execute("DROP TABLE IF EXISTS " + quoted(name));
        c.execute("CREATE TABLE " + quoted(name) + " AS " + target.quotedName()
                + (engine == null ? "" : " ENGINE = " + engine));
    }

    public void drop(ClickHouseConnection c, String name) {
        c.execute("DROP TABLE IF EXISTS " + quoted(name));
    }

    /** Staging tables of this job (the job's and every task's). */
    public List<String> ofThisJob(ClickHouseConnection c) {
        List<String> out = new ArrayList<String>();
        for (String[] r : c.query("SELECT name FROM system.tables WHERE database = " + literal(target.database))) {
            if (r[0].equals(jobStage) || r[0].startsWith(jobStage + "_t")) {
                out.add(r[0]);
            }
        }
        return out;
    }

    /**
     * Drops staging tables of earlier runs into the same target whose metadata is older than
     * {@code staleMinutes} (a killed run never reached its destroy); younger ones may belong to a job running
     * right now and are left alone.
     */
    public static int dropStale(ClickHouseConnection c, TableMetadata target, long staleMinutes, String keep) {
        String prefix = prefixOf(target.table);
        int dropped = 0;
        for (String[] r : c.query("SELECT name, toUInt32(now()) - toUInt32(metadata_modification_time) FROM "
                + "system.tables WHERE database = " + literal(target.database))) {
            String name = r[0];
            if (!name.startsWith(prefix) || (keep != null && name.startsWith(keep))) {
                continue;
            }
            long ageSeconds = Long.parseLong(r[1]);
            if (ageSeconds >= staleMinutes * 60) {
                LOG.warn("dropping stale staging table {}.{} ({} minutes old, left by a run that did not finish)",
                        target.database, name, ageSeconds / 60);
                c.execute("DROP TABLE IF EXISTS " + quote(target.database, name));
                dropped++;
            }
        }
        return dropped;
    }

    /** Active partition ids of a table. */
    public List<String> partitions(ClickHouseConnection c, String name) {
        List<String> out = new ArrayList<String>();
        for (String[] r : c.query("SELECT DISTINCT partition_id FROM system.parts WHERE database = "
                + literal(target.database) + " AND table = " + literal(name) + " AND active ORDER BY partition_id")) {
            out.add(r[0]);
        }
        return out;
    }

    /** Rows in a staging table. */
    public long count(ClickHouseConnection c, String name) {
        return Long.parseLong(c.queryValue("SELECT count() FROM " + quoted(name)));
    }

    /**
     * Job.post: gathers every task's partitions into the job's staging table, then moves each partition into the
     * target in one statement (REPLACE for overwrite, ATTACH for append) and drops it from the staging table, so
     * a commit that stops half-way never moves a partition twice. Returns the number of partitions moved.
     */
    public int commit(ClickHouseConnection c, StagingMode mode) {
        for (String name : ofThisJob(c)) {
            if (name.equals(jobStage)) {
                continue;
            }
            for (String p : partitions(c, name)) {
                c.execute("ALTER TABLE " + quoted(jobStage) + " ATTACH PARTITION ID " + literal(p) + " FROM "
                        + quoted(name));
            }
            drop(c, name);
        }
        int moved = 0;
        for (String p : partitions(c, jobStage)) {
            String verb = mode == StagingMode.OVERWRITE ? "REPLACE" : "ATTACH";
            c.execute("ALTER TABLE " + target.quotedName() + " " + verb + " PARTITION ID " + literal(p) + " FROM "
                    + quoted(jobStage));
            c.execute("ALTER TABLE " + quoted(jobStage) + " DROP PARTITION ID " + literal(p));
            LOG.info("{} partition {} of {}.{} from {}", mode == StagingMode.OVERWRITE ? "replaced" : "attached", p,
                    target.database, target.table, jobStage);
            moved++;
        }
        drop(c, jobStage);
        return moved;
    }
}
