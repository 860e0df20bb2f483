package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** One real ClickHouse 18.16 for the class; the last test closes it and checks it is gone. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClickHouseServerTest {
    private static ClickHouseServer ch;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.builder().user("alice", "s3cret").start();
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
    }

    @Test
    @Order(1)
    void isTheDebianClickHouseInUtc() {
        assertTrue(ch.query("SELECT version()").startsWith("18.16"), ch.query("SELECT version()"));
        assertTrue(ch.query("SELECT timezone()").trim().endsWith("UTC"));
        assertEquals("jdbc:clickhouse://127.0.0.1:" + ch.httpPort() + "/db1", ch.jdbcUrl("db1"));
        assertEquals("http://127.0.0.1:" + ch.httpPort(), ch.httpUrl());
        assertTrue(ch.tcpPort() > 0 && ch.tcpPort() != ch.httpPort());
    }

    @Test
    @Order(2)
    void mergeTreeInsertAndCount() {
        ch.query("CREATE TABLE default.t (id UInt64, s String, d DateTime) ENGINE = MergeTree ORDER BY id");
        ch.query("INSERT INTO default.t SELECT number, toString(number), toDateTime(86400) FROM numbers(1000)");
        assertEquals("1000", ch.query("SELECT count() FROM default.t").trim());
        assertEquals("1970-01-02 00:00:00", ch.query("SELECT any(d) FROM default.t").trim(), "server time zone is UTC");
    }

    @Test
    @Order(3)
    void errorsCarryTheServerMessage() {
        ClickHouseQueryException e = assertThrows(ClickHouseQueryException.class,
                () -> ch.query("SELECT * FROM default.no_such_table"));
        assertEquals(404, e.httpStatus());
        assertTrue(e.getMessage().contains("Code: 60"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
    }

    @Test
    @Order(4)
    void passwordProtectedUser() {
        assertEquals("1", ch.queryAs("alice", "s3cret", "SELECT 1").trim());
        ClickHouseQueryException e = assertThrows(ClickHouseQueryException.class,
                () -> ch.queryAs("alice", "wrong", "SELECT 1"));
        assertTrue(e.getMessage().contains("Code: 193"), e.getMessage());
    }

    @Test
    @Order(5)
    void stopAndRestartKeepData() {
        ch.stop();
        assertTrue(!ch.isRunning());
        ch.restart();
        assertEquals("1000", ch.query("SELECT count() FROM default.t").trim());
    }

    @Test
    @Order(6)
    void closeStopsProcessFreesPortsAndDeletesScratch() {
        long pid = ch.pid();
        Path scratch = ch.scratchDir();
        ch.close();
        Stopped.assertGone(pid, scratch, ch.httpPort(), ch.tcpPort(), ch.interserverPort());
        ch = null;
    }
}
