package io.chpack.odpswriterext.config;

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

class OdpsWriterConfigTest {
    private static final String SECRET = "topSecretAccessKey0123";

    private static Configuration base() {
        Configuration c = Configuration.newDefault();
        c.set("odpsServer", "http://127.0.0.1:1/api");
        c.set("project", "p");
        c.set("table", "t");
        c.set("column", Arrays.asList("a", "b"));
        c.set("accessId", "LTAIid");
        c.set("accessKey", SECRET);
        return c;
    }

    @Test
    void stockKeysWithStockDefaults() {
        OdpsWriterConfig c = OdpsWriterConfig.from(base());
        assertEquals("http://127.0.0.1:1/api", c.odpsServer);
        assertNull(c.tunnelServer);
        assertEquals(Arrays.asList("a", "b"), c.columns);
        assertFalse(c.allColumns);
        assertFalse(c.truncate);
        assertEquals(64, c.blockSizeInMB);
        assertEquals(3, c.maxRetryTime);
        assertFalse(c.emptyAsNull);
        assertEquals(OdpsWriterConfig.Compression.RAW, c.compression);
        assertTrue(c.partition.isEmpty());
        assertFalse(c.createTable);
    }

    @Test
    void isCompressMeansDeflateAndCompressPicksAnyAlgorithm() {
        Configuration p = base();
        p.set("isCompress", true);
        assertEquals(OdpsWriterConfig.Compression.DEFLATE, OdpsWriterConfig.from(p).compression);
        p.set("compress", "zstd");
        assertEquals(OdpsWriterConfig.Compression.ZSTD, OdpsWriterConfig.from(p).compression);
        p.set("compress", "brotli");
        assertThrows(DataXException.class, () -> OdpsWriterConfig.from(p));
    }

    @Test
    void partitionSpecsInEveryStockSpelling() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("ds", "20260101");
        expected.put("hh", "01");
        assertEquals(expected, OdpsWriterConfig.parsePartition("ds=20260101,hh=01"));
        assertEquals(expected, OdpsWriterConfig.parsePartition("ds='20260101', hh='01'"));
        assertEquals(expected, OdpsWriterConfig.parsePartition("DS=20260101/hh=\"01\""));
        assertEquals("v,w", OdpsWriterConfig.parsePartition("pt='v,w'").get("pt"));
        assertThrows(DataXException.class, () -> OdpsWriterConfig.parsePartition("ds="));
        assertThrows(DataXException.class, () -> OdpsWriterConfig.parsePartition("ds=1,ds=2"));
        assertThrows(DataXException.class, () -> OdpsWriterConfig.parsePartition("ds"));
        assertThrows(DataXException.class, () -> OdpsWriterConfig.parsePartition("ds='1"));
    }

    @Test
    void aPartitionKeyIsEitherStaticOrFromTheRecords() {
        Configuration p = base();
        p.set("partition", "a=1");
        DataXException e = assertThrows(DataXException.class, () -> OdpsWriterConfig.from(p));
        assertTrue(e.getMessage().contains("either static"), e.getMessage());
    }

    @Test
    void invalidValuesAreRefusedWithTheKeyNamed() {
        for (String[] kv : new String[][] {{"odpsServer", ""}, {"odpsServer", "service.example.com"},
            {"project", ""}, {"table", " "}, {"accessId", ""}, {"accessKey", ""}}) {
            Configuration p = base();
            p.set(kv[0], kv[1]);
            DataXException e = assertThrows(DataXException.class, () -> OdpsWriterConfig.from(p), kv[0]);
            assertTrue(e.getMessage().contains(kv[0]), e.getMessage());
        }
        Configuration p = base();
        p.set("blockSizeInMB", 0);
        assertThrows(DataXException.class, () -> OdpsWriterConfig.from(p));
        Configuration dup = base();
        dup.set("column", Arrays.asList("a", "A"));
        assertThrows(DataXException.class, () -> OdpsWriterConfig.from(dup));
        Configuration star = base();
        star.set("column", Arrays.asList("*", "a"));
        assertThrows(DataXException.class, () -> OdpsWriterConfig.from(star));
        Configuration all = base();
        all.set("column", Arrays.asList("*"));
        assertTrue(OdpsWriterConfig.from(all).allColumns);
    }

    @Test
    void toStringNeverShowsTheSecretOrToken() {
        Configuration p = base();
        p.set("securityToken", "stsTokenValue987");
        String s = OdpsWriterConfig.from(p).toString();
        assertFalse(s.contains(SECRET), s);
        assertFalse(s.contains("stsTokenValue987"), s);
        assertTrue(s.contains("accessId=LTAIid"), s);
    }

    @Test
    void partitionColumnsMustBeListedColumnsAndTimeZoneMustBeAZone() {
        Configuration p = base();
        p.set("partitionColumns", Arrays.asList("B"));
        p.set("timeZone", "Asia/Shanghai");
        OdpsWriterConfig c = OdpsWriterConfig.from(p);
        assertEquals(Arrays.asList("b"), c.partitionColumns);
        assertEquals(java.time.ZoneId.of("Asia/Shanghai"), c.timeZone);
        p.set("partitionColumns", Arrays.asList("z"));
        assertTrue(assertThrows(DataXException.class, () -> OdpsWriterConfig.from(p)).getMessage()
                .contains("partitionColumns entry 'z'"));
        Configuration tz = base();
        tz.set("timeZone", "Mars/Base");
        assertTrue(assertThrows(DataXException.class, () -> OdpsWriterConfig.from(tz)).getMessage()
                .contains("timeZone 'Mars/Base'"));
    }

    @Test
    void theJobTemplateParsesOnceTheRequiredValuesAreFilledIn() throws Exception {
        String json = new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(
                "src/main/plugin/plugin_job_template.json")), java.nio.charset.StandardCharsets.UTF_8);
        Configuration p = Configuration.from(json).getConfiguration("parameter");
        p.set("project", "p");
        p.set("table", "t");
        p.set("accessId", "id");
        p.set("accessKey", "key");
        OdpsWriterConfig c = OdpsWriterConfig.from(p);
        assertTrue(c.toString().contains("odpsServer=http://service.cn-hangzhou.maxcompute.aliyun.com/api"),
                c.toString());
    }
}
