package io.chpack.clickhousewriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

class ClickHouseWriterConfigTest {
    private static final String BASE = "\"connection\":[{\"jdbcUrl\":\"jdbc:clickhouse://h1:8123/db\",\"table\":[\"t\"]}]";

    private static ClickHouseWriterConfig parse(String extra) {
        return ClickHouseWriterConfig.parse(Configuration.from("{" + BASE + (extra.isEmpty() ? "" : "," + extra) + "}"));
    }

    private static String error(String json) {
        DataXException e = assertThrows(DataXException.class, () -> ClickHouseWriterConfig.parse(Configuration.from(json)));
        return e.getMessage();
    }

    @Test
    void defaultsOfEveryKey() {
        ClickHouseWriterConfig c = parse("");
        assertEquals("default", c.username);
        assertEquals("", c.password);
        assertEquals(List.of("*"), c.columns);
        assertTrue(c.allColumns());
        assertEquals(List.of("t"), c.tables);
        assertEquals("db", c.url.database());
        assertEquals(65536, c.batchSize);
        assertEquals(64L << 20, c.batchByteSize);
        assertEquals(WriteMode.INSERT, c.mode);
        assertEquals(StagingMode.APPEND, c.stagingMode);
        assertEquals(null, c.jobId);
        assertEquals(10, c.maxRetries);
        assertEquals(500, c.retryBackoffMs);
        assertEquals(30_000, c.maxRetryBackoffMs);
        assertEquals(10_000, c.connectTimeoutMs);
        assertEquals(300_000, c.socketTimeoutMs);
        assertTrue(c.compression);
        assertTrue(c.settings.isEmpty());
        assertEquals(0, c.insertQuorum);
        assertEquals(100, c.maxPartitionsPerBlock);
        assertEquals(360, c.stagingStaleMinutes);
        assertFalse(c.dryRun);
        assertTrue(c.preSql.isEmpty());
        assertTrue(c.postSql.isEmpty());
    }

    @Test
    void everyKeyIsRead() {
        ClickHouseWriterConfig c = parse("\"username\":\"u\",\"password\":\"p\",\"column\":[\"a\",\"`b c`\"],"
                + "\"preSql\":[\"TRUNCATE TABLE @table\"],\"postSql\":[\"OPTIMIZE TABLE @table\"],\"batchSize\":10,"
                + "\"batchByteSize\":2048,\"writeMode\":\"insert\",\"mode\":\"staging\",\"stagingMode\":\"overwrite\","
                + "\"jobId\":\"daily_1\",\"maxRetries\":3,\"retryBackoffMs\":10,\"maxRetryBackoffMs\":20,"
                + "\"connectTimeoutMs\":111,\"socketTimeoutMs\":222,\"compression\":false,"
                + "\"settings\":{\"max_threads\":2,\"insert_deduplicate\":true},\"insertQuorum\":2,"
                + "\"maxPartitionsPerBlock\":7,\"stagingStaleMinutes\":5,\"dryRun\":true,\"timeZone\":\"Asia/Shanghai\"");
        assertEquals("u", c.username);
        assertEquals("p", c.password);
        assertEquals(List.of("a", "b c"), c.columns);
        assertEquals(List.of("TRUNCATE TABLE @table"), c.preSql);
        assertEquals(List.of("OPTIMIZE TABLE @table"), c.postSql);
        assertEquals(10, c.batchSize);
        assertEquals(2048, c.batchByteSize);
        assertEquals(WriteMode.STAGING, c.mode);
        assertEquals(StagingMode.OVERWRITE, c.stagingMode);
        assertEquals("daily_1", c.jobId);
        assertEquals(3, c.maxRetries);
        assertEquals(10, c.retryBackoffMs);
        assertEquals(20, c.maxRetryBackoffMs);
        assertEquals(111, c.connectTimeoutMs);
        assertEquals(222, c.socketTimeoutMs);
        assertFalse(c.compression);
        assertEquals("2", c.settings.get("max_threads"));
        assertEquals("1", c.settings.get("insert_deduplicate"));
        assertEquals(2, c.insertQuorum);
        assertEquals(7, c.maxPartitionsPerBlock);
        assertEquals(5, c.stagingStaleMinutes);
        assertTrue(c.dryRun);
        assertTrue(c.unknownKeys.isEmpty(), c.unknownKeys::toString);
        assertFalse(c.toString().contains("\"p\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"batchSize\":0|parameter.batchSize must be between 1 and 2147483647, got 0",
        "\"batchSize\":\"many\"|parameter.batchSize must be a whole number, got 'many'",
        "\"batchByteSize\":-1|parameter.batchByteSize must be between 1",
        "\"mode\":\"upsert\"|parameter.mode must be one of insert, dedup, staging; got 'upsert'",
        "\"stagingMode\":\"merge\"|parameter.stagingMode must be one of append, overwrite; got 'merge'",
        "\"writeMode\":\"replace\"|parameter.writeMode 'replace' is not supported",
        "\"writeMode\":\"update (id)\"|parameter.writeMode 'update (id)' is not supported",
        "\"jobId\":\"a-b\"|parameter.jobId must be 1-64 letters, digits or underscores",
        "\"compression\":\"yes\"|parameter.compression must be true or false, got 'yes'",
        "\"maxRetries\":-1|parameter.maxRetries must be between 0 and 1000, got -1",
        "\"retryBackoffMs\":100,\"maxRetryBackoffMs\":50|parameter.maxRetryBackoffMs (50) must be >= retryBackoffMs (100)",
        "\"settings\":[1]|parameter.settings must be an object",
        "\"settings\":{\"a b\":1}|parameter.settings has a bad setting name 'a b'",
        "\"settings\":{\"x\":{\"y\":1}}|parameter.settings.x must be a string, number or boolean",
        "\"column\":[]|parameter.column is empty",
        "\"column\":[\"a\",\"a\"]|parameter.column names column 'a' twice",
        "\"column\":[\"*\",\"a\"]|parameter.column mixes \"*\" with column names",
        "\"nullMode\":\"zero\"|parameter.nullMode must be one of error, default; got 'zero'",
        "\"timeZone\":\"Mars/Base\"|parameter.timeZone 'Mars/Base' is not a time zone id",
        "\"maxPartitionsPerBlock\":0|parameter.maxPartitionsPerBlock must be between 1 and 100000, got 0",
    })
    void badValuesNameTheKeyAndTheValue(String extra, String expected) {
        String m = error("{" + BASE + "," + extra + "}");
        assertTrue(m.contains(expected), m);
    }

    @Test
    void connectionErrors() {
        assertTrue(error("{}").contains("parameter.connection is required"));
        assertTrue(error("{\"connection\":[{\"table\":[\"t\"]}]}").contains("parameter.connection[0].jdbcUrl is required"));
        assertTrue(error("{\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\",\"table\":[\"t\"]}]}")
                .contains("parameter.connection[0].jdbcUrl 'jdbc:mysql://h/db' is not a ClickHouse URL"));
        assertTrue(error("{\"connection\":[{\"jdbcUrl\":\"jdbc:clickhouse://h/db\"}]}")
                .contains("parameter.connection[0].table is required"));
        assertTrue(error("{\"connection\":[{\"jdbcUrl\":\"jdbc:clickhouse://h/db\",\"table\":[\"t\"]},"
                + "{\"jdbcUrl\":\"jdbc:clickhouse://h/db\",\"table\":[\"t\"]}]}").contains("has 2 entries"));
        assertTrue(error("{\"connection\":[{\"jdbcUrl\":\"jdbc:clickhouse://h:99999/db\",\"table\":[\"t\"]}]}")
                .contains("bad port '99999'"));
    }

    @Test
    void readerStyleUrlListAndQuotedTablesAreAccepted() {
        ClickHouseWriterConfig c = ClickHouseWriterConfig.parse(Configuration.from(
                "{\"connection\":[{\"jdbcUrl\":[\"jdbc:clickhouse://h1:1,h2:2/db?ssl=true\"],\"table\":[\"`a`\",\"b\"]}]}"));
        assertEquals(List.of("a", "b"), c.tables);
        assertEquals(2, c.url.hosts().size());
        assertTrue(c.url.https());
    }

    @Test
    void emptyPasswordAndMissingPasswordAreAllowed() {
        assertEquals("", parse("\"password\":\"\"").password);
        assertEquals("", parse("").password);
    }

    @Test
    void unknownKeysAreReportedNotRejected() {
        assertEquals(List.of("batchSzie"), parse("\"batchSzie\":5").unknownKeys);
    }

    @Test
    void urlSettingsAndSettingsMapMerge() {
        ClickHouseWriterConfig c = ClickHouseWriterConfig.parse(Configuration.from("{\"connection\":[{\"jdbcUrl\":"
                + "\"jdbc:clickhouse://h/db?max_threads=1&socket_timeout=5000\",\"table\":[\"t\"]}],"
                + "\"settings\":{\"max_threads\":3}}"));
        assertEquals("3", c.settings.get("max_threads"));
        assertEquals(5000, c.socketTimeoutMs);
        assertFalse(c.settings.containsKey("socket_timeout"));
    }
}
