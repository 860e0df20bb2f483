package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Source schema → {@code CREATE TABLE IF NOT EXISTS} for ClickHouse. Column types come from
 * {@link MysqlTypeMapping}/{@link PostgresTypeMapping} (or are given directly), are rewritten by
 * {@link LegacyTypeFallback} for 18.16, and become {@code Nullable(T)} for nullable non-key columns.
 * ORDER BY is the primary key in key order; key columns are never Nullable (ClickHouse refuses Nullable
 * sorting keys by default). Arrays, Maps and Tuples cannot be Nullable in ClickHouse: a NULL there is
 * written as the empty value by the writer's null policy.
 */
public final class ClickHouseDdl {
    private ClickHouseDdl() {
    }

    /** Maps every source column with {@code mapping}; errors name the column. */
    public static List<ClickHouseColumnSpec> columnsFromMysql(List<SourceColumn> columns, MysqlTypeMapping mapping) {
        List<ClickHouseColumnSpec> out = new ArrayList<>(columns.size());
        for (SourceColumn c : columns) {
            out.add(ClickHouseColumnSpec.from(c, mapping.map(c.name(), c.sourceType())));
        }
        return out;
    }

    public static List<ClickHouseColumnSpec> columnsFromPostgres(List<SourceColumn> columns,
            PostgresTypeMapping mapping) {
        List<ClickHouseColumnSpec> out = new ArrayList<>(columns.size());
        for (SourceColumn c : columns) {
            out.add(ClickHouseColumnSpec.from(c, mapping.map(c.name(), c.sourceType())));
        }
        return out;
    }

    /**
     * @param database null for the connection's current database
     * @throws IllegalArgumentException for duplicate names, a missing version/is_deleted column, a
     *                                  ReplacingMergeTree without key, or is_deleted on 18.16
     */
    public static String createTable(String database, String table, List<ClickHouseColumnSpec> columns,
            ClickHouseTableOptions o) {
        validate(table, columns, o);
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
        if (database != null) {
            sb.append(Identifiers.clickHouse(database)).append('.');
        }
        sb.append(Identifiers.clickHouse(table));
        if (o.onCluster() != null) {
            sb.append(" ON CLUSTER ").append(Identifiers.clickHouse(o.onCluster()));
        }
        sb.append("\n(\n");
        for (int i = 0; i < columns.size(); i++) {
            ClickHouseColumnSpec c = columns.get(i);
            sb.append("    ").append(Identifiers.clickHouse(c.name())).append(' ').append(columnType(c, o));
            sb.append(i + 1 < columns.size() ? ",\n" : "\n");
        }
        sb.append(")\nENGINE = ").append(engine(o));
        if (o.partitionBy() != null) {
            sb.append("\nPARTITION BY ").append(o.partitionBy());
        }
        sb.append("\nORDER BY ").append(orderBy(columns));
        return sb.toString();
    }

    /** The type a column gets in the DDL: fallback for 18.16, then Nullable, then LowCardinality. */
    public static ClickHouseType columnType(ClickHouseColumnSpec c, ClickHouseTableOptions o) {
        boolean legacy = o.generation() == ClickHouseGeneration.LEGACY_18_16;
        ClickHouseType t = legacy ? new LegacyTypeFallback(o.dateTime64Fallback()).apply(c.valueType()) : c.valueType();
        if (c.nullable() && c.keyPosition() == 0 && canBeNullable(t)) {
            t = ClickHouseType.nullable(t);
        }
        if (!legacy && o.lowCardinalityColumns().contains(c.name())) {
            try {
                t = ClickHouseType.lowCardinality(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("column '" + c.name() + "': " + e.getMessage(), e);
            }
        }
        return t;
    }

    private static boolean canBeNullable(ClickHouseType t) {
        switch (t.kind()) {
            case ARRAY:
            case MAP:
            case TUPLE:
            case NESTED:
            case NULLABLE:
            case LOW_CARDINALITY:
                return false;
            default:
                return true;
        }
    }

    private static String engine(ClickHouseTableOptions o) {
        List<String> args = new ArrayList<>();
        boolean replicated = o.replicatedPath() != null;
        if (replicated) {
            args.add(quote(o.replicatedPath()));
            args.add(quote(o.replicaName()));
        }
        if (o.engine() == ClickHouseEngine.REPLACING_MERGE_TREE && o.versionColumn() != null) {
            args.add(Identifiers.clickHouse(o.versionColumn()));
            if (o.isDeletedColumn() != null) {
                args.add(Identifiers.clickHouse(o.isDeletedColumn()));
            }
        }
        StringBuilder sb = new StringBuilder(replicated ? "Replicated" : "").append(o.engine().engineName()).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(args.get(i));
        }
        return sb.append(')').toString();
    }

    private static String orderBy(List<ClickHouseColumnSpec> columns) {
        List<ClickHouseColumnSpec> keys = new ArrayList<>();
        for (ClickHouseColumnSpec c : columns) {
            if (c.keyPosition() > 0) {
                keys.add(c);
            }
        }
        if (keys.isEmpty()) {
            return "tuple()";
        }
        Collections.sort(keys, new Comparator<ClickHouseColumnSpec>() {
            @Override
            public int compare(ClickHouseColumnSpec a, ClickHouseColumnSpec b) {
                return Integer.compare(a.keyPosition(), b.keyPosition());
            }
        });
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < keys.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(Identifiers.clickHouse(keys.get(i).name()));
        }
        return sb.append(')').toString();
    }

    private static void validate(String table, List<ClickHouseColumnSpec> columns, ClickHouseTableOptions o) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + table + "' has no columns");
        }
        Set<String> names = new HashSet<>();
        Set<Integer> positions = new HashSet<>();
        boolean hasKey = false;
        for (ClickHouseColumnSpec c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("table '" + table + "': column '" + c.name() + "' appears twice");
            }
            if (c.keyPosition() > 0) {
                hasKey = true;
                if (!positions.add(c.keyPosition())) {
                    throw new IllegalArgumentException("table '" + table + "': two columns at key position "
                            + c.keyPosition());
                }
            }
        }
        if (o.engine() == ClickHouseEngine.REPLACING_MERGE_TREE && !hasKey) {
            throw new IllegalArgumentException("table '" + table + "': ReplacingMergeTree deduplicates by the ORDER BY "
                    + "key, but the source has no primary key; use MergeTree or declare key columns");
        }
        if (o.versionColumn() != null && !names.contains(o.versionColumn())) {
            throw new IllegalArgumentException("table '" + table + "': version column '" + o.versionColumn()
                    + "' is not one of its columns");
        }
        if (o.isDeletedColumn() != null) {
            if (o.versionColumn() == null) {
                throw new IllegalArgumentException("table '" + table + "': is_deleted column '" + o.isDeletedColumn()
                        + "' needs a version column");
            }
            if (!names.contains(o.isDeletedColumn())) {
                throw new IllegalArgumentException("table '" + table + "': is_deleted column '" + o.isDeletedColumn()
                        + "' is not one of its columns");
            }
            if (o.generation() == ClickHouseGeneration.LEGACY_18_16) {
                throw new IllegalArgumentException("table '" + table + "': ReplacingMergeTree(version, is_deleted) "
                        + "needs ClickHouse 23.2+; on 18.16 keep the is_deleted column and filter it in queries");
            }
        }
        for (ClickHouseColumnSpec c : columns) {
            if (c.keyPosition() > 0 && c.valueType().kind() == ClickHouseTypeKind.NOTHING) {
                throw new IllegalArgumentException("column '" + c.name() + "': Nothing cannot be a key");
            }
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
