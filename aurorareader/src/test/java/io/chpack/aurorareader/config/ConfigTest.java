package io.chpack.aurorareader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

class ConfigTest {
    static AuroraReaderConfig parse(String json) {
        return AuroraReaderConfig.parse(Configuration.from(json));
    }

    static String err(String json) {
        DataXException e = assertThrows(DataXException.class, () -> parse(json));
        return e.getMessage();
    }

    @Test
    void stockMysqlreaderKeysKeepTheirMeaning() {
        AuroraReaderConfig c = parse("{\"username\":\"u\",\"password\":\"p\",\"column\":[\"a\",\"b\"],"
                + "\"connection\":[{\"jdbcUrl\":[\"jdbc:mysql://h1/db\",\"jdbc:mysql://h2/db\"],\"table\":[\"t_[0-2]\"]}],"
                + "\"where\":\"a > 1\",\"splitPk\":\"a\",\"fetchSize\":500,\"session\":[\"SET x=1\"]}");
        assertEquals(List.of("t_0", "t_1", "t_2"), c.sources.get(0).tables);
        assertEquals(2, c.sources.get(0).jdbcUrls.size());
        assertEquals("a > 1", c.where);
        assertEquals("a", c.splitPk);
        assertEquals(500, c.fetchSize);
        assertEquals(ReadMode.FULL, c.mode);
        assertEquals(null, c.checkpoint, "full loads checkpoint only when asked");
    }

    @Test
    void errorsNameTheKey() {
        String base = "\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\",\"table\":\"t\"}]";
        assertTrue(err("{" + base + ",\"mode\":\"snapshot\"}").contains("parameter.mode"));
        assertTrue(err("{" + base + ",\"mode\":\"watermark\"}").contains("parameter.watermark.column"));
        assertTrue(err("{" + base + ",\"aurora\":{\"clusterId\":\"c\"}}").contains("aurora.region"));
        assertTrue(err("{" + base + ",\"aurora\":{\"region\":\"r\",\"readFrom\":\"all\"}}").contains("readFrom"));
        assertTrue(err("{" + base + ",\"checkpoint\":{\"type\":\"redis\"}}").contains("checkpoint.type"));
        assertTrue(err("{" + base + ",\"checkpoint\":{\"type\":\"zookeeper\"}}").contains("connectString"));
        assertTrue(err("{" + base + ",\"zeroDates\":\"zero\"}").contains("parameter.zeroDates must be one of"));
        assertTrue(err("{\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:oracle:thin:@h\",\"table\":\"t\"}]}")
                .contains("jdbcUrl"));
        assertTrue(err("{\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\"}]}")
                .contains("table or querySql"));
        assertTrue(err("{\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\",\"table\":\"t\"}]}").contains("username"));
    }

    @Test
    void captureStartBelongsToOneFullLoadOfTables() {
        String base = "\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\",\"table\":\"t\"}]";
        assertTrue(parse("{" + base + ",\"cdc\":{\"captureStart\":true}}").cdcCaptureStart);
        assertEquals(false, parse("{" + base + "}").cdcCaptureStart);
        assertEquals(false, parse("{" + base + ",\"cdc\":{\"captureStart\":false}}").cdcCaptureStart);
        assertEquals(false, parse("{" + base + ",\"mode\":\"cdc\",\"cdc\":{\"captureStart\":true}}").cdcCaptureStart,
                "mode cdc ignores it (one cdc block for both jobs)");
        assertTrue(err("{" + base + ",\"cdc\":{\"captureStart\":\"yes\"}}").contains("cdc.captureStart must be true or false"));
        assertTrue(err("{" + base + ",\"mode\":\"watermark\",\"watermark\":{\"column\":\"u\"},"
                + "\"cdc\":{\"captureStart\":true}}").contains("mode watermark cannot use it"));
        assertTrue(err("{\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\",\"querySql\":\"SELECT 1\"}],"
                + "\"cdc\":{\"captureStart\":true}}").contains("no querySql"));
        assertTrue(err("{\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:mysql://h/db\",\"table\":\"t\"},"
                + "{\"jdbcUrl\":\"jdbc:mysql://h2/db\",\"table\":\"t\"}],\"cdc\":{\"captureStart\":true}}")
                .contains("exactly one connection entry"));
        assertTrue(err("{" + base + ",\"aurora\":{\"region\":\"r\",\"iamAuth\":true},\"cdc\":{\"captureStart\":true}}")
                .contains("aurora.iamAuth"));
    }

    @Test
    void watermarkModeCheckpointsToAFileByDefault() {
        AuroraReaderConfig c = parse("{\"username\":\"u\",\"connection\":[{\"jdbcUrl\":\"jdbc:postgresql://h/db\","
                + "\"table\":\"s.t\"}],\"mode\":\"watermark\",\"watermark\":{\"column\":\"updated_at\"}}");
        assertEquals("file", c.checkpoint.type);
        assertTrue(c.checkpoint.path.endsWith("aurorareader-checkpoints"));
        assertEquals(List.of("s", "t"), TableName.parts("\"s\".\"t\""));
        assertEquals("`db`.`t``x`", Dialect.MYSQL.quoteQualified("db.`t``x`"));
    }
}
