package io.chpack.kafkareader.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.kafkareader.config.KafkaReaderConfig;

class CodecTest {
    static ConsumerRecord<byte[], byte[]> msg(long offset, String key, String value) {
        RecordHeaders h = new RecordHeaders();
        h.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>("orders", 2, offset, 1_700_000_000_123L, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8), h, Optional.empty());
    }

    static MessageCodec codec(String format, Object columns, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrapServers", "x:1");
        p.put("topic", "orders");
        p.put("groupId", "g");
        p.put("format", format);
        if (columns != null) {
            p.put("column", columns);
        }
        p.putAll(extra);
        KafkaReaderConfig c = KafkaReaderConfig.parse(Configuration.from(p));
        return Codecs.create(c);
    }

    static Column[] decode(MessageCodec codec, int n, ConsumerRecord<byte[], byte[]> m) throws DirtyMessageException {
        Column[] out = new Column[n];
        assertTrue(codec.decode(m, out));
        return out;
    }

    @Test
    void jsonByNameAndPathWithExactTypes() throws Exception {
        MessageCodec c = codec("json", List.of("id", "name", Map.of("name", "x", "path", "$.a.b[1]"),
                Map.of("name", "big", "path", "big"), Map.of("name", "price", "path", "price"),
                Map.of("name", "obj", "path", "obj"), Map.of("name", "flag", "path", "flag"),
                Map.of("name", "ts", "path", "ts", "type", "date"), Map.of("name", "n", "path", "nstr", "type", "long"),
                Map.of("name", "off", "meta", "offset"), Map.of("name", "h", "meta", "header:trace")), Map.of());
        Column[] r = decode(c, 11, msg(42, "k", "{\"id\":7,\"name\":\"x\\u00e9\",\"a\":{\"b\":[1,2]},"
                + "\"big\":18446744073709551615,\"price\":0.10,\"obj\":{\"k\":[1,\"s\"]},\"flag\":true,"
                + "\"ts\":\"2026-11-21T08:00:00+08:00\",\"nstr\":\" 12 \"}"));
        assertEquals(Column.Type.LONG, r[0].getType());
        assertEquals("7", r[0].asString());
        assertEquals("xé", r[1].asString());
        assertEquals("2", r[2].asString());
        assertEquals("18446744073709551615", r[3].getRawData().toString());
        assertEquals(Column.Type.DOUBLE, r[4].getType());
        assertEquals("0.10", r[4].getRawData(), "decimal text kept exactly");
        assertEquals("{\"k\":[1,\"s\"]}", r[5].asString());
        assertEquals(Boolean.TRUE, r[6].asBoolean());
        assertEquals(1_795_219_200_000L, ((Long) r[7].getRawData()).longValue());
        assertEquals("12", r[8].asString());
        assertEquals("42", r[9].asString());
        assertEquals("t-1", r[10].asString());
    }

    @Test
    void jsonMissingFieldsNullOrDirtyAndBadJsonIsDirty() throws Exception {
        MessageCodec lenient = codec("json", List.of("id", "name"), Map.of());
        Column[] r = decode(lenient, 2, msg(1, null, "{\"id\":1}"));
        assertNull(r[1].getRawData());
        assertEquals(Column.Type.STRING, r[1].getType());
        Column[] nul = decode(lenient, 2, msg(1, null, "{\"id\":1,\"name\":null}"));
        assertNull(nul[1].getRawData());
        MessageCodec strict = codec("json", List.of("id", "name"), Map.of("missingField", "dirty"));
        DirtyMessageException e = assertThrows(DirtyMessageException.class, () -> decode(strict, 2,
                msg(1, null, "{\"id\":1}")));
        assertTrue(e.getMessage().contains("'name'") && e.getMessage().contains("missing"), e.getMessage());
        // JSON null is not missing
        decode(strict, 2, msg(1, null, "{\"id\":1,\"name\":null}"));
        DirtyMessageException bad = assertThrows(DirtyMessageException.class, () -> decode(lenient, 2,
                msg(1, null, "{\"id\":1,")));
        assertTrue(bad.getMessage().startsWith("the value is not JSON"), bad.getMessage());
        MessageCodec typed = codec("json", List.of(Map.of("name", "id", "type", "long")), Map.of());
        DirtyMessageException frac = assertThrows(DirtyMessageException.class, () -> decode(typed, 1,
                msg(1, null, "{\"id\":1.5}")));
        assertTrue(frac.getMessage().contains("not an integer"), frac.getMessage());
        Column[] none = new Column[2];
        assertFalse(lenient.decode(msg(1, "k", null), none), "tombstones are skipped");
        DirtyMessageException utf = assertThrows(DirtyMessageException.class, () -> lenient.decode(
                new ConsumerRecord<>("t", 0, 0, null, new byte[] {'"', (byte) 0xff, '"'}), new Column[2]));
        assertTrue(utf.getMessage().contains("UTF-8"), utf.getMessage());
    }

    @Test
    void rawColumns() throws Exception {
        MessageCodec c = codec("raw", null, Map.of());
        Column[] r = decode(c, 6, msg(9, "key1", "v"));
        assertEquals("key1", r[0].asString());
        assertEquals("v", r[1].asString());
        assertEquals("orders", r[2].asString());
        assertEquals("2", r[3].asString());
        assertEquals("9", r[4].asString());
        assertEquals(Column.Type.DATE, r[5].getType());
        assertEquals(1_700_000_000_123L, ((Long) r[5].getRawData()).longValue());
        MessageCodec hs = codec("raw", List.of("headers", Map.of("name", "value", "meta", "value", "type", "bytes"),
                "timestampType"), Map.of());
        Column[] h = decode(hs, 3, msg(9, null, "\u0001"));
        assertEquals("{\"trace\":\"t-1\"}", h[0].asString());
        assertEquals(Column.Type.BYTES, h[1].getType());
        assertEquals("CreateTime", h[2].asString());
    }

    @Test
    void csvQuotingNullsAndMissingFields() throws Exception {
        MessageCodec c = codec("csv", List.of("a", "b", "c", Map.of("name", "d", "index", 5)), Map.of(
                "nullFormat", "\\N"));
        Column[] r = decode(c, 4, msg(1, null, "1,\"x,\"\"y\"\"\",\\N,,,last\n"));
        assertEquals("1", r[0].asString());
        assertEquals("x,\"y\"", r[1].asString());
        assertNull(r[2].getRawData());
        assertEquals("last", r[3].asString());
        Column[] shortLine = decode(c, 4, msg(1, null, "1"));
        assertNull(shortLine[1].getRawData());
        MessageCodec strict = codec("csv", List.of("a", "b"), Map.of("missingField", "dirty", "fieldDelimiter", "\\t"));
        assertEquals("y", decode(strict, 2, msg(1, null, "x\ty"))[1].asString());
        assertThrows(DirtyMessageException.class, () -> decode(strict, 2, msg(1, null, "x")));
        assertThrows(DirtyMessageException.class, () -> decode(c, 4, msg(1, null, "\"open,1")));
        assertThrows(DirtyMessageException.class, () -> decode(c, 4, msg(1, null, "\"a\"b,1")));
    }

    @Test
    void debeziumEnvelopes() throws Exception {
        MessageCodec c = codec("debezium", List.of("id", "v", Map.of("name", "op", "meta", "op"),
                Map.of("name", "del", "meta", "deleted"), Map.of("name", "ver", "meta", "version"),
                Map.of("name", "ts", "meta", "tsMs")), Map.of());
        Column[] upd = decode(c, 6, msg(77, null, "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"op\":\"u\","
                + "\"before\":{\"id\":1,\"v\":\"a\"},\"after\":{\"id\":1,\"v\":\"b\"},\"ts_ms\":5}}"));
        assertEquals("b", upd[1].asString());
        assertEquals("u", upd[2].asString());
        assertEquals("0", upd[3].asString());
        assertEquals("77", upd[4].asString());
        assertEquals("5", upd[5].asString());
        Column[] del = decode(c, 6, msg(78, null, "{\"op\":\"d\",\"before\":{\"id\":1,\"v\":\"b\"},\"after\":null}"));
        assertEquals("b", del[1].asString());
        assertEquals("1", del[3].asString());
        assertFalse(c.decode(msg(79, "k", null), new Column[6]), "tombstone");
        assertFalse(c.decode(msg(80, null, "{\"op\":\"t\"}"), new Column[6]), "truncate");
        assertThrows(DirtyMessageException.class, () -> decode(c, 6, msg(81, null, "{\"after\":{}}")));
        assertThrows(DirtyMessageException.class, () -> decode(c, 6, msg(82, null, "{\"op\":\"d\",\"before\":null}")));
        assertThrows(com.alibaba.datax.common.exception.DataXException.class, () -> codec("json",
                List.of(Map.of("name", "op", "meta", "op")), Map.of()), "debezium meta outside debezium");
    }
}
