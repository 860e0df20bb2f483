package io.chpack.clickhousereader.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import io.chpack.clickhousereader.client.ConnectionSettings;
import io.chpack.clickhousereader.plan.ReadSplit;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.testkit.ClickHouseServer;

/** Retry and failover of one split against a real server (and a dead endpoint). */
class SplitReaderOnServerTest {
    private static ClickHouseServer server;
    private final List<Record> sent = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = ClickHouseServer.start();
        server.query("CREATE TABLE t (id UInt64, s String) ENGINE = MergeTree ORDER BY id");
        server.query("INSERT INTO t SELECT number, toString(number) FROM numbers(5000)");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String live() {
        return "http://127.0.0.1:" + server.httpPort();
    }

    private static ReadSplit split(String sql, String... urls) {
        List<ReadSplit.Source> sources = new ArrayList<>();
        for (String u : urls) {
            sources.add(new ReadSplit.Source(u, 0));
        }
        return new ReadSplit(0, "test split", sql, "default", null, sources, List.of("id", "s"),
                List.of("UInt64", "String"), "chpack-read-test-" + System.nanoTime(), Collections.emptyMap(), "UTC");
    }

    private void read(ReadSplit split, int retryTimes) {
        ConnectionSettings cs = new ConnectionSettings("default", "", "default", 2000, 60000, Collections.emptyMap());
        RecordSender sender = new RecordSender() {
            public Record createRecord() {
                return new RowStreamReaderTest.ListRecord();
            }

            public void sendToWriter(Record r) {
                sent.add(r);
            }

            public void flush() {
            }

            public void terminate() {
            }

            public void shutdown() {
            }
        };
        TaskPluginCollector collector = new TaskPluginCollector() {
            public void collectDirtyRecord(Record r, Throwable t, String m) {
            }

            public void collectMessage(String k, String v) {
            }
        };
        new SplitReader(split, cs, ConversionOptions.builder(ZoneOffset.UTC).build(), retryTimes, 1, sender, collector).run();
    }

    @Test
    void deadFirstSourceFailsOverBeforeAnyRow() {
        read(split("SELECT toUInt8(1) AS __chpack_row, id, s FROM t", "http://127.0.0.1:1", live()), 0);
        assertEquals(5000, sent.size());
    }

    @Test
    void retriesEndWithAMessageListingEveryAttempt() {
        DataXException e = assertThrows(DataXException.class,
                () -> read(split("SELECT toUInt8(1) AS __chpack_row, id, s FROM t", "http://127.0.0.1:1"), 2));
        assertTrue(e.getMessage().contains("failed 3 times, nothing was sent") && e.getMessage().contains("cannot connect"),
                e.getMessage());
        assertEquals(0, sent.size());
    }

    @Test
    void fatalErrorIsNotRetried() {
        DataXException e = assertThrows(DataXException.class,
                () -> read(split("SELECT toUInt8(1) AS __chpack_row, id, s FROM no_such_table", live(), live()), 5));
        assertTrue(e.getMessage().contains("server code 60"), e.getMessage());
    }

    @Test
    void schemaChangedSincePlanningIsRefused() {
        ReadSplit s = new ReadSplit(0, "changed", "SELECT toUInt8(1) AS __chpack_row, id, toString(s) AS s FROM t", "default",
                null, List.of(new ReadSplit.Source(live(), 0)), List.of("id", "s"), List.of("UInt32", "String"),
                "chpack-read-changed", Collections.emptyMap(), "UTC");
        DataXException e = assertThrows(DataXException.class, () -> read(s, 0));
        assertTrue(e.getMessage().contains("changed since planning"), e.getMessage());
    }
}
