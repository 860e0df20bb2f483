package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class ClickHouseDdlTest {
    private static final MysqlTypeMapping MYSQL = new MysqlTypeMapping(SourceReadOptions.defaults());
    private static final PostgresTypeMapping PG = new PostgresTypeMapping(SourceReadOptions.defaults());

    private static String mysql(ClickHouseTableOptions o) {
        return ClickHouseDdl.createTable("shop", "orders", ClickHouseDdl.columnsFromMysql(DdlFixtures.MYSQL_ORDERS, MYSQL), o);
    }

    @Test
    void mysqlTableOnAModernCluster() {
        assertEquals("""
                CREATE TABLE IF NOT EXISTS `shop`.`orders` ON CLUSTER `prod`
                (
                    `id` UInt64,
                    `line_no` Int32,
                    `customer` Nullable(String),
                    `status` LowCardinality(String),
                    `amount` Nullable(Decimal(65, 30)),
                    `paid` Int8,
                    `flag` Nullable(Bool),
                    `created` DateTime64(6),
                    `updated` DateTime,
                    `birth` Nullable(Date32),
                    `payload` Nullable(String),
                    `hash` FixedString(16),
                    `ip` Nullable(IPv6),
                    `odd\\`name\\\\x` Nullable(Int32),
                    `_version` UInt64
                )
                ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/shop/orders', '{replica}', `_version`)
                PARTITION BY `line_no` % 4
                ORDER BY (`id`, `line_no`)""",
                mysql(DdlFixtures.mysqlOptions(ClickHouseGeneration.MODERN).withOnCluster("prod")
                        .withReplication("/clickhouse/tables/{shard}/shop/orders", "{replica}")));
    }

    @Test
    void mysqlTableOn1816() {
        assertEquals("""
                CREATE TABLE IF NOT EXISTS `shop`.`orders`
                (
                    `id` UInt64,
                    `line_no` Int32,
                    `customer` Nullable(String),
                    `status` String,
                    `amount` Nullable(String),
                    `paid` Int8,
                    `flag` Nullable(UInt8),
                    `created` String,
                    `updated` DateTime,
                    `birth` Nullable(Date),
                    `payload` Nullable(String),
                    `hash` FixedString(16),
                    `ip` Nullable(String),
                    `odd\\`name\\\\x` Nullable(Int32),
                    `_version` UInt64
                )
                ENGINE = ReplacingMergeTree(`_version`)
                PARTITION BY `line_no` % 4
                ORDER BY (`id`, `line_no`)""", mysql(DdlFixtures.mysqlOptions(ClickHouseGeneration.LEGACY_18_16)));
    }

    private static String pg(ClickHouseTableOptions o) {
        return ClickHouseDdl.createTable(null, "events", ClickHouseDdl.columnsFromPostgres(DdlFixtures.PG_EVENTS, PG), o);
    }

    @Test
    void postgresTableModern() {
        assertEquals("""
                CREATE TABLE IF NOT EXISTS `events`
                (
                    `id` Int64,
                    `seq` Int32,
                    `amount` Nullable(Decimal(10, 2)),
                    `total` Nullable(String),
                    `ok` Bool,
                    `at` Nullable(DateTime64(6)),
                    `day` Date32,
                    `tags` Array(Nullable(String)),
                    `uid` UUID,
                    `doc` Nullable(String),
                    `ints` Array(Nullable(Int32)),
                    `big` Nullable(Decimal(50, 10))
                )
                ENGINE = MergeTree()
                ORDER BY (`id`, `seq`)""", pg(DdlFixtures.pgOptions(ClickHouseGeneration.MODERN)));
    }

    @Test
    void postgresTableOn1816() {
        assertEquals("""
                CREATE TABLE IF NOT EXISTS `events`
                (
                    `id` Int64,
                    `seq` Int32,
                    `amount` Nullable(Decimal(10, 2)),
                    `total` Nullable(String),
                    `ok` UInt8,
                    `at` Nullable(String),
                    `day` Date,
                    `tags` Array(Nullable(String)),
                    `uid` UUID,
                    `doc` Nullable(String),
                    `ints` Array(Nullable(Int32)),
                    `big` Nullable(String)
                )
                ENGINE = MergeTree()
                ORDER BY (`id`, `seq`)""", pg(DdlFixtures.pgOptions(ClickHouseGeneration.LEGACY_18_16)));
    }

    @Test
    void maxComputeTableToClickHouse() {
        ClickHouseTableOptions modern = ClickHouseTableOptions.defaults().withEngine(ClickHouseEngine.MERGE_TREE);
        assertEquals("""
                CREATE TABLE IF NOT EXISTS `t`
                (
                    `id` Int64,
                    `d` Nullable(Decimal(38, 18)),
                    `dt` Nullable(DateTime64(3)),
                    `ts` Nullable(DateTime64(9)),
                    `b` Nullable(Bool),
                    `day` Nullable(Date32),
                    `m` Map(String, Nullable(Int64)),
                    `s` Tuple(a Nullable(Int32), b Nullable(String)),
                    `arr` Array(Nullable(Int32)),
                    `arrs` Array(Tuple(x Nullable(Int32)))
                )
                ENGINE = MergeTree()
                ORDER BY (`id`)""", ClickHouseDdl.createTable(null, "t", DdlFixtures.maxComputeToClickHouse(), modern));
        String legacy = ClickHouseDdl.createTable(null, "t", DdlFixtures.maxComputeToClickHouse(),
                modern.withGeneration(ClickHouseGeneration.LEGACY_18_16).withDateTime64Fallback(DateTime64Fallback.DATETIME));
        assertTrue(legacy.contains("`dt` Nullable(DateTime),\n    `ts` Nullable(DateTime),"), legacy);
        // Map and Array(Tuple) fall back to String, which (unlike Map) may be Nullable: a NULL map stays NULL.
        assertTrue(legacy.contains("`m` Nullable(String),\n    `s` Tuple(Nullable(Int32), Nullable(String)),"), legacy);
        assertTrue(legacy.contains("`arrs` Nullable(String)\n"), legacy);
    }

    @Test
    void engineVariantsAndKeylessTables() {
        List<ClickHouseColumnSpec> cols = List.of(ClickHouseColumnSpec.of("a", ClickHouseType.parse("String"), true),
                ClickHouseColumnSpec.of("v", ClickHouseType.parse("UInt64"), false),
                ClickHouseColumnSpec.of("del", ClickHouseType.parse("UInt8"), false));
        ClickHouseTableOptions mt = ClickHouseTableOptions.defaults().withEngine(ClickHouseEngine.MERGE_TREE);
        assertTrue(ClickHouseDdl.createTable(null, "t", cols, mt).endsWith("ENGINE = MergeTree()\nORDER BY tuple()"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClickHouseDdl.createTable(null, "t", cols, ClickHouseTableOptions.defaults()));
        assertTrue(e.getMessage().contains("no primary key"), e.getMessage());

        List<ClickHouseColumnSpec> keyed = List.of(ClickHouseColumnSpec.key("k", ClickHouseType.parse("Int32"), 1),
                cols.get(1), cols.get(2));
        ClickHouseTableOptions rmt = ClickHouseTableOptions.defaults().withVersionColumn("v").withIsDeletedColumn("del");
        assertTrue(ClickHouseDdl.createTable("d", "t", keyed, rmt).contains("ENGINE = ReplacingMergeTree(`v`, `del`)"));
        assertTrue(ClickHouseDdl.createTable("d", "t", keyed, ClickHouseTableOptions.defaults())
                .contains("ENGINE = ReplacingMergeTree()"));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseDdl.createTable("d", "t", keyed,
                rmt.withGeneration(ClickHouseGeneration.LEGACY_18_16)));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseDdl.createTable("d", "t", keyed,
                ClickHouseTableOptions.defaults().withVersionColumn("missing")));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseDdl.createTable("d", "t", keyed,
                ClickHouseTableOptions.defaults().withIsDeletedColumn("del")));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseDdl.createTable("d", "t",
                List.of(keyed.get(0), keyed.get(0)), ClickHouseTableOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> ClickHouseDdl.createTable("d", "t",
                List.of(ClickHouseColumnSpec.key("a", ClickHouseType.parse("Int8"), 1),
                        ClickHouseColumnSpec.key("b", ClickHouseType.parse("Int8"), 1)), ClickHouseTableOptions.defaults()));
        IllegalArgumentException lc = assertThrows(IllegalArgumentException.class, () -> ClickHouseDdl.createTable("d",
                "t", List.of(ClickHouseColumnSpec.key("k", ClickHouseType.parse("Int8"), 1),
                        ClickHouseColumnSpec.of("arr", ClickHouseType.parse("Array(Int8)"), false)),
                ClickHouseTableOptions.defaults().withLowCardinality(Set.of("arr"))));
        assertTrue(lc.getMessage().startsWith("column 'arr'"), lc.getMessage());
    }

    @Test
    void legacyFallbackOfEveryModernType() {
        LegacyTypeFallback f = new LegacyTypeFallback(DateTime64Fallback.STRING);
        String[][] cases = {
            {"Bool", "UInt8"}, {"Int128", "String"}, {"UInt256", "String"}, {"Decimal(39, 2)", "String"},
            {"Decimal(38, 2)", "Decimal(38, 2)"}, {"Date32", "Date"}, {"DateTime64(0, 'UTC')", "DateTime('UTC')"},
            {"DateTime64(3)", "String"}, {"IPv4", "String"}, {"IPv6", "String"}, {"BFloat16", "Float32"},
            {"Map(String, UInt8)", "String"}, {"Tuple(a Int8, b Bool)", "Tuple(Int8, UInt8)"},
            {"Array(Tuple(Int8, String))", "String"}, {"Nested(a Int8)", "String"},
            {"LowCardinality(Nullable(String))", "Nullable(String)"}, {"Nullable(Bool)", "Nullable(UInt8)"},
            {"Array(Nullable(Date32))", "Array(Nullable(Date))"}, {"Enum8('a' = 1)", "Enum8('a' = 1)"},
            {"UUID", "UUID"}, {"FixedString(3)", "FixedString(3)"}, {"DateTime('Asia/Shanghai')", "DateTime('Asia/Shanghai')"},
        };
        for (String[] c : cases) {
            assertEquals(c[1], f.apply(ClickHouseType.parse(c[0])).toString(), c[0]);
        }
        assertEquals("DateTime", new LegacyTypeFallback(DateTime64Fallback.DATETIME)
                .apply(ClickHouseType.parse("DateTime64(6)")).toString());
    }

    @Test
    void identifiersAreAlwaysBackQuoted() {
        assertEquals("`a`", Identifiers.clickHouse("a"));
        assertEquals("`a\\`b\\\\c`", Identifiers.clickHouse("a`b\\c"));
        assertEquals("`日本 語`", Identifiers.clickHouse("日本 語"));
        assertThrows(IllegalArgumentException.class, () -> Identifiers.clickHouse(""));
    }
}
