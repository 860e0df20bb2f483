package io.chpack.clickhousereader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.clickhousereader.config.ClickHouseReaderConfig;
import io.chpack.clickhousereader.config.SplitMode;
import io.chpack.clickhousereader.config.TableNames;

class ConfigTest {
    private static final String URL = "\"jdbcUrl\": [\"jdbc:clickhouse://127.0.0.1:8123/db\"]";

    private static ClickHouseReaderConfig parse(String json) {
        return ClickHouseReaderConfig.parse(Configuration.from(json));
    }

    private static String error(String json) {
        DataXException e = assertThrows(DataXException.class, () -> parse(json));
        return e.getMessage();
    }

    @Test
    void stockKeysWithDefaults() {
        ClickHouseReaderConfig c = parse("{\"column\": [\"*\"], \"connection\": [{" + URL + ", \"table\": [\"t\"]}]}");
        assertEquals("default", c.username);
        assertEquals("", c.password);
        assertTrue(c.selectsStar());
        assertTrue(c.tableMode);
        assertEquals(SplitMode.AUTO, c.splitMode);
        assertEquals("db", c.connections.get(0).urls.get(0).database());
        assertEquals(8123, c.connections.get(0).urls.get(0).endpoints().get(0).port);
        assertNull(c.splitPk);
        assertTrue(c.distributedByShard);
        assertEquals(3, c.retryTimes);
    }

    @Test
    void splitPkWithoutFetchSizeIsFine() {
        // The stock reader threw a NullPointerException here.
        ClickHouseReaderConfig c = parse("{\"column\": [\"a\"], \"splitPk\": \"id\", \"connection\": [{" + URL
                + ", \"table\": [\"t\"]}]}");
        assertEquals("id", c.splitPk);
        parse("{\"column\": [\"a\"], \"splitPk\": \"id\", \"fetchSize\": 1024, \"connection\": [{" + URL
                + ", \"table\": [\"t\"]}]}");
    }

    @Test
    void noTableAndNoQueryIsANamedError() {
        String m = error("{\"column\": [\"*\"], \"connection\": [{" + URL + "}]}");
        assertTrue(m.contains("parameter.connection[0] needs either table") , m);
    }

    @Test
    void tableAndQueryTogetherIsANamedError() {
        String m = error("{\"column\": [\"*\"], \"connection\": [{" + URL + ", \"table\": [\"t\"], \"querySql\": [\"SELECT 1\"]}]}");
        assertTrue(m.contains("parameter.connection[0] has both table [t] and querySql"), m);
    }

    @Test
    void mixedModesAcrossEntriesAreRefused() {
        String m = error("{\"column\": [\"*\"], \"connection\": [{" + URL + ", \"table\": [\"t\"]}, {" + URL
                + ", \"querySql\": [\"SELECT 1\"]}]}");
        assertTrue(m.contains("parameter.connection[1] uses querySql"), m);
    }

    @Test
    void querySqlNeedsNoColumnAsInTheStockReader() {
        ClickHouseReaderConfig c = parse("{\"connection\": [{" + URL + ", \"querySql\": [\"SELECT 1 AS x\"]}]}");
        assertFalse(c.tableMode);
        assertTrue(error("{\"connection\": [{" + URL + ", \"table\": [\"t\"]}]}").contains("parameter.column is required"));
    }

    @Test
    void missingColumnAndBadValuesNameTheKey() {
        assertTrue(error("{\"connection\": [{" + URL + ", \"table\": [\"t\"]}]}").contains("parameter.column is required"));
        assertTrue(error("{\"column\": [\"*\", \"a\"], \"connection\": [{" + URL + ", \"table\": [\"t\"]}]}")
                .contains("parameter.column mixes"));
        String m = error("{\"column\": [\"*\"], \"splitMode\": \"zigzag\", \"connection\": [{" + URL + ", \"table\": [\"t\"]}]}");
        assertTrue(m.contains("parameter.splitMode") && m.contains("zigzag"), m);
        m = error("{\"column\": [\"*\"], \"retryTimes\": \"many\", \"connection\": [{" + URL + ", \"table\": [\"t\"]}]}");
        assertTrue(m.contains("parameter.retryTimes") && m.contains("many"), m);
        m = error("{\"column\": [\"*\"], \"connection\": [{\"jdbcUrl\": [\"mysql://h/db\"], \"table\": [\"t\"]}]}");
        assertTrue(m.contains("parameter.connection[0].jdbcUrl[0]") && m.contains("mysql://h/db"), m);
        m = error("{\"column\": [\"*\"], \"connection\": [{\"table\": [\"t\"]}]}");
        assertTrue(m.contains("parameter.connection[0].jdbcUrl is required"), m);
    }

    @Test
    void sessionStatementsAndSettingsMapBecomeQuerySettings() {
        ClickHouseReaderConfig c = parse("{\"column\": [\"*\"], \"session\": [\"SET max_threads = 2\", "
                + "\"set join_use_nulls=1, max_block_size = 1000;\", \"SET date_time_input_format = 'best_effort'\"], "
                + "\"settings\": {\"max_threads\": 4, \"extremes\": false}, \"connection\": [{" + URL + ", \"table\": [\"t\"]}]}");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("max_threads", "4");
        expected.put("join_use_nulls", "1");
        expected.put("max_block_size", "1000");
        expected.put("date_time_input_format", "best_effort");
        expected.put("extremes", "0");
        assertEquals(expected, c.settings);
        ClickHouseReaderConfig m = parse("{\"column\": [\"*\"], \"session\": {\"max_threads\": 3}, \"connection\": [{" + URL
                + ", \"table\": [\"t\"]}]}");
        assertEquals("3", m.settings.get("max_threads"));
        String err = error("{\"column\": [\"*\"], \"session\": [\"SET max threads\"], \"connection\": [{" + URL
                + ", \"table\": [\"t\"]}]}");
        assertTrue(err.contains("parameter.session[0]") && err.contains("SET max threads"), err);
    }

    @Test
    void tableRangesExpandAndNamesParse() {
        assertEquals(Arrays.asList("t_0", "t_1", "t_2"), TableNames.expand("k", "t_[0-2]"));
        assertEquals(Arrays.asList("t_08", "t_09", "t_10"), TableNames.expand("k", "t_[08-10]"));
        TableNames.Name n = TableNames.parse("k", "`my db`.`a.b`");
        assertEquals("my db", n.database);
        assertEquals("a.b", n.table);
        assertNull(TableNames.parse("k", "t").database);
        assertThrows(DataXException.class, () -> TableNames.parse("k", "a.b.c"));
        ClickHouseReaderConfig c = parse("{\"column\": [\"*\"], \"connection\": [{" + URL + ", \"table\": [\"t[1-3]\"]}]}");
        assertEquals(Arrays.asList("t1", "t2", "t3"), c.connections.get(0).tables);
    }

    @Test
    void urlVariantsAndSettingsParameters() {
        ClickHouseReaderConfig c = parse("{\"column\": [\"*\"], \"connection\": [{\"jdbcUrl\": "
                + "\"jdbc:clickhouse://h1:9000,h2/db2?max_threads=2&compress=false\", \"querySql\": \"SELECT 1\"}]}");
        assertFalse(c.tableMode);
        assertEquals(2, c.connections.get(0).urls.get(0).endpoints().size());
        assertEquals(8123, c.connections.get(0).urls.get(0).endpoints().get(1).port);
        assertEquals("2", c.connections.get(0).urls.get(0).serverSettings().get("max_threads"));
        assertFalse(c.connections.get(0).urls.get(0).serverSettings().containsKey("compress"));
    }

    @Test
    void clusterKeyNeedsTables() {
        String m = error("{\"column\": [\"*\"], \"cluster\": \"c\", \"connection\": [{" + URL + ", \"querySql\": [\"SELECT 1\"]}]}");
        assertTrue(m.contains("parameter.cluster"), m);
    }
}
