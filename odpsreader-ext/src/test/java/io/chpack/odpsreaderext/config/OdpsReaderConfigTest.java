package io.chpack.odpsreaderext.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

class OdpsReaderConfigTest {
    private static Configuration base() {
        Configuration c = Configuration.newDefault();
        c.set("odpsServer", "http://127.0.0.1:1/api");
        c.set("project", "p");
        c.set("table", "t");
        c.set("column", Arrays.asList("*"));
        c.set("accessId", "LTAIid");
        c.set("accessKey", "readerSecretKey0123");
        return c;
    }

    @Test
    void stockKeysWithDefaults() {
        Configuration p = base();
        p.set("partition", "pt=1");
        OdpsReaderConfig c = OdpsReaderConfig.from(p);
        assertEquals(List.of("pt=1"), c.partitions, "a single string is a one-element list");
        assertEquals(OdpsReaderConfig.SplitMode.RECORD, c.splitMode);
        assertFalse(c.compress);
        assertEquals(ZoneOffset.UTC, c.timeZone);
        assertEquals(3, c.maxRetryTime);
        p.set("splitMode", "Partition");
        assertEquals(OdpsReaderConfig.SplitMode.PARTITION, OdpsReaderConfig.from(p).splitMode);
    }

    @Test
    void invalidValuesNameTheKeyAndToStringHidesSecrets() {
        for (String[] kv : new String[][] {{"odpsServer", "x"}, {"splitMode", "range"}, {"timeZone", "Nowhere/X"},
            {"table", ""}, {"accessKey", ""}}) {
            Configuration p = base();
            p.set(kv[0], kv[1]);
            DataXException e = assertThrows(DataXException.class, () -> OdpsReaderConfig.from(p), kv[0]);
            assertTrue(e.getMessage().contains(kv[0]), e.getMessage());
        }
        Configuration p = base();
        p.set("securityToken", "stsReaderToken55");
        String s = OdpsReaderConfig.from(p).toString();
        assertFalse(s.contains("readerSecretKey0123") || s.contains("stsReaderToken55"), s);
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
        OdpsReaderConfig c = OdpsReaderConfig.from(p);
        assertTrue(c.toString().contains("odpsServer=http://service.cn-hangzhou.maxcompute.aliyun.com/api"),
                c.toString());
    }
}
