package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chpack.common.chtype.ClickHouseTypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs generated expressions through {@link ShardingSelfCheck} against one server and collects every
 * disagreement, so one run shows all broken cases instead of the first. The rows are loaded once into a
 * Memory table (one query per expression afterwards); a sample of expressions also goes through the
 * literal path the writer uses at prepare time.
 */
final class HashConformanceCheck {
    static final String TABLE = "sharding_conformance_rows";
    private static final int LITERAL_ROWS = 100;

    private HashConformanceCheck() {
    }

    /** Creates and fills {@link #TABLE} with {@link ConformanceCases#rows()} and a {@code __row} order column. */
    static void loadRows(ShardingSelfCheck.SqlRunner sql, boolean lowCardinality) {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + TABLE + " (__row UInt32");
        for (ShardingColumn c : ConformanceCases.COLUMNS) {
            boolean lc = c.type().kind() == ClickHouseTypeKind.LOW_CARDINALITY;
            ddl.append(", ").append(SqlLiteral.identifier(c.name())).append(' ')
                    .append(lc && !lowCardinality ? c.type().wrappedType() : c.type());
        }
        sql.query("DROP TABLE IF EXISTS " + TABLE);
        sql.query(ddl.append(") ENGINE = Memory").toString());
        List<ShardingRow> rows = ConformanceCases.rows();
        for (int start = 0; start < rows.size(); start += 100) {
            StringBuilder ins = new StringBuilder("INSERT INTO " + TABLE + " SELECT ");
            for (int k = 0; k <= ConformanceCases.COLUMNS.size(); k++) {
                ins.append(k == 0 ? "" : ", ").append("tupleElement(__t, ").append(k + 1).append(')');
            }
            ins.append(" FROM (SELECT arrayJoin([");
            for (int i = start; i < Math.min(rows.size(), start + 100); i++) {
                ins.append(i == start ? "" : ", ").append("tuple(toUInt32(").append(i).append(')');
                for (int c = 0; c < ConformanceCases.COLUMNS.size(); c++) {
                    ins.append(", ").append(SqlLiteral.render(rows.get(i).value(c), ConformanceCases.COLUMNS.get(c).type()));
                }
                ins.append(')');
            }
            sql.query(ins.append("]) AS __t)").toString());
        }
        assertEquals(String.valueOf(rows.size()), sql.query("SELECT count() FROM " + TABLE).trim());
    }

    static void assertAllAgree(List<String> expressions, ServerDialect dialect, ShardingSelfCheck.SqlRunner sql) {
        List<ShardingRow> rows = ConformanceCases.rows();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            String expr = expressions.get(i);
            ShardingKey key = ShardingKey.compile(expr, ConformanceCases.COLUMNS, dialect);
            SelfCheckReport report = ShardingSelfCheck.runOnTable(key, rows, TABLE, "__row", sql);
            if (report.agrees() && i % 7 == 0) {
                report = ShardingSelfCheck.run(key, rows.subList(0, LITERAL_ROWS), sql);
            }
            if (!report.agrees()) {
                failures.add(report.toString());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + expressions.size() + " expressions disagree:\n"
                + String.join("\n", failures));
    }
}
