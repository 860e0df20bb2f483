package io.chpack.common.mapping;

import io.chpack.testkit.ClickHouseServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The DDL generated for 18.16 runs on a real ClickHouse 18.16 server, and DESCRIBE reports exactly the types
 * the generator meant: proof that every fallback type exists there and that identifier escaping is accepted.
 */
class ClickHouse1816DdlTest {
    private static ClickHouseServer ch;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.start();
        ch.query("CREATE DATABASE IF NOT EXISTS shop");
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
    }

    /** name → type as DESCRIBE prints them. */
    private static Map<String, String> describe(String table) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : ch.query("DESCRIBE TABLE " + table + " FORMAT TSVRaw").split("\n")) {
            String[] f = line.split("\t");
            m.put(f[0], f[1]);
        }
        return m;
    }

    private static Map<String, String> expected(List<ClickHouseColumnSpec> cols, ClickHouseTableOptions o) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ClickHouseColumnSpec c : cols) {
            m.put(c.name(), ClickHouseDdl.columnType(c, o).toString());
        }
        return m;
    }

    private static void createAndCompare(String database, String table, List<ClickHouseColumnSpec> cols,
            ClickHouseTableOptions o) {
        String ddl = ClickHouseDdl.createTable(database, table, cols, o);
        ch.query(ddl);
        ch.query(ddl); // IF NOT EXISTS: a rerun is harmless
        String qualified = (database == null ? "" : Identifiers.clickHouse(database) + ".") + Identifiers.clickHouse(table);
        assertEquals(expected(cols, o), describe(qualified), ddl);
    }

    @Test
    void mysqlTable() {
        ClickHouseTableOptions o = DdlFixtures.mysqlOptions(ClickHouseGeneration.LEGACY_18_16);
        List<ClickHouseColumnSpec> cols = ClickHouseDdl.columnsFromMysql(DdlFixtures.MYSQL_ORDERS,
                new MysqlTypeMapping(SourceReadOptions.defaults()));
        createAndCompare("shop", "orders", cols, o);
        Map<String, String> d = describe("shop.orders");
        assertEquals("Nullable(String)", d.get("amount"));
        assertEquals("Nullable(UInt8)", d.get("flag"));
        assertEquals("String", d.get("created"));
        assertEquals("Nullable(Int32)", d.get("odd`name\\x"));
        assertEquals("ReplacingMergeTree", ch.query("SELECT engine FROM system.tables WHERE database = 'shop' "
                + "AND name = 'orders' FORMAT TSVRaw").trim());
        assertEquals("id, line_no", ch.query("SELECT sorting_key FROM system.tables WHERE database = 'shop' "
                + "AND name = 'orders' FORMAT TSVRaw").trim());
    }

    @Test
    void postgresTable() {
        ClickHouseTableOptions o = DdlFixtures.pgOptions(ClickHouseGeneration.LEGACY_18_16);
        List<ClickHouseColumnSpec> cols = ClickHouseDdl.columnsFromPostgres(DdlFixtures.PG_EVENTS,
                new PostgresTypeMapping(SourceReadOptions.defaults()));
        createAndCompare(null, "events", cols, o);
        assertEquals("Array(Nullable(String))", describe("events").get("tags"));
    }

    @Test
    void maxComputeTableWithBothDateTime64Fallbacks() {
        ClickHouseTableOptions o = ClickHouseTableOptions.defaults().withEngine(ClickHouseEngine.MERGE_TREE)
                .withGeneration(ClickHouseGeneration.LEGACY_18_16);
        createAndCompare(null, "from_odps_text", DdlFixtures.maxComputeToClickHouse(), o);
        createAndCompare(null, "from_odps_dt", DdlFixtures.maxComputeToClickHouse(),
                o.withDateTime64Fallback(DateTime64Fallback.DATETIME));
        assertEquals("Tuple(Nullable(Int32), Nullable(String))", describe("from_odps_dt").get("s"));
    }

    @Test
    void keylessMergeTreeAndZonedDateTime() {
        List<ClickHouseColumnSpec> cols = List.of(
                ClickHouseColumnSpec.of("t", io.chpack.common.chtype.ClickHouseType.parse("DateTime64(0, 'Asia/Shanghai')"), true),
                ClickHouseColumnSpec.of("v", io.chpack.common.chtype.ClickHouseType.parse("Int128"), false));
        createAndCompare(null, "keyless", cols, ClickHouseTableOptions.defaults().withEngine(ClickHouseEngine.MERGE_TREE)
                .withGeneration(ClickHouseGeneration.LEGACY_18_16));
        assertEquals("Nullable(DateTime('Asia/Shanghai'))", describe("keyless").get("t"));
    }
}
