package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code CREATE TABLE IF NOT EXISTS} for MaxCompute from ClickHouse columns. The statement uses 2.0 types, so
 * it must run with {@link #REQUIRED_HINTS} as SQL task hints (projects still on the 1.0 type system reject
 * TINYINT, DECIMAL(p,s), DATE, … otherwise).
 */
public final class MaxComputeDdl {
    /** {@code odps.sql.type.system.odps2=true}, {@code odps.sql.decimal.odps2=true}. */
    public static final Map<String, String> REQUIRED_HINTS;

    static {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("odps.sql.type.system.odps2", "true");
        m.put("odps.sql.decimal.odps2", "true");
        REQUIRED_HINTS = Collections.unmodifiableMap(m);
    }

    private MaxComputeDdl() {
    }

    /** Maps ClickHouse columns (name → type, in order) with {@code mapping}; errors name the column. */
    public static List<MaxComputeColumnSpec> columnsFromClickHouse(Map<String, ClickHouseType> columns,
            ClickHouseToMaxCompute mapping) {
        List<MaxComputeColumnSpec> out = new ArrayList<>();
        for (Map.Entry<String, ClickHouseType> e : columns.entrySet()) {
            try {
                out.add(new MaxComputeColumnSpec(e.getKey(), mapping.map(e.getValue())));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("column '" + e.getKey() + "': " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /**
     * @param project    null for the session's default project
     * @param partitions partition columns (STRING, VARCHAR, CHAR or an integer type); empty for none
     * @param lifecycle  days, or null for none
     */
    public static String createTable(String project, String table, List<MaxComputeColumnSpec> columns,
            List<MaxComputeColumnSpec> partitions, Integer lifecycle) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table '" + table + "' has no columns");
        }
        Set<String> names = new HashSet<>();
        StringBuilder sb = new StringBuilder("CREATE TABLE IF NOT EXISTS ");
        if (project != null) {
            sb.append(Identifiers.maxCompute(project, "project")).append('.');
        }
        sb.append(Identifiers.maxCompute(table, "table")).append("\n(\n");
        appendColumns(sb, columns, names, table);
        sb.append(")");
        if (!partitions.isEmpty()) {
            for (MaxComputeColumnSpec p : partitions) {
                switch (p.type().kind()) {
                    case STRING:
                    case VARCHAR:
                    case CHAR:
                    case TINYINT:
                    case SMALLINT:
                    case INT:
                    case BIGINT:
                        break;
                    default:
                        throw new IllegalArgumentException("partition column '" + p.name() + "' of table '" + table
                                + "' has type " + p.type() + "; MaxCompute partition columns are STRING, VARCHAR, "
                                + "CHAR or TINYINT/SMALLINT/INT/BIGINT");
                }
            }
            sb.append("\nPARTITIONED BY\n(\n");
            appendColumns(sb, partitions, names, table);
            sb.append(")");
        }
        if (lifecycle != null) {
            if (lifecycle < 1) {
                throw new IllegalArgumentException("table '" + table + "': lifecycle " + lifecycle + " is not positive");
            }
            sb.append("\nLIFECYCLE ").append(lifecycle);
        }
        return sb.append(";").toString();
    }

    private static void appendColumns(StringBuilder sb, List<MaxComputeColumnSpec> cols, Set<String> names,
            String table) {
        for (int i = 0; i < cols.size(); i++) {
            MaxComputeColumnSpec c = cols.get(i);
            // MaxCompute names are case-insensitive.
            if (!names.add(c.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("table '" + table + "': column '" + c.name() + "' appears twice "
                        + "(MaxCompute names ignore case)");
            }
            sb.append("    ").append(Identifiers.maxCompute(c.name(), "column")).append(' ').append(c.type())
                    .append(i + 1 < cols.size() ? ",\n" : "\n");
        }
    }
}
