package io.chpack.clickhousewriter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.runner.JobResult;
import io.chpack.testkit.ClickHouseServer;

/** Stock-style jobs through the engine and the shaded jar against ClickHouse 18.16. */
@Timeout(120)
class BasicJobIT {
    static ClickHouseServer ch;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        ch = ClickHouseServer.builder().user("writer", "s3cret-pw").start();
    }

    @AfterAll
    static void stop() {
        if (ch != null) {
            ch.close();
        }
    }

    private static final String COLS = "[{\"type\":\"long\",\"incr\":\"1\"},{\"type\":\"string\",\"random\":\"3,8\"},"
            + "{\"type\":\"date\",\"random\":\"2024-01-01 00:00:00,2024-03-31 23:59:59\"}]";

    @Test
    void stockKeyJobRunsUnchangedWithPreAndPostSql() {
        ch.query("CREATE TABLE stock (id UInt64, s String, d Date) ENGINE = MergeTree() PARTITION BY toYYYYMM(d) "
                + "ORDER BY id");
        ch.query("CREATE TABLE stock_log (event String) ENGINE = Log");
        ch.query("INSERT INTO stock VALUES (999999, 'old', '2020-01-01')");
        String writer = "{\"username\":\"writer\",\"password\":\"s3cret-pw\",\"column\":[\"id\",\"s\",\"d\"],"
                + "\"connection\":[{\"jdbcUrl\":\"" + ch.jdbcUrl("default") + "\",\"table\":[\"stock\"]}],"
                + "\"preSql\":[\"TRUNCATE TABLE @table\"],\"postSql\":[\"INSERT INTO stock_log VALUES ('@table done')\"],"
                + "\"batchSize\":2048,\"batchByteSize\":33554432,\"writeMode\":\"insert\"}";
        JobResult r = new WriterHome(dir).run(Jobs.stream(2, 5000, COLS, writer));
        assertTrue(r.isSuccess(), r::toString);
        assertEquals("10000", ch.query("SELECT count() FROM stock").trim());
        assertEquals("0", ch.query("SELECT count() FROM stock WHERE id = 999999").trim());
        assertEquals("stock done", ch.query("SELECT event FROM stock_log").trim());
        assertEquals(10000, r.writeSucceedRecords());
        assertEquals(0, r.errorRecords());
        assertFalse(r.toString().contains("s3cret-pw"));
    }

    @Test
    void starColumnsTakeEveryInsertableColumnInTableOrder() {
        ch.query("CREATE TABLE star (id UInt64, s String, d Date, m UInt64 MATERIALIZED id * 2) ENGINE = MergeTree() "
                + "ORDER BY id");
        JobResult r = new WriterHome(dir).run(Jobs.stream(1, 1000, COLS,
                Jobs.writer(ch.jdbcUrl("default"), "star", "[\"*\"]", "")));
        assertTrue(r.isSuccess(), r::toString);
        assertEquals("1000\t500500\t1001000", ch.query("SELECT count(), sum(id), sum(m) FROM star").trim());
    }
}
