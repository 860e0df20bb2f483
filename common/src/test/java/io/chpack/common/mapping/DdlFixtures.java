package io.chpack.common.mapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.chpack.common.chtype.ClickHouseType;

/** The representative source tables of the DDL tests, shared by the unit test and the 18.16 server test. */
final class DdlFixtures {
    private DdlFixtures() {
    }

    static final List<SourceColumn> MYSQL_ORDERS = List.of(
            SourceColumn.key("id", "bigint(20) unsigned", 1),
            SourceColumn.key("line_no", "int(11)", 2),
            SourceColumn.of("customer", "varchar(100)", true),
            SourceColumn.of("status", "enum('new','paid')", false),
            SourceColumn.of("amount", "decimal(65,30)", true),
            SourceColumn.of("paid", "tinyint(1)", false),
            SourceColumn.of("flag", "bit(1)", true),
            SourceColumn.of("created", "datetime(6)", false),
            SourceColumn.of("updated", "timestamp", false),
            SourceColumn.of("birth", "date", true),
            SourceColumn.of("payload", "json", true),
            SourceColumn.of("hash", "binary(16)", false),
            SourceColumn.of("ip", "inet6", true),
            SourceColumn.of("odd`name\\x", "int", true),
            SourceColumn.of("_version", "bigint unsigned", false));

    static ClickHouseTableOptions mysqlOptions(ClickHouseGeneration g) {
        return ClickHouseTableOptions.defaults().withGeneration(g).withEngine(ClickHouseEngine.REPLACING_MERGE_TREE)
                .withVersionColumn("_version").withPartitionBy("`line_no` % 4").withLowCardinality(Set.of("status"));
    }

    static final List<SourceColumn> PG_EVENTS = List.of(
            SourceColumn.key("id", "bigint", 1),
            SourceColumn.key("seq", "integer", 2),
            SourceColumn.of("amount", "numeric(10,2)", true),
            SourceColumn.of("total", "numeric", true),
            SourceColumn.of("ok", "boolean", false),
            SourceColumn.of("at", "timestamp with time zone", true),
            SourceColumn.of("day", "date", false),
            SourceColumn.of("tags", "text[]", true),
            SourceColumn.of("uid", "uuid", false),
            SourceColumn.of("doc", "jsonb", true),
            SourceColumn.of("ints", "_int4", false),
            SourceColumn.of("big", "numeric(50,10)", true));

    static ClickHouseTableOptions pgOptions(ClickHouseGeneration g) {
        return ClickHouseTableOptions.defaults().withGeneration(g).withEngine(ClickHouseEngine.MERGE_TREE);
    }

    /** A MaxCompute table's columns, for the MaxCompute → ClickHouse DDL. */
    static Map<String, String> maxComputeColumns() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("id", "bigint");
        m.put("d", "decimal(38,18)");
        m.put("dt", "datetime");
        m.put("ts", "timestamp");
        m.put("b", "boolean");
        m.put("day", "date");
        m.put("m", "map<string,bigint>");
        m.put("s", "struct<a:int,b:string>");
        m.put("arr", "array<int>");
        m.put("arrs", "array<struct<x:int>>");
        return m;
    }

    static List<ClickHouseColumnSpec> maxComputeToClickHouse() {
        java.util.ArrayList<ClickHouseColumnSpec> out = new java.util.ArrayList<>();
        for (Map.Entry<String, String> e : maxComputeColumns().entrySet()) {
            ClickHouseType t = MaxComputeToClickHouse.map(MaxComputeType.parse(e.getValue()));
            out.add(e.getKey().equals("id") ? ClickHouseColumnSpec.key("id", t, 1) : ClickHouseColumnSpec.of(e.getKey(), t, true));
        }
        return out;
    }
}
