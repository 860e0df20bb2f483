package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.clickhousereader.ReaderErrorCode;
import io.chpack.clickhousereader.client.ClickHouseConnection;
import io.chpack.clickhousereader.client.ReadRequestException;
import io.chpack.clickhousereader.client.Sql;
import io.chpack.clickhousereader.config.ClickHouseReaderConfig;
import io.chpack.clickhousereader.config.ConfigErrors;
import io.chpack.clickhousereader.config.Keys;
import io.chpack.clickhousereader.config.SplitMode;
import io.chpack.common.chtype.ClickHouseType;

/**
 * Cuts one table (on one server or one shard) into splits, each a deterministic WHERE predicate; together
 * they cover every row exactly once.
 *
 * <ol>
 * <li>Partitions (MergeTree, splitMode auto/partition): active partitions and row counts from system.parts
 * are grouped by {@link PartitionGrouper}; a group reads {@code (partition_key) IN (values...)} (the values
 * are system.parts' {@code partition} literals, so the part pruning by the partition's min-max index applies;
 * 18.16 has the {@code _partition_id} virtual column, but filtering on it does not prune parts). One more split
 * reads {@code NOT ((partition_key) IN (all values))}: partitions created after planning, so no row is lost
 * to a concurrent insert into a new partition.</li>
 * <li>Ranges (splitMode auto/range): a group that asks for more than one range is cut on splitPk, else the
 * first sorting-key element, at boundaries from a sample of the key sorted by the server
 * ({@link RangeBoundaries}); predicates from {@link RangePredicates} (NULL keys in their own split).</li>
 * </ol>
 * Never LIMIT/OFFSET paging and never part names (parts merge away between planning and reading).
 */
public final class TablePlanner {
    private static final Logger LOG = LoggerFactory.getLogger(TablePlanner.class);
    static final String KEY_ALIAS = "__chpack_k";

    private final ClickHouseReaderConfig config;
    private final Map<String, String> settings;

    public TablePlanner(ClickHouseReaderConfig config) {
        this.config = config;
        this.settings = config.settings;
    }

    /**
     * @param conn a connection to the server (replica) holding the table
     * @param wanted splits wanted for this table (a hint)
     */
    public List<PlannedRange> plan(ClickHouseConnection conn, TableMeta meta, int wanted) {
        String name = meta.quotedName();
        SplitMode mode = config.splitMode;
        if (mode == SplitMode.NONE) {
            return Collections.singletonList(new PlannedRange("1", -1, name));
        }
        SplitKey key = mode.usesRanges() ? resolveKey(conn, meta) : null;
        List<PlannedRange> out = new ArrayList<PlannedRange>();
        String pk = meta.partitionExpression();
        if (meta.isMergeTree()) {
            List<PartitionGrouper.Partition> parts = partitions(conn, meta);
            long total = 0;
            for (PartitionGrouper.Partition p : parts) {
                total += p.rows;
            }
            if (mode.usesPartitions() && pk != null && parts.size() > 1) {
                List<PartitionGrouper.Group> groups = PartitionGrouper.group(parts, wanted, config.minSplitRows);
                if (groups.size() > 1) {
                    List<String> all = new ArrayList<String>();
                    for (PartitionGrouper.Group g : groups) {
                        String pred = "(" + pk + ") IN (" + join(g.literals) + ")";
                        String label = name + " partitions " + abbreviate(g.literals);
                        out.addAll(ranges(conn, meta, key, pred, label, g.rows, key == null ? 1 : g.ranges));
                        all.addAll(g.literals);
                    }
                    out.add(new PlannedRange("NOT ((" + pk + ") IN (" + join(all) + "))", 0,
                            name + " partitions created after planning"));
                    return out;
                }
            }
            return ranges(conn, meta, key, "1", name, total, rangesFor(total, wanted));
        }
        if (key == null) {
            return Collections.singletonList(new PlannedRange("1", -1, name));
        }
        long rows = count(conn, meta);
        return ranges(conn, meta, key, "1", name, rows, rangesFor(rows, wanted));
    }

    private int rangesFor(long rows, int wanted) {
        long byRows = Math.max(1, rows / Math.max(1, config.minSplitRows));
        return (int) Math.max(1, Math.min(wanted, byRows));
    }

    /** Cuts the rows matching {@code groupPred} into {@code n} key ranges (or keeps them whole). */
    private List<PlannedRange> ranges(ClickHouseConnection conn, TableMeta meta, SplitKey key, String groupPred,
            String label, long rows, int n) {
        if (key == null || n <= 1 || rows <= 1) {
            return Collections.singletonList(new PlannedRange(groupPred, rows, label));
        }
        List<String> sample = sample(conn, meta, key, groupPred, rows);
        List<String> bounds = RangeBoundaries.choose(sample, n);
        List<String> literals = new ArrayList<String>();
        for (String b : bounds) {
            literals.add(key.kind.literal(b, key.type));
        }
        List<String> preds = RangePredicates.build(key.expression, literals, key.nullable());
        List<PlannedRange> out = new ArrayList<PlannedRange>();
        for (int i = 0; i < preds.size(); i++) {
            String p = "1".equals(groupPred) ? preds.get(i) : "(" + groupPred + ") AND (" + preds.get(i) + ")";
            boolean nullSplit = key.nullable() && i == preds.size() - 1;
            String what = nullSplit ? " NULL " + key.expression : " range " + (i + 1) + "/" + (bounds.size() + 1)
                    + " of " + key.expression;
            out.add(new PlannedRange(p, nullSplit ? -1 : rows / (bounds.size() + 1), label + what));
        }
        LOG.info("{}: {} key ranges on {} from {} sampled values", label, bounds.size() + 1, key, sample.size());
        return out;
    }

    /** Sampled non-NULL key values of the group (and the user's where), sorted by the server. */
    List<String> sample(ClickHouseConnection conn, TableMeta meta, SplitKey key, String groupPred, long rows) {
        long step = Math.max(1, rows / config.sampleSize);
        StringBuilder where = new StringBuilder("(").append(groupPred).append(')');
        if (!config.where.isEmpty()) {
            where.append(" AND (").append(config.where).append(')');
        }
        where.append(" AND isNotNull(").append(KEY_ALIAS).append(')');
        String extra = key.kind.sampleFilter(KEY_ALIAS);
        if (extra != null) {
            where.append(" AND ").append(extra);
        }
        if (step > 1) {
            where.append(" AND rand64() % ").append(step).append(" = 0");
        }
        String sql = "SELECT " + key.kind.sampleText(KEY_ALIAS) + " FROM (SELECT " + key.expression + " AS "
                + KEY_ALIAS + " FROM " + meta.quotedName() + " WHERE " + where + " LIMIT "
                + (2L * config.sampleSize) + ") ORDER BY " + KEY_ALIAS;
        List<String[]> rowsOut;
        try {
            rowsOut = conn.query(sql, settings);
        } catch (ReadRequestException e) {
            throw DataXException.asDataXException(ReaderErrorCode.PLAN_FAILED, "sampling split key " + key
                    + " of " + meta.quotedName() + " failed: " + e.getMessage(), e);
        }
        List<String> values = new ArrayList<String>(rowsOut.size());
        for (String[] r : rowsOut) {
            values.add(r[0]);
        }
        return values;
    }

    /** splitPk (validated: it must evaluate on the table and have a rangeable type), else the sorting key. */
    SplitKey resolveKey(ClickHouseConnection conn, TableMeta meta) {
        if (config.splitPk != null) {
            ClickHouseType type = keyType(conn, meta, config.splitPk, true);
            KeyKind kind = KeyKind.of(type);
            if (kind == null) {
                throw ConfigErrors.error(Keys.SPLIT_PK, "'" + config.splitPk + "' has type " + type + " on "
                        + meta.quotedName() + ", which cannot be cut into ranges; use an integer, float, decimal, "
                        + "date, date-time, string or UUID column or expression");
            }
            return new SplitKey(config.splitPk, type, kind, "parameter.splitPk");
        }
        String first = meta.firstSortingKeyElement();
        if (first == null) {
            return null;
        }
        ClickHouseType type = keyType(conn, meta, first, false);
        KeyKind kind = type == null ? null : KeyKind.of(type);
        if (kind == null) {
            LOG.info("{}: sorting key element '{}' ({}) cannot be cut into ranges; splitting by partition only",
                    meta.quotedName(), first, type);
            return null;
        }
        return new SplitKey(first, type, kind, "sorting key");
    }

    private ClickHouseType keyType(ClickHouseConnection conn, TableMeta meta, String expr, boolean user) {
        try {
            ColumnProbe p = ColumnProbe.describe(conn, "SELECT " + expr + " FROM " + meta.quotedName(), settings);
            return ClickHouseType.parse(p.types.get(0));
        } catch (ReadRequestException e) {
            if (user) {
                throw ConfigErrors.error(Keys.SPLIT_PK, "'" + expr + "' is not a column or expression of "
                        + meta.quotedName() + ": " + e.getMessage());
            }
            throw e;
        } catch (IllegalArgumentException e) {
            if (user) {
                throw ConfigErrors.error(Keys.SPLIT_PK, "'" + expr + "': " + e.getMessage());
            }
            return null;
        }
    }

    private static List<PartitionGrouper.Partition> partitions(ClickHouseConnection conn, TableMeta meta) {
        List<String[]> rows = conn.query("SELECT partition, sum(rows) FROM system.parts WHERE active AND database = "
                + Sql.quote(meta.database) + " AND table = " + Sql.quote(meta.table)
                + " GROUP BY partition ORDER BY partition");
        List<PartitionGrouper.Partition> out = new ArrayList<PartitionGrouper.Partition>();
        for (String[] r : rows) {
            out.add(new PartitionGrouper.Partition(r[0], Long.parseLong(r[1])));
        }
        return out;
    }

    private long count(ClickHouseConnection conn, TableMeta meta) {
        String sql = "SELECT count() FROM " + meta.quotedName() + (config.where.isEmpty() ? "" : " WHERE " + config.where);
        List<String[]> rows = conn.query(sql, settings);
        return rows.isEmpty() ? 0 : Long.parseLong(rows.get(0)[0]);
    }

    private static String join(List<String> values) {
        StringBuilder b = new StringBuilder();
        for (String v : values) {
            b.append(b.length() == 0 ? "" : ", ").append(v);
        }
        return b.toString();
    }

    private static String abbreviate(List<String> literals) {
        if (literals.size() <= 3) {
            return literals.toString();
        }
        return "[" + literals.get(0) + " .. " + literals.get(literals.size() - 1) + "] (" + literals.size() + ")";
    }
}
