package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.cdc.CdcTestSupport.ChTarget;
import io.chpack.aurorareader.cdc.CdcTestSupport.ListRecord;
import io.chpack.aurorareader.cdc.CdcTestSupport.ListSink;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Binlog CDC against a real MariaDB 10.11, applied to a real ClickHouse 18.16 ReplacingMergeTree. */
class BinlogChangeSourceTest {
    private static MariaDbServer db;
    private static ClickHouseServer ch;

    @BeforeAll
    static void start() {
        db = MariaDbServer.start();
        ch = ClickHouseServer.start();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
        if (ch != null) {
            ch.close();
        }
    }

    static Connection connectTo(MariaDbServer server) throws SQLException {
        MariaDbServer saved = db;
        db = server;
        try {
            return connect(server.user(), server.rootPassword());
        } finally {
            db = saved;
        }
    }

    static Connection connect(String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        Connection c = new org.mariadb.jdbc.Driver().connect(db.jdbcUrl().replace("jdbc:mysql:", "jdbc:mariadb:"), p);
        try (Statement st = c.createStatement()) {
            st.execute("SET time_zone = '+00:00'"); // the full load's session zone (SourceReadOptions default UTC)
            st.execute("SET sql_mode = ''"); // zero dates allowed
        }
        return c;
    }

    static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    static CdcSettings settings(String user, String password, String... tables) {
        CdcSettings.Builder b = CdcSettings.builder().jdbcUrl(db.jdbcUrl()).username(user).password(password)
                .timeoutMillis(60_000);
        for (String t : tables) {
            b.table(t);
        }
        return b.build();
    }

    static final String ALL_TYPES = "CREATE TABLE alltypes (id BIGINT UNSIGNED PRIMARY KEY, ti TINYINT, "
            + "tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT, miu MEDIUMINT UNSIGNED, "
            + "i INT, iu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED, dec1 DECIMAL(65,30), dec2 DECIMAL(10,0), "
            + "dec3 DECIMAL(5,2), f FLOAT, d DOUBLE, b1 BIT(1), b12 BIT(12), b64 BIT(64), y YEAR, dt DATE, "
            + "dtm DATETIME, dtm3 DATETIME(3), dtm6 DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, "
            + "ts0 TIMESTAMP NULL DEFAULT NULL, tm TIME, tm3 TIME(3), tm6 TIME(6), c CHAR(10), vc VARCHAR(100), "
            + "vcl VARCHAR(20) CHARACTER SET latin1, tx TEXT, mtx MEDIUMTEXT, bin BINARY(8), vbin VARBINARY(20), "
            + "bl BLOB, js JSON, en ENUM('a','b''c','ü'), st SET('x','y','z'), u UUID, flag BOOL)";

    static final String[] ALL_TYPES_ROWS = {
        "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
            + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
            + "NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        "(2, -128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295, -9223372036854775808, "
            + "18446744073709551615, '-12345678901234567890123456789012345.123456789012345678901234567890', "
            + "9999999999, -999.99, 3.4028235e38, 1.7976931348623157e308, b'1', b'101010101010', "
            + "b'1111111111111111111111111111111111111111111111111111111111111111', 2155, '9999-12-31', "
            + "'9999-12-31 23:59:59', '9999-12-31 23:59:59.999', '9999-12-31 23:59:59.999999', "
            + "'2038-01-19 03:14:07.999999', '1970-01-01 00:00:01', '838:59:59', '-838:59:59.999', "
            + "'-00:00:00.000001', '日本語', 'emoji 😀 tab\\there', 'café', 'line1\\nline2 \\\\ \"q\"', REPEAT('x', 5000), "
            + "'ab', X'00FF0001', X'DEADBEEF00', '{\"a\": [1, 2.5, \"x\"], \"b\": null}', 'b''c', 'x,z', "
            + "'123e4567-e89b-12d3-a456-426614174000', 1)",
        "(3, 127, 0, 32767, 0, 8388607, 0, 2147483647, 0, 9223372036854775807, 0, 0.000000000000000000000000000001, "
            + "-9999999999, 0.01, -1.17549435e-38, -4.9e-324, b'0', b'000000000001', b'0', 0, '0000-00-00', "
            + "'0000-00-00 00:00:00', '1000-01-01 00:00:00.001', '2024-02-29 12:34:56.000001', '1970-01-01 00:00:01', "
            + "NULL, '00:00:00', '-00:00:01.500', '23:59:59.999999', '', '', '', '', '', X'', X'', X'', '[]', 'ü', "
            + "'', '00000000-0000-0000-0000-000000000000', 0)",
        "(4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.5, 1, 1.5, 0.1, 0.1, b'1', b'1', b'10', 1901, '2024-01-01', "
            + "'2024-03-31 02:30:00', '2024-10-27 02:30:00.5', '1999-12-31 23:59:59.5', '2024-03-31 01:30:00.123456', "
            + "'2000-01-01 00:00:00', '-12:00:00', '12:34:56.7', '-838:59:59.000000', 'trail  ', ' lead', 'ÿ', "
            + "'ü', 'ü', X'0102030405060708', X'00', X'00000000', '\"str\"', 'a', 'x,y,z', "
            + "'ffffffff-ffff-ffff-ffff-ffffffffffff', 1)"};

    @Test
    void snapshotThenTwoBoundedRunsEqualTheSourceInClickHouse() throws Exception {
        try (Connection c = connect(db.user(), db.rootPassword())) {
            exec(c, "CREATE TABLE items (id INT PRIMARY KEY, name VARCHAR(50), qty INT UNSIGNED, price DECIMAL(10,2))",
                    ALL_TYPES);
            exec(c, "INSERT INTO items VALUES (1, 'one', 1, 1.10), (2, 'two', 2, 2.20), (3, 'three', 3, 3.30), "
                    + "(4, 'four', 4294967295, 4.40)");
            exec(c, "INSERT INTO alltypes VALUES " + ALL_TYPES_ROWS[0] + ", " + ALL_TYPES_ROWS[1]);

            try (BinlogChangeSource items = new BinlogChangeSource(settings(db.user(), db.rootPassword(), "items"));
                    BinlogChangeSource all = new BinlogChangeSource(settings(db.user(), db.rootPassword(),
                            db.database() + ".alltypes"))) {
                items.checkPrerequisites();
                CdcTable itemsTable = items.describe(db.database(), "items");
                CdcTable allTable = all.describe(db.database(), "alltypes");
                ChTarget chItems = new ChTarget(ch, "items", itemsTable.columnNames, itemsTable.key);
                ChTarget chAll = new ChTarget(ch, "alltypes", allTable.columnNames, allTable.key);

                // Hand-off: the full load records the position first, then reads; a change in between is
                // both in the snapshot and replayed by CDC, and the version column absorbs the replay.
                items.prepareHandOff();
                CdcPosition start = items.handOffPosition();
                exec(c, "UPDATE items SET name = 'one (before snapshot)' WHERE id = 1");
                chItems.insertSnapshot(CdcTestSupport.readSource(c, "SELECT * FROM items", itemsTable.mappings));
                chAll.insertSnapshot(CdcTestSupport.readSource(c, "SELECT * FROM alltypes", allTable.mappings));

                // Changes for run 1.
                exec(c, "INSERT INTO items VALUES (5, 'five', 5, 5.50)",
                        "UPDATE items SET qty = 4294967294, price = price * 2 WHERE id = 2",
                        "UPDATE items SET id = 30, name = 'three→thirty' WHERE id = 3",
                        "DELETE FROM items WHERE id = 4",
                        "FLUSH BINARY LOGS"); // the run crosses a file boundary: versions keep growing
                c.setAutoCommit(false);
                exec(c, "INSERT INTO items VALUES (6, 'six', 6, 6.60)", "UPDATE items SET name = 'six!' WHERE id = 6",
                        "UPDATE items SET id = 7 WHERE id = 6", "DELETE FROM items WHERE id = 5",
                        "INSERT INTO items VALUES (5, 'five again', 55, 55.55)");
                c.commit();
                exec(c, "INSERT INTO items VALUES (100, 'rolled back', 1, 1)", "UPDATE items SET name = 'nope' "
                        + "WHERE id = 1", "DELETE FROM items WHERE id = 2");
                c.rollback();
                c.setAutoCommit(true);
                exec(c, "INSERT INTO alltypes VALUES " + ALL_TYPES_ROWS[2] + ", " + ALL_TYPES_ROWS[3],
                        "UPDATE alltypes SET vc = 'updated ✓', biu = 18446744073709551614, tm6 = '-01:02:03.000004', "
                                + "dtm6 = '2000-01-01 00:00:00.000001', st = 'y', en = 'a', b64 = b'0' WHERE id = 2",
                        "UPDATE alltypes SET id = 20 WHERE id = 1",
                        "DELETE FROM alltypes WHERE id = 3");

                CdcPosition end1 = items.currentPosition();
                ListSink s1 = new ListSink();
                CdcRunStats st1 = items.read(start, end1, s1);
                ListSink a1 = new ListSink();
                all.read(start, end1, a1);
                for (ListRecord r : s1.records) {
                    assertTrue(!r.toString().contains("rolled back") && !r.toString().contains("nope"),
                            "rolled-back change leaked: " + r);
                }
                assertEquals(end1, st1.end());
                assertTrue(end1.fileIndex() > start.fileIndex(), start + " → " + end1);
                for (int i = 1; i < s1.records.size(); i++) {
                    int w = itemsTable.width();
                    assertTrue(Long.parseLong(s1.records.get(i).getColumn(w + 1).asString())
                            > Long.parseLong(s1.records.get(i - 1).getColumn(w + 1).asString()), "versions grow");
                }
                // 1 replayed update + insert + update + key change (2) + delete + tx (insert, update, key change
                // (2), delete, insert) = 12 records
                assertEquals(12, st1.records(), st1.toString());
                chItems.apply(s1.records);
                chAll.apply(a1.records);
                assertEquals(CdcTestSupport.encode(CdcTestSupport.readSource(c, "SELECT * FROM items",
                        itemsTable.mappings)), chItems.finalRows());
                assertSameRows(CdcTestSupport.encode(CdcTestSupport.readSource(c, "SELECT * FROM alltypes",
                        allTable.mappings)), chAll.finalRows());

                // Run 2 is bounded: a writer keeps inserting while it runs; nothing after its end gets in.
                exec(c, "UPDATE items SET name = 'two, run 2' WHERE id = 2", "DELETE FROM items WHERE id = 30",
                        "UPDATE alltypes SET js = '{\"k\": \"v\"}', dt = '2001-02-03' WHERE id = 4");
                CdcPosition end2 = items.currentPosition();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger written = new AtomicInteger();
                List<Throwable> writerErrors = new ArrayList<>();
                try (Connection w = connect(db.user(), db.rootPassword())) {
                    exec(w, "INSERT INTO items VALUES (1000, 'after end', 0, 0)");
                    written.incrementAndGet();
                    Thread writer = new Thread(() -> {
                        try {
                            while (running.get()) {
                                int id = 1000 + written.incrementAndGet();
                                exec(w, "INSERT INTO items VALUES (" + id + ", 'after end', 0, 0)");
                            }
                        } catch (Throwable t) {
                            writerErrors.add(t);
                        }
                    });
                    writer.start();
                    ListSink s2 = new ListSink();
                    try {
                        items.read(end1, end2, s2);
                    } finally {
                        running.set(false);
                        writer.join();
                    }
                    assertTrue(writerErrors.isEmpty(), writerErrors.toString());
                    for (ListRecord r : s2.records) {
                        assertTrue(Long.parseLong(r.getColumn(0).asString()) < 1000, "beyond the end: " + r);
                    }
                    assertEquals(2, s2.records.size(), s2.records.toString());
                    chItems.apply(s2.records);
                    ListSink a2 = new ListSink();
                    all.read(end1, end2, a2);
                    chAll.apply(a2.records);
                }
                assertTrue(written.get() >= 1);
                // One source, two tables: records start with _table and keep each table's own width.
                try (BinlogChangeSource both = new BinlogChangeSource(settings(db.user(), db.rootPassword(), "items",
                        db.database() + ".alltypes"))) {
                    ListSink s = new ListSink();
                    both.read(end1, end2, s);
                    assertEquals(3, s.records.size(), s.records.toString());
                    int seenItems = 0;
                    for (ListRecord r : s.records) {
                        String table = r.getColumn(0).asString();
                        int width = table.equals(db.database() + ".items") ? itemsTable.width() : allTable.width();
                        seenItems += table.endsWith(".items") ? 1 : 0;
                        assertEquals(1 + width + 4, r.getColumnNumber(), r.toString());
                    }
                    assertEquals(2, seenItems);
                }
                // The next run picks up what the writer added.
                CdcPosition end3 = items.currentPosition();
                ListSink s3 = new ListSink();
                items.read(end2, end3, s3);
                assertEquals(written.get(), s3.records.size());
                chItems.apply(s3.records);
                ListSink a3 = new ListSink();
                all.read(end2, end3, a3);
                assertEquals(0, a3.records.size());
                // An empty run (from == to) reads nothing and does not connect.
                assertEquals(0, items.read(end3, end3, new ListSink()).records());

                assertEquals(CdcTestSupport.encode(CdcTestSupport.readSource(c, "SELECT * FROM items",
                        itemsTable.mappings)), chItems.finalRows());
                assertSameRows(CdcTestSupport.encode(CdcTestSupport.readSource(c, "SELECT * FROM alltypes",
                        allTable.mappings)), chAll.finalRows());
                // Without FINAL the replaced and deleted versions are still there (unless merged): the view needs it.
                assertTrue(Long.parseLong(ch.query("SELECT count() FROM items").trim()) >= written.get() + 5);
            }
        }
    }

    static void assertSameRows(List<String> expected, List<String> actual) {
        if (!expected.equals(actual)) {
            StringBuilder sb = new StringBuilder("rows differ\nexpected:\n");
            for (String e : expected) {
                sb.append("  ").append(CdcTestSupport.readable(e)).append('\n');
            }
            sb.append("actual:\n");
            for (String a : actual) {
                sb.append("  ").append(CdcTestSupport.readable(a)).append('\n');
            }
            throw new AssertionError(sb.toString());
        }
    }

    /**
     * The hand-off position: MariaDB's consistent-snapshot position (equal to SHOW MASTER STATUS when nothing is in
     * flight, and not moved by an open transaction, whose change is logged at its commit, after the position); and
     * the MySQL fallback, which must not return while a transaction that started before the position is open (until
     * its 10 s bound), and returns once it has ended.
     */
    @Test
    void handOffPositionIsConsistentWithTransactionVisibility() throws Exception {
        try (Connection c = connect(db.user(), db.rootPassword());
                Connection other = connect(db.user(), db.rootPassword())) {
            exec(c, "CREATE TABLE hand (id INT PRIMARY KEY, v INT)", "INSERT INTO hand VALUES (1, 1)");
            try (BinlogChangeSource s = new BinlogChangeSource(settings(db.user(), db.rootPassword(), "hand"))) {
                assertEquals(s.currentPosition(), s.consistentSnapshotPosition());
                assertEquals(s.currentPosition(), s.handOffPosition());

                other.setAutoCommit(false);
                exec(other, "UPDATE hand SET v = 2 WHERE id = 1");
                CdcPosition p = s.handOffPosition();
                assertEquals(s.currentPosition(), p, "an open transaction is not in the log yet");
                long t0 = System.nanoTime();
                s.waitForTransactionsStartedBefore(p);
                long waitedMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(waitedMs >= 10_000, "the fallback waited for the open transaction: " + waitedMs + " ms");
                other.commit();

                CdcPosition q = s.currentPosition();
                assertTrue(q.compareTo(p) > 0);
                t0 = System.nanoTime();
                s.waitForTransactionsStartedBefore(q);
                waitedMs = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(waitedMs < 10_000, "nothing open: no wait beyond the cache refresh: " + waitedMs + " ms");
                ListSink changes = new ListSink();
                s.read(p, q, changes);
                assertEquals(1, changes.records.size(), "the transaction open at the hand-off is replayed");
            }
        }
    }

    @Test
    void clickHouse1816HasNoIsDeletedArgument() {
        // ReplacingMergeTree(ver, is_deleted) arrived in 23.2; 18.16 refuses it, hence _is_deleted in the WHERE.
        ch.query("DROP TABLE IF EXISTS rmt_probe");
        Exception e = assertThrows(RuntimeException.class, () -> ch.query("CREATE TABLE rmt_probe (k UInt8, "
                + "_version UInt64, _is_deleted UInt8) ENGINE = ReplacingMergeTree(_version, _is_deleted) ORDER BY k"));
        assertTrue(e.getMessage().contains("Code: 42") || e.getMessage().contains("Code: 36")
                || e.getMessage().contains("parameters"), e.getMessage());
    }

    @Test
    void missingPrivilegesAreNamed() throws Exception {
        try (Connection c = connect(db.user(), db.rootPassword())) {
            exec(c, "CREATE TABLE IF NOT EXISTS priv_t (id INT PRIMARY KEY)",
                    "CREATE USER IF NOT EXISTS 'noslave'@'%' IDENTIFIED BY 'pw'",
                    "GRANT SELECT ON *.* TO 'noslave'@'%'");
        }
        try (BinlogChangeSource s = new BinlogChangeSource(settings("noslave", "pw", "priv_t"))) {
            DataXException e = assertThrows(DataXException.class, s::checkPrerequisites);
            assertEquals(CdcErrorCode.MISSING_REPLICATION_PRIVILEGE, e.getErrorCode());
            assertTrue(e.getMessage().contains("GRANT REPLICATION SLAVE"), e.getMessage());
            DataXException e2 = assertThrows(DataXException.class, s::currentPosition);
            assertEquals(CdcErrorCode.MISSING_REPLICATION_PRIVILEGE, e2.getErrorCode(), e2.getMessage());
        }
    }

    @Test
    void purgedPositionAndUnknownTableAreNamed() throws Exception {
        try (Connection c = connect(db.user(), db.rootPassword())) {
            exec(c, "CREATE TABLE IF NOT EXISTS purge_t (id INT PRIMARY KEY)");
        }
        try (BinlogChangeSource s = new BinlogChangeSource(settings(db.user(), db.rootPassword(), "purge_t"))) {
            CdcPosition now = s.currentPosition();
            DataXException e = assertThrows(DataXException.class, () -> s.read(CdcPosition.binlog("mysql-bin.000000",
                    4), now, new ListSink()));
            assertEquals(CdcErrorCode.BINLOG_PURGED, e.getErrorCode());
            assertTrue(e.getMessage().contains("new snapshot"), e.getMessage());
        }
        try (BinlogChangeSource s = new BinlogChangeSource(settings(db.user(), db.rootPassword(), "no_such_table"))) {
            CdcPosition now = s.currentPosition();
            CdcPosition earlier = CdcPosition.binlog(now.file(), 4);
            DataXException e = assertThrows(DataXException.class, () -> s.read(earlier, now, new ListSink()));
            assertEquals(CdcErrorCode.UNKNOWN_TABLE, e.getErrorCode());
        }
    }

    @Test
    void statementFormatIsNamed() {
        try (MariaDbServer stmt = MariaDbServer.builder().extraArgs("--binlog-format=STATEMENT").start();
                BinlogChangeSource s = new BinlogChangeSource(CdcSettings.builder().jdbcUrl(stmt.jdbcUrl())
                        .username(stmt.user()).password(stmt.rootPassword()).table("t").build())) {
            DataXException e = assertThrows(DataXException.class, s::checkPrerequisites);
            assertEquals(CdcErrorCode.BINLOG_FORMAT_NOT_ROW, e.getErrorCode());
            assertTrue(e.getMessage().contains("STATEMENT"), e.getMessage());
        }
    }

    @Test
    void positionsRoundTripAndOrder() {
        CdcPosition a = CdcPosition.parse("binlog:mysql-bin.000009:1234");
        CdcPosition b = CdcPosition.parse("binlog:mysql-bin.000010:4");
        assertEquals("binlog:mysql-bin.000009:1234", a.toString());
        assertTrue(a.compareTo(b) < 0);
        assertEquals("lsn:16/B374D848", CdcPosition.parse("lsn:16/b374d848").toString());
        assertTrue(CdcPosition.lsn("0/10").compareTo(CdcPosition.lsn("1/0")) < 0);
        assertThrows(IllegalArgumentException.class, () -> CdcPosition.parse("gtid:xyz"));
    }
}
