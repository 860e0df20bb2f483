package io.chpack.kafkareader.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

class ConfigTest {
    static Map<String, Object> base() {
        Map<String, Object> p = new HashMap<>();
        p.put("bootstrapServers", "b:9092");
        p.put("topic", "t");
        p.put("groupId", "g");
        p.put("column", List.of("a"));
        return p;
    }

    static String error(Map<String, Object> p) {
        return assertThrows(DataXException.class, () -> KafkaReaderConfig.parse(Configuration.from(p))).getMessage();
    }

    @Test
    void errorsNameTheKey() {
        Map<String, Object> p = base();
        p.remove("groupId");
        assertTrue(error(p).contains("parameter.groupId is required"));
        p = base();
        p.put("startPosition", "middle");
        assertTrue(error(p).contains("parameter.startPosition must be one of"));
        p = base();
        p.put("startPosition", "timestamp");
        assertTrue(error(p).contains("parameter.startTimestamp is required"));
        p = base();
        p.put("properties", Map.of("enable.auto.commit", "true"));
        assertTrue(error(p).contains("parameter.properties.enable.auto.commit is set by the reader"));
        p = base();
        p.put("column", List.of("a", "a"));
        assertTrue(error(p).contains("used twice"));
        p = base();
        p.put("format", "raw");
        p.put("column", List.of("nope"));
        assertTrue(error(p).contains("unknown meta column 'nope'"));
        p = base();
        p.put("blockRows", 0);
        assertTrue(error(p).contains("parameter.blockRows must be between 1"));
        p = base();
        p.put("checkpoint", Map.of("type", "zookeeper", "path", "relative"));
        assertTrue(error(p).contains("absolute znode path"));
    }

    @Test
    void defaultsCheckpointsTimestampsAndMasking() {
        Map<String, Object> p = base();
        p.remove("groupId");
        p.put("checkpoint", Map.of("type", "file", "path", "/tmp/x.json"));
        p.put("startTimestamp", "2026-11-21T08:00:00+08:00");
        p.put("properties", Map.of("sasl.jaas.config", "x password=\"p\";", "ssl.truststore.password", "p2",
                "fetch.max.bytes", "100"));
        KafkaReaderConfig c = KafkaReaderConfig.parse(Configuration.from(p));
        assertEquals(CheckpointSpec.Kind.FILE, c.checkpoint.kind);
        assertEquals(1_795_219_200_000L, c.startTimestamp);
        assertEquals(StartPosition.GROUP, c.startPosition);
        assertEquals(65536, c.blockRows);
        assertEquals("read_committed", c.isolationLevel);
        String masked = c.maskedProperties().toString();
        assertFalse(masked.contains("p2") || masked.contains("password=\""), masked);
        assertTrue(masked.contains("fetch.max.bytes=100"), masked);
        p = base();
        p.put("format", "raw");
        p.remove("column");
        assertEquals("[key, value, topic, partition, offset, timestamp]",
                KafkaReaderConfig.parse(Configuration.from(p)).columns.toString());
        p = base();
        p.put("startPosition", "offsets");
        p.put("startOffsets", Map.of("0", 5, "t:1", 7));
        assertEquals("{t:0=5, t:1=7}", KafkaReaderConfig.parse(Configuration.from(p)).startOffsets.toString());
    }

    @Test
    void jsonPaths() {
        Object root = io.chpack.common.json.JsonParser.parse("{\"a\":{\"b.c\":[10,{\"d\":null}]},\"x\":1,\"x\":2}");
        assertEquals("10", JsonPath.parse("$.a['b.c'][0]").resolve(root).toString());
        assertEquals(null, JsonPath.parse("a[\"b.c\"][1].d").resolve(root));
        assertEquals(JsonPath.MISSING, JsonPath.parse("a.b").resolve(root));
        assertEquals(JsonPath.MISSING, JsonPath.parse("$.a['b.c'][5]").resolve(root));
        assertEquals("2", JsonPath.parse("x").resolve(root).toString(), "last duplicate wins");
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("a."));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("a[x]"));
        assertThrows(IllegalArgumentException.class, () -> JsonPath.parse("a[0"));
    }
}
