package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.cdc.CdcTestSupport.ChTarget;
import io.chpack.aurorareader.cdc.CdcTestSupport.ListRecord;
import io.chpack.aurorareader.cdc.CdcTestSupport.ListSink;
import io.chpack.testkit.ClickHouseServer;
import io.chpack.testkit.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
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

/** pgoutput CDC against a real PostgreSQL 15, applied to a real ClickHouse 18.16 ReplacingMergeTree. */
class PgChangeSourceTest {
    private static PostgresServer pg;
    private static ClickHouseServer ch;

    @BeforeAll
    static void start() {
        pg = PostgresServer.start();
        ch = ClickHouseServer.start();
    }

    @AfterAll
    static void stop() {
        if (pg != null) {
            pg.close();
        }
        if (ch != null) {
            ch.close();
        }
    }

    static Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", pg.user());
        p.setProperty("password", pg.password());
        return new org.postgresql.Driver().connect(pg.jdbcUrl(), p);
    }

    static void exec(Connection c, String... sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    static String one(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static CdcSettings.Builder settings(String slot, String publication, String... tables) {
        CdcSettings.Builder b = CdcSettings.builder().jdbcUrl(pg.jdbcUrl()).username(pg.user())
                .password(pg.password()).slot(slot).publication(publication).timeoutMillis(60_000);
        for (String t : tables) {
            b.table(t);
        }
        return b;
    }

    static final String ALL_TYPES = "CREATE TABLE alltypes (id bigint PRIMARY KEY, si smallint, i integer, "
            + "bi bigint, n numeric(20,5), nu numeric, r real, d double precision, b boolean, ba bytea, dt date, "
            + "ts timestamp(6), ts3 timestamp(3), tstz timestamptz, tm time, tmtz timetz, iv interval, u uuid, "
            + "j json, jb jsonb, t text, vc varchar(10), c char(5), ip inet, cidr cidr, mac macaddr, bt bit(4), "
            + "vb varbit, ia integer[], ta text[], m money, e mood, pt point, rg int4range, big text)";

    static final String[] ALL_TYPES_ROWS = {
        "(1, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
            + "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)",
        "(2, -32768, -2147483648, -9223372036854775808, -123456789012345.12345, "
            + "123456789012345678901234567890.000000000000000000001, 3.4028235e38, 1.7976931348623157e308, true, "
            + "'\\x00ff10'::bytea, '0044-03-15 BC', '2024-02-29 12:34:56.123456', '1999-12-31 23:59:59.999', "
            + "'2024-03-31 02:30:00.654321+05:30', '23:59:59.999999', '12:00:00+05:30', '1 year 2 mons -3 days 04:05:06', "
            + "'123e4567-e89b-12d3-a456-426614174000', '{\"b\": 1, \"a\": [1, 2.5]}', '{\"b\": 1, \"a\": [1, 2.5]}', "
            + "E'tab\\there\\nnewline \\\\ 😀 日本語', 'ü-vc', 'ab', '192.168.0.1/24', '10.0.0.0/8', "
            + "'08:00:2b:01:02:03', B'1010', B'101', '{1,NULL,-3}', '{\"a b\",NULL,\"c\\\"d\"}', '-1234.56', 'happy', "
            + "'(1.5,-2)', '[1,10)', NULL)",
        "(3, 32767, 2147483647, 9223372036854775807, 0.00001, 'NaN', '-Infinity', 'NaN', false, ''::bytea, "
            + "'2000-01-01', '0001-01-01 00:00:00', '2038-01-19 03:14:07.5', '1970-01-01 00:00:00+00', '00:00:00', "
            + "'00:00:00-03', '0 seconds', '00000000-0000-0000-0000-000000000000', '[]', '{}', '', '', ' ', '::1', "
            + "'::/0', '00:00:00:00:00:00', B'0000', B'', '{}', '{}', '0', 'sad', '(0,0)', 'empty', NULL)"};

    @Test
    void snapshotThenTwoBoundedRunsEqualTheSourceInClickHouse() throws Exception {
        try (Connection c = connect()) {
            exec(c, "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
                    "CREATE TABLE items (id int PRIMARY KEY, name text, qty bigint, price numeric(10,2))",
                    "ALTER TABLE items REPLICA IDENTITY FULL", ALL_TYPES, "ALTER TABLE alltypes REPLICA IDENTITY FULL");
            exec(c, "INSERT INTO items VALUES (1, 'one', 1, 1.10), (2, 'two', 2, 2.20), (3, 'three', 3, 3.30), "
                    + "(4, 'four', 4, 4.40)", "INSERT INTO alltypes VALUES " + ALL_TYPES_ROWS[0] + ", "
                    + ALL_TYPES_ROWS[1]);
            // The slot does not exist yet: createSlot makes it (and the publication) at hand-off time.
            try (PgChangeSource items = new PgChangeSource(settings("cdc_items", "pub_items", "items")
                    .createSlot(true).build());
                    PgChangeSource all = new PgChangeSource(settings("cdc_all", "pub_all", "public.alltypes")
                            .createSlot(true).readOptions(io.chpack.common.mapping.SourceReadOptions.defaults()
                                    .withNumericNaNAsNull(true)).build())) {
                items.prepareHandOff();
                all.prepareHandOff();
                items.checkPrerequisites();
                all.checkPrerequisites();
                CdcTable itemsTable = items.describe("public", "items");
                CdcTable allTable = all.describe("public", "alltypes");
                ChTarget chItems = new ChTarget(ch, "pg_items", itemsTable.columnNames, itemsTable.key);
                ChTarget chAll = new ChTarget(ch, "pg_alltypes", allTable.columnNames, allTable.key);

                CdcPosition start = items.handOffPosition();
                exec(c, "UPDATE items SET name = 'one (before snapshot)' WHERE id = 1");
                chItems.insertSnapshot(CdcTestSupport.readSource(c, "SELECT * FROM items", itemsTable.mappings));
                chAll.insertSnapshot(CdcTestSupport.readSource(c, "SELECT * FROM alltypes", allTable.mappings));

                exec(c, "INSERT INTO items VALUES (5, 'five', 5, 5.50)",
                        "UPDATE items SET qty = 9223372036854775807, price = price * 2 WHERE id = 2",
                        "UPDATE items SET id = 30, name = 'three→thirty' WHERE id = 3", "DELETE FROM items WHERE id = 4");
                c.setAutoCommit(false);
                exec(c, "INSERT INTO items VALUES (6, 'six', 6, 6.60)", "UPDATE items SET name = 'six!' WHERE id = 6",
                        "UPDATE items SET id = 7 WHERE id = 6", "DELETE FROM items WHERE id = 5",
                        "INSERT INTO items VALUES (5, 'five again', 55, 55.55)");
                c.commit();
                exec(c, "INSERT INTO items VALUES (100, 'rolled back', 1, 1)",
                        "UPDATE items SET name = 'nope' WHERE id = 1", "DELETE FROM items WHERE id = 2");
                c.rollback();
                c.setAutoCommit(true);
                exec(c, "INSERT INTO alltypes VALUES " + ALL_TYPES_ROWS[2],
                        "UPDATE alltypes SET big = repeat('toast me ', 20000) WHERE id = 2",
                        "UPDATE alltypes SET vc = 'updated ✓', bi = 42, tstz = '2001-01-01 00:00:00-08', e = 'ok', "
                                + "ia = '{7}' WHERE id = 2", // big is TOASTed and unchanged here
                        "UPDATE alltypes SET id = 20 WHERE id = 1", "DELETE FROM alltypes WHERE id = 3");

                CdcPosition end1 = items.currentPosition();
                ListSink s1 = new ListSink();
                CdcRunStats st1 = items.read(start, end1, s1);
                for (ListRecord r : s1.records) {
                    assertTrue(!r.toString().contains("rolled back") && !r.toString().contains("nope"),
                            "rolled-back change leaked: " + r);
                }
                assertEquals(12, st1.records(), s1.records.toString());
                ListSink a1 = new ListSink();
                all.read(start, end1, a1);
                chItems.apply(s1.records);
                chAll.apply(a1.records);
                items.commit(end1);
                all.commit(end1);
                assertEquals(end1.toString(), "lsn:" + one(c, "SELECT confirmed_flush_lsn FROM pg_replication_slots "
                        + "WHERE slot_name = 'cdc_items'"));
                assertEquals(CdcTestSupport.encode(CdcTestSupport.readSource(c, "SELECT * FROM items",
                        itemsTable.mappings)), chItems.finalRows());
                BinlogChangeSourceTest.assertSameRows(CdcTestSupport.encode(CdcTestSupport.readSource(c,
                        "SELECT * FROM alltypes", allTable.mappings)), chAll.finalRows());

                // Run 2 is bounded while a writer keeps committing.
                exec(c, "UPDATE items SET name = 'two, run 2' WHERE id = 2", "DELETE FROM items WHERE id = 30",
                        "UPDATE alltypes SET j = '{\"k\": \"v\"}', dt = '2001-02-03' WHERE id = 2");
                CdcPosition end2 = items.currentPosition();
                AtomicBoolean running = new AtomicBoolean(true);
                AtomicInteger written = new AtomicInteger();
                List<Throwable> writerErrors = new ArrayList<>();
                try (Connection w = connect()) {
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
                    assertEquals(1, a2.records.size());
                    chAll.apply(a2.records);
                }
                // A rerun of an uncommitted run reads the same changes again (the slot was not advanced).
                ListSink again = new ListSink();
                items.read(end1, end2, again);
                assertEquals(2, again.records.size());
                items.commit(end2);
                all.commit(end2);

                CdcPosition end3 = items.currentPosition();
                ListSink s3 = new ListSink();
                items.read(end2, end3, s3);
                assertEquals(written.get(), s3.records.size());
                chItems.apply(s3.records);
                ListSink a3 = new ListSink();
                all.read(end2, end3, a3);
                assertEquals(0, a3.records.size());
                items.commit(end3);
                all.commit(end3);

                assertEquals(CdcTestSupport.encode(CdcTestSupport.readSource(c, "SELECT * FROM items",
                        itemsTable.mappings)), chItems.finalRows());
                BinlogChangeSourceTest.assertSameRows(CdcTestSupport.encode(CdcTestSupport.readSource(c,
                        "SELECT * FROM alltypes", allTable.mappings)), chAll.finalRows());

                // Reading from a position the slot has already confirmed past is refused, not silently skipped.
                DataXException e = assertThrows(DataXException.class, () -> items.read(start, end3, new ListSink()));
                assertEquals(CdcErrorCode.POSITION_MISMATCH, e.getErrorCode());
            }
        }
    }

    @Test
    void missingSlotPublicationAndReplicaIdentityAreNamed() throws Exception {
        try (Connection c = connect()) {
            exec(c, "CREATE TABLE IF NOT EXISTS plain (id int PRIMARY KEY, v text)");
        }
        try (PgChangeSource s = new PgChangeSource(settings("no_such_slot", "no_such_pub", "plain").build())) {
            DataXException e = assertThrows(DataXException.class, s::checkPrerequisites);
            assertEquals(CdcErrorCode.SLOT_MISSING, e.getErrorCode());
            assertTrue(e.getMessage().contains("slot no_such_slot missing"), e.getMessage());
            CdcPosition now = s.currentPosition();
            DataXException e2 = assertThrows(DataXException.class, () -> s.read(CdcPosition.lsn(now.offset() - 1), now,
                    new ListSink()));
            assertEquals(CdcErrorCode.SLOT_MISSING, e2.getErrorCode());
        }
        try (Connection c = connect()) {
            exec(c, "SELECT pg_create_logical_replication_slot('slot_only', 'pgoutput')");
        }
        try (PgChangeSource s = new PgChangeSource(settings("slot_only", "no_such_pub", "plain").build())) {
            DataXException e = assertThrows(DataXException.class, s::checkPrerequisites);
            assertEquals(CdcErrorCode.PUBLICATION_MISSING, e.getErrorCode());
        }
        try (PgChangeSource s = new PgChangeSource(settings("slot_only", "pub_plain", "plain").createSlot(true)
                .requireReplicaIdentityFull(true).build())) {
            DataXException e = assertThrows(DataXException.class, s::checkPrerequisites);
            assertEquals(CdcErrorCode.REPLICA_IDENTITY, e.getErrorCode());
            assertTrue(e.getMessage().contains("REPLICA IDENTITY FULL"), e.getMessage());
        } finally {
            try (Connection c = connect()) {
                exec(c, "SELECT pg_drop_replication_slot('slot_only')");
            }
        }
    }
}
