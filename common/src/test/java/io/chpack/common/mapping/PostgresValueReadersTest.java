package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import io.chpack.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The PostgreSQL readers against a real PostgreSQL 15 through PgJDBC, in a session whose TimeZone is not UTC
 * (Asia/Kolkata, +05:30): column types from format_type(), values compared exactly.
 */
class PostgresValueReadersTest {
    private static PostgresServer pg;
    private static Connection conn;

    @BeforeAll
    static void start() throws SQLException {
        pg = PostgresServer.start();
        conn = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
        try (Statement st = conn.createStatement()) {
            st.execute("SET TIME ZONE 'Asia/Kolkata'");
            st.execute("SET lc_monetary = 'C'");
            st.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
            st.execute("CREATE TABLE every_type (id int PRIMARY KEY, s smallint, i integer, b bigint, n numeric(10,2),"
                    + " nu numeric, r real, dp double precision, bo boolean, tx text, vc varchar(20), ch char(5),"
                    + " by bytea, d date, tm time, ttz timetz, ts timestamp, ts3 timestamp(3), tstz timestamptz,"
                    + " tstz2 timestamptz(6), iv interval, u uuid, j json, jb jsonb, ine inet, ci cidr, ai int4[],"
                    + " at text[], ad date[], m money, e mood, bt bit(3), pt point, o oid)");
            st.execute("INSERT INTO every_type VALUES (1, -32768, 2147483647, -9223372036854775808, -12345678.90,"
                    + " '123456789012345678901234567890.000000000000000000001', 3.14, 0.1, true,"
                    + " E'\\U0001F600 \"quoted\" \\\\ back', 'abc', 'ab', '\\x00ff0001'::bytea, '1960-02-29', '24:00:00',"
                    + " '13:45:01.5+02', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.123',"
                    + " '2024-01-02 03:04:05.123456+00', '2024-06-01 12:00:00', '1 year 2 mons 3 days 04:05:06.789',"
                    + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": 1}', '{\"b\": [1, null]}', '192.168.1.5/24',"
                    + " '10.0.0.0/8', '{1,NULL,3}', '{\"a,b\",NULL,\"c\\\"d\",\"NULL\"}', '{2024-01-02,NULL}', 1234.56,"
                    + " 'happy', B'101', '(1,2)', 4294967295)");
            st.execute("INSERT INTO every_type (id, nu, d, ts, tstz) VALUES (2, 'NaN', 'infinity', '-infinity', 'infinity')");
            st.execute("INSERT INTO every_type (id) VALUES (3)");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        if (conn != null) {
            conn.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static Map<String, Column> row(int id, SourceReadOptions options) throws SQLException {
        PostgresTypeMapping mapping = new PostgresTypeMapping(options);
        Map<String, SourceColumnMapping> mappings = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT a.attname, "
                + "format_type(a.atttypid, a.atttypmod), t.typtype FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "WHERE a.attrelid = 'every_type'::regclass AND a.attnum > 0 ORDER BY a.attnum")) {
            while (rs.next()) {
                String name = rs.getString(1);
                mappings.put(name, rs.getString(3).equals("e") ? mapping.mapEnum(name, rs.getString(2))
                        : mapping.map(name, rs.getString(2)));
            }
        }
        Map<String, Column> out = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM every_type WHERE id = " + id)) {
            assertTrue(rs.next());
            int i = 1;
            for (SourceColumnMapping m : mappings.values()) {
                Column c = m.reader().read(rs, i++);
                assertEquals(m.dataxType(), c.getType(), m.toString());
                out.put(m.columnName(), c);
            }
        }
        return out;
    }

    @Test
    void edgeValuesReadExactly() throws SQLException {
        Map<String, Column> r = row(1, SourceReadOptions.defaults());
        assertEquals(BigInteger.valueOf(-32768), r.get("s").getRawData());
        assertEquals(BigInteger.valueOf(Integer.MAX_VALUE), r.get("i").getRawData());
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), r.get("b").getRawData());
        assertEquals("-12345678.90", r.get("n").getRawData());
        assertEquals("123456789012345678901234567890.000000000000000000001", r.get("nu").getRawData());
        assertEquals("3.14", r.get("r").getRawData());
        assertEquals("0.1", r.get("dp").getRawData());
        assertEquals(Boolean.TRUE, r.get("bo").getRawData());
        assertEquals("\uD83D\uDE00 \"quoted\" \\ back", r.get("tx").getRawData());
        assertEquals("abc", r.get("vc").getRawData());
        assertEquals("ab   ", r.get("ch").getRawData());
        assertArrayEquals(new byte[]{0, -1, 0, 1}, (byte[]) r.get("by").getRawData());
        assertEquals(Instant.parse("1960-02-29T00:00:00Z").toEpochMilli(), r.get("d").getRawData());
        assertEquals("24:00:00.000000", r.get("tm").getRawData());
        assertEquals("13:45:01.5+02", r.get("ttz").getRawData());
        assertEquals("2024-01-02 03:04:05.123456", r.get("ts").getRawData());
        assertEquals(Instant.parse("2024-01-02T03:04:05.123Z").toEpochMilli(), r.get("ts3").getRawData());
        assertEquals("2024-01-02T03:04:05.123456Z", r.get("tstz").getRawData());
        // Written without offset in the +05:30 session: 12:00 local is 06:30 UTC.
        assertEquals("2024-06-01T06:30:00.000000Z", r.get("tstz2").getRawData());
        assertEquals("1 year 2 mons 3 days 04:05:06.789", r.get("iv").getRawData());
        assertEquals("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", r.get("u").getRawData());
        assertEquals("{\"a\": 1}", r.get("j").getRawData());
        assertEquals("{\"b\": [1, null]}", r.get("jb").getRawData());
        assertEquals("192.168.1.5/24", r.get("ine").getRawData());
        assertEquals("10.0.0.0/8", r.get("ci").getRawData());
        assertEquals("[1,null,3]", r.get("ai").getRawData());
        assertEquals("[\"a,b\",null,\"c\\\"d\",\"NULL\"]", r.get("at").getRawData());
        assertEquals("[\"2024-01-02\",null]", r.get("ad").getRawData());
        assertEquals("1234.56", r.get("m").getRawData());
        assertEquals("happy", r.get("e").getRawData());
        assertEquals("101", r.get("bt").getRawData());
        assertEquals("(1,2)", r.get("pt").getRawData());
        assertEquals(BigInteger.valueOf(4294967295L), r.get("o").getRawData());
    }

    @Test
    void nanAndInfinityByPolicy() throws SQLException {
        SourceValueException nan = assertThrows(SourceValueException.class, () -> row(2, SourceReadOptions.defaults()));
        assertEquals("nu", nan.column());
        assertEquals("NaN", nan.value());
        SourceValueException inf = assertThrows(SourceValueException.class,
                () -> row(2, SourceReadOptions.defaults().withNumericNaNAsNull(true)));
        assertEquals("d", inf.column());
        assertEquals("infinity", inf.value());
        Map<String, Column> r = row(2, SourceReadOptions.defaults().withNumericNaNAsNull(true)
                .withInfiniteDates(InvalidDateBehavior.CONVERT_TO_NULL));
        for (String c : new String[]{"nu", "d", "ts", "tstz"}) {
            assertNull(r.get(c).getRawData(), c);
        }
    }

    @Test
    void nullsAreTypedColumns() throws SQLException {
        row(3, SourceReadOptions.defaults()).forEach((name, c) -> {
            if (!name.equals("id")) {
                assertNull(c.getRawData(), name);
            }
        });
    }

    @Test
    void resultSetMetaDataTypeNamesParse() throws SQLException {
        PostgresTypeMapping m = new PostgresTypeMapping(SourceReadOptions.defaults());
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT tstz, ai, n, ch, ttz FROM every_type WHERE id = 1")) {
            assertTrue(rs.next());
            var md = rs.getMetaData();
            assertEquals("DateTime64(6)", m.map("tstz", md.getColumnTypeName(1)).clickHouseType().toString());
            assertEquals("Array(Nullable(Int32))", m.map("ai", md.getColumnTypeName(2)).clickHouseType().toString());
            assertEquals("2024-01-02T03:04:05.123456Z", m.map("tstz", md.getColumnTypeName(1)).reader().read(rs, 1).getRawData());
            assertEquals("[1,null,3]", m.map("ai", md.getColumnTypeName(2)).reader().read(rs, 2).getRawData());
            assertEquals("String", m.map("ttz", md.getColumnTypeName(5)).clickHouseType().toString());
        }
    }
}
