package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import io.chpack.testkit.MariaDbServer;
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
 * The MySQL readers against a real MariaDB 10.11 through MariaDB Connector/J: a table with every type, edge
 * values inserted by SQL, column types taken from information_schema.COLUMNS.COLUMN_TYPE, values compared
 * exactly.
 */
class MariaDbValueReadersTest {
    private static MariaDbServer db;
    private static Connection conn;

    @BeforeAll
    static void start() throws SQLException {
        db = MariaDbServer.start();
        // Connector/J 3.x takes jdbc:mysql: only with permitMysqlScheme (DataX users keep jdbc:mysql URLs).
        conn = DriverManager.getConnection(db.jdbcUrl() + "?permitMysqlScheme", db.user(), db.rootPassword());
        try (Statement st = conn.createStatement()) {
            st.execute("SET SESSION sql_mode = ''"); // zero dates are storable only with a relaxed sql_mode
            st.execute("SET time_zone = '+00:00'");
            st.execute("CREATE TABLE every_type ("
                    + "id INT PRIMARY KEY, ti TINYINT, ti1 TINYINT(1), tiu TINYINT UNSIGNED, si SMALLINT,"
                    + " siu SMALLINT UNSIGNED, mi MEDIUMINT, miu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, bi BIGINT,"
                    + " biu BIGINT UNSIGNED, izf INT(5) ZEROFILL, d DECIMAL(65,30), d2 DECIMAL(10,2), f FLOAT, db DOUBLE,"
                    + " b1 BIT(1), b64 BIT(64), y YEAR, dt DATE, dtm DATETIME, dtm3 DATETIME(3), dtm6 DATETIME(6),"
                    + " ts6 TIMESTAMP(6) NULL, tm TIME(6), c CHAR(5), vc VARCHAR(50), tx TEXT, js JSON,"
                    + " e ENUM('a','b','c d'), st SET('x','y'), bl BLOB, bn BINARY(4), vb VARBINARY(10), u UUID,"
                    + " ip INET6) CHARACTER SET utf8mb4");
            st.execute("INSERT INTO every_type VALUES (1, -128, 2, 255, -32768, 65535, -8388608, 16777215, -2147483648,"
                    + " 4294967295, -9223372036854775808, 18446744073709551615, 42,"
                    + " '12345678901234567890123456789012345.123456789012345678901234567890', -1.50, 3.14, 0.1,"
                    + " b'1', b'1111111111111111111111111111111111111111111111111111111111111111', 2024, '1000-01-01',"
                    + " '9999-12-31 23:59:59', '2024-01-02 03:04:05.123', '2024-01-02 03:04:05.123456',"
                    + " '2024-01-02 03:04:05.123456', '-838:59:59.000000', 'ab', '\uD83D\uDE00 x', REPEAT('é', 3000),"
                    + " '{\"a\": [1, 2]}', 'c d', 'x,y', x'00FF00', x'01020304', x'00',"
                    + " '123e4567-e89b-12d3-a456-426614174000', '::1')");
            st.execute("INSERT INTO every_type (id, dt, dtm, dtm6, ts6) VALUES (2, '0000-00-00', '0000-00-00 00:00:00',"
                    + " '2024-00-10 00:00:00', '0000-00-00 00:00:00')");
            st.execute("INSERT INTO every_type (id) VALUES (3)");
        }
    }

    @AfterAll
    static void stop() throws SQLException {
        if (conn != null) {
            conn.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Reads one row through mappings built from COLUMN_TYPE. */
    private static Map<String, Column> row(int id, SourceReadOptions options) throws SQLException {
        MysqlTypeMapping mapping = new MysqlTypeMapping(options);
        Map<String, SourceColumnMapping> mappings = new LinkedHashMap<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT COLUMN_NAME, COLUMN_TYPE "
                + "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'every_type' "
                + "ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                mappings.put(rs.getString(1), mapping.map(rs.getString(1), rs.getString(2)));
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

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void edgeValuesReadExactly() throws SQLException {
        Map<String, Column> r = row(1, SourceReadOptions.defaults());
        assertEquals(BigInteger.valueOf(-128), r.get("ti").getRawData());
        assertEquals(BigInteger.valueOf(2), r.get("ti1").getRawData());
        assertEquals(BigInteger.valueOf(255), r.get("tiu").getRawData());
        assertEquals(BigInteger.valueOf(65535), r.get("siu").getRawData());
        assertEquals(BigInteger.valueOf(-8388608), r.get("mi").getRawData());
        assertEquals(BigInteger.valueOf(16777215), r.get("miu").getRawData());
        assertEquals(BigInteger.valueOf(4294967295L), r.get("iu").getRawData());
        assertEquals(BigInteger.valueOf(Long.MIN_VALUE), r.get("bi").getRawData());
        assertEquals(new BigInteger("18446744073709551615"), r.get("biu").getRawData());
        assertEquals(BigInteger.valueOf(42), r.get("izf").getRawData());
        assertEquals("12345678901234567890123456789012345.123456789012345678901234567890", r.get("d").getRawData());
        assertEquals("-1.50", r.get("d2").getRawData());
        assertEquals("3.14", r.get("f").getRawData());
        assertEquals("0.1", r.get("db").getRawData());
        assertEquals(Boolean.TRUE, r.get("b1").getRawData());
        assertEquals(new BigInteger("18446744073709551615"), r.get("b64").getRawData());
        assertEquals(BigInteger.valueOf(2024), r.get("y").getRawData());
        assertEquals(millis("1000-01-01T00:00:00Z"), r.get("dt").getRawData());
        assertEquals(DateColumn.DateType.DATE, ((DateColumn) r.get("dt")).getSubType());
        assertEquals(millis("9999-12-31T23:59:59Z"), r.get("dtm").getRawData());
        assertEquals(millis("2024-01-02T03:04:05.123Z"), r.get("dtm3").getRawData());
        assertEquals("2024-01-02 03:04:05.123456", r.get("dtm6").getRawData());
        assertEquals("2024-01-02T03:04:05.123456Z", r.get("ts6").getRawData());
        assertEquals("-838:59:59.000000", r.get("tm").getRawData());
        assertEquals("ab", r.get("c").getRawData());
        assertEquals("\uD83D\uDE00 x", r.get("vc").getRawData());
        assertEquals("é".repeat(3000), r.get("tx").getRawData());
        assertEquals("{\"a\": [1, 2]}", r.get("js").getRawData());
        assertEquals("c d", r.get("e").getRawData());
        assertEquals("x,y", r.get("st").getRawData());
        assertArrayEquals(new byte[]{0, -1, 0}, (byte[]) r.get("bl").getRawData());
        assertArrayEquals(new byte[]{1, 2, 3, 4}, (byte[]) r.get("bn").getRawData());
        assertArrayEquals(new byte[]{0}, (byte[]) r.get("vb").getRawData());
        assertEquals("123e4567-e89b-12d3-a456-426614174000", r.get("u").getRawData());
        assertEquals("::1", r.get("ip").getRawData());
    }

    @Test
    void zeroDatesAreNullByDefaultAndErrorsOnRequest() throws SQLException {
        Map<String, Column> r = row(2, SourceReadOptions.defaults());
        for (String c : new String[]{"dt", "dtm", "dtm6", "ts6"}) {
            assertNull(r.get(c).getRawData(), c);
        }
        SourceValueException e = assertThrows(SourceValueException.class,
                () -> row(2, SourceReadOptions.defaults().withZeroDates(InvalidDateBehavior.EXCEPTION)));
        assertEquals("dt", e.column());
        assertTrue(e.value().startsWith("0000-00-00"), e.getMessage());
    }

    @Test
    void nullsAreTypedColumns() throws SQLException {
        Map<String, Column> r = row(3, SourceReadOptions.defaults());
        r.forEach((name, c) -> {
            if (!name.equals("id")) {
                assertNull(c.getRawData(), name);
            }
        });
    }

    @Test
    void optionsOnARealRow() throws SQLException {
        Map<String, Column> r = row(1, SourceReadOptions.defaults().withFractionalSeconds(FractionalSeconds.MILLIS)
                .withTimeOfDay(TimeOfDay.TEXT));
        assertEquals(millis("2024-01-02T03:04:05.123Z"), r.get("dtm6").getRawData());
        assertEquals(millis("2024-01-02T03:04:05.123Z"), r.get("ts6").getRawData());
        SourceValueException e = assertThrows(SourceValueException.class,
                () -> row(1, SourceReadOptions.defaults().withTinyInt1AsBool(true)));
        assertEquals("ti1", e.column());
        assertThrows(SourceValueException.class, () -> row(1, SourceReadOptions.defaults().withTimeOfDay(TimeOfDay.DATE_COLUMN)));
    }

    @Test
    void resultSetMetaDataTypeNamesParse() throws SQLException {
        // What a querySql reader sees instead of COLUMN_TYPE.
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT biu, iu, d, dtm6 FROM every_type WHERE id = 1")) {
            assertTrue(rs.next());
            assertEquals("UInt64", new MysqlTypeMapping(SourceReadOptions.defaults())
                    .map("biu", rs.getMetaData().getColumnTypeName(1)).clickHouseType().toString());
            assertEquals("UInt32", new MysqlTypeMapping(SourceReadOptions.defaults())
                    .map("iu", rs.getMetaData().getColumnTypeName(2)).clickHouseType().toString());
        }
    }
}
