package io.chpack.memcachedwriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

class RecordEncoderTest {
    static MemcachedConfig config(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("servers", List.of("127.0.0.1:11211"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return MemcachedConfig.parse(Configuration.from(m));
    }

    static Record record(Column... cols) {
        List<Column> list = new ArrayList<>(Arrays.asList(cols));
        return new Record() {
            @Override public void addColumn(Column c) { list.add(c); }
            @Override public void setColumn(int i, Column c) { list.set(i, c); }
            @Override public Column getColumn(int i) { return i < list.size() ? list.get(i) : null; }
            @Override public int getColumnNumber() { return list.size(); }
            @Override public int getByteSize() { return 0; }
            @Override public int getMemorySize() { return 0; }
            @Override public String toString() { return list.toString(); }
        };
    }

    @Test
    void templateKeysWithNamespaceAndVersion() {
        RecordEncoder e = new RecordEncoder(config("column", List.of("id", "region"), "key", "user:{id}:{region}:{{x}}",
                "namespace", "ns", "keyPrefix", "p/"));
        assertEquals("p/ns:user:7:eu:{x}", e.key(record(new LongColumn(7L), new StringColumn("eu"))));
        e = new RecordEncoder(config("column", List.of("id"), "key", "{0}", "namespace", "ns", "atomicWarmup", true,
                "version", "42"));
        assertEquals("ns:v42:7", e.key(record(new LongColumn(7L))));
    }

    @Test
    void stockIndexesJoinAscendingWithTheDelimiter() {
        RecordEncoder e = new RecordEncoder(config("indexes", "2,0", "writeFormat", "text"));
        assertEquals("a\u0001c", e.key(record(new StringColumn("a"), new StringColumn("b"), new StringColumn("c"))));
        assertEquals(MemcachedConfig.KeyCheck.BINARY, config("indexes", "2,0").keyCheck);
        assertEquals(MemcachedConfig.KeyCheck.STRICT, config("indexes", "0").keyCheck);
    }

    @Test
    void keyProblemsAreNamed() {
        RecordEncoder e = new RecordEncoder(config("column", List.of("id", "v"), "key", "k:{id}"));
        assertEquals("key column 'id' is NULL",
                assertThrows(DirtyException.class, () -> e.key(record(new LongColumn((Long) null)))).getMessage());
        assertTrue(assertThrows(DirtyException.class, () -> e.key(record(new StringColumn("a b")))).getMessage()
                .contains("(0x20) at byte 3"));
        assertTrue(assertThrows(DirtyException.class, () -> e.key(record())).getMessage()
                .contains("needs column 'id' (index 0) but the record has 0 columns"));
        String longKey = "é".repeat(200); // 400 bytes
        assertTrue(assertThrows(DirtyException.class, () -> e.key(record(new StringColumn(longKey)))).getMessage()
                .contains("takes 402 bytes"));
        String h = RecordEncoder.hashLongKey("k:" + longKey);
        assertTrue(h.getBytes(StandardCharsets.UTF_8).length <= 250);
        assertEquals(("k:" + longKey).substring(0, 2 + 103), h.substring(0, h.indexOf('#'))); // 2 + 103*2 = 208 bytes
        assertEquals(40, h.length() - h.indexOf('#') - 1);
        DataXException x = assertThrows(DataXException.class, () -> config("column", List.of("id"), "key", "{nope}"));
        assertTrue(x.getMessage().contains("parameter.key refers to column 'nope'") && x.getMessage().contains("(columns: id)"),
                x.getMessage());
        assertTrue(assertThrows(DataXException.class, () -> config("key", "constant")).getMessage().contains("no {column}"));
    }

    @Test
    void jsonRendersEveryType() {
        RecordEncoder e = new RecordEncoder(config("column", List.of("l", "d", "nan", "s", "b", "dt", "day", "bytes", "n"),
                "key", "{l}", "timeZone", "+08:00"));
        Record r = record(new LongColumn("18446744073709551615"), new DoubleColumn("1.50"), new DoubleColumn("NaN"),
                new StringColumn("q\"\n"), new BoolColumn(true), new DateColumn(new java.sql.Timestamp(1500L)),
                new DateColumn(new java.sql.Date(0L)), new BytesColumn(new byte[] {1, 2, (byte) 0xff}),
                new StringColumn(null));
        RecordEncoder.Value v = e.value(r);
        assertEquals("{\"l\":18446744073709551615,\"d\":1.50,\"nan\":\"NaN\",\"s\":\"q\\\"\\n\",\"b\":true,"
                + "\"dt\":\"1970-01-01 08:00:01.500\",\"day\":\"1970-01-01\",\"bytes\":\"AQL/\",\"n\":null}",
                new String(v.data, StandardCharsets.UTF_8));
        assertEquals(0, v.flags);
    }

    @Test
    void ttlRules() {
        long now = 1_700_000_000L;
        assertEquals(0, RecordEncoder.expiry(0, 0, "k", now));
        assertEquals(60, RecordEncoder.expiry(60, 0, "k", now));
        assertEquals(MemcachedConfig.THIRTY_DAYS, RecordEncoder.expiry(MemcachedConfig.THIRTY_DAYS, 0, "k", now));
        assertEquals(now + MemcachedConfig.THIRTY_DAYS + 1, RecordEncoder.expiry(MemcachedConfig.THIRTY_DAYS + 1, 0, "k", now));
        assertEquals(1_900_000_000, RecordEncoder.expiry(1_900_000_000L, 0, "k", now)); // absolute, as stock passed it
        for (int i = 0; i < 100; i++) {
            int t = RecordEncoder.expiry(100, 10, "k" + i, now);
            assertTrue(t >= 90 && t <= 110, "jitter " + t);
            assertEquals(t, RecordEncoder.expiry(100, 10, "k" + i, now)); // deterministic per key
        }
        assertThrows(DirtyException.class, () -> RecordEncoder.expiry(3_000_000_000L, 0, "k", now));
    }

    @Test
    void configErrorsNameTheKey() {
        assertTrue(assertThrows(DataXException.class, () -> config("writeMode", "upsert")).getMessage()
                .contains("parameter.writeMode must be one of set, add, replace, append, prepend, delete, touch; got 'upsert'"));
        assertTrue(assertThrows(DataXException.class, () -> config("username", "u", "protocol", "text")).getMessage()
                .contains("SASL"));
        assertTrue(assertThrows(DataXException.class, () -> MemcachedConfig.parse(Configuration.from(Map.of("key", "{a}"))))
                .getMessage().contains("parameter.servers is required"));
        assertTrue(assertThrows(DataXException.class, () -> config("atomicWarmup", true, "indexes", "0")).getMessage()
                .contains("parameter.namespace is required"));
        MemcachedConfig c = MemcachedConfig.parse(Configuration.from(Map.of("proxy", "h1", "port", 11212,
                "password", "s3cret", "username", "u")));
        assertEquals(List.of("h1:11212"), c.servers);
        assertTrue(!c.toString().contains("s3cret") && c.toString().contains("password=***"));
    }
}
