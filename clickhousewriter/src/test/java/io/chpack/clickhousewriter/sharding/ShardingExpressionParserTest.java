package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShardingExpressionParserTest {
    private static final List<ShardingColumn> COLS = List.of(ShardingColumn.of("id", "Int64"),
            ShardingColumn.of("my col", "String"), ShardingColumn.of("u", "UInt64"), ShardingColumn.of("d", "Date"),
            ShardingColumn.of("n", "Nullable(Int32)"), ShardingColumn.of("a", "Array(Int32)"));

    private static ShardingKey key(String expr, ServerDialect dialect) {
        return ShardingKey.compile(expr, COLS, dialect);
    }

    @Test
    void parsesTheSupportedForms() {
        assertEquals("modulo(cityHash64(id, my col), 4)", ShardingExpressionParser.parse("cityHash64(id, `my col`) % 4").toString());
        assertEquals("modulo(modulo(id, 7), 3)", ShardingExpressionParser.parse("id % 7 % 3").toString());
        assertEquals("rand()", ShardingExpressionParser.parse(" rand ( ) ").toString());
        assertEquals("sipHash64(id, 'a\u0000b')", ShardingExpressionParser.parse("sipHash64(id, 'a\\0b')").toString());
        assertEquals("toUInt64(-5)", ShardingExpressionParser.parse("toUInt64(-5)").toString());
    }

    @Test
    void typesFollowTheServer() {
        assertEquals(IntType.INT64, key("id", ServerDialect.LEGACY).type());
        assertEquals(IntType.UINT64, key("cityHash64(`my col`)", ServerDialect.LEGACY).type());
        assertEquals(IntType.UINT32, key("murmurHash3_32(id)", ServerDialect.LEGACY).type());
        assertEquals(IntType.INT32, key("javaHash(`my col`)", ServerDialect.CURRENT).type());
        assertEquals(IntType.INT8, key("id % 4", ServerDialect.LEGACY).type());
        assertEquals(IntType.INT16, key("id % 4", ServerDialect.CURRENT).type());
        assertEquals(IntType.INT8, key("u % toInt8(3)", ServerDialect.LEGACY).type());
        assertEquals(IntType.UINT8, key("u % toInt8(3)", ServerDialect.CURRENT).type());
        assertEquals(IntType.UINT64, key("abs(id)", ServerDialect.LEGACY).type());
        assertEquals(IntType.UINT32, key("rand()", ServerDialect.LEGACY).type());
        assertFalse(key("rand() % 2", ServerDialect.LEGACY).isDeterministic());
        assertTrue(key("intHash64(d)", ServerDialect.LEGACY).isDeterministic());
        assertEquals(List.of(0, 1), key("cityHash64(`my col`, id)", ServerDialect.LEGACY).referencedColumns());
    }

    @Test
    void refusesWhatItCannotEvaluateExactly() {
        String[] bad = {"id + 1", "lower(`my col`)", "cityHash64(n)", "cityHash64(a)", "nosuch", "`my col`", "d",
            "id % 0", "javaHash(u)", "javaHash(id, id)", "cityHash64()", "id / 2", "cityHash64(id", "1.5",
            "t.id", "xxHash64(id) > 3"};
        for (String e : bad) {
            UnsupportedShardingExpressionException ex = assertThrows(UnsupportedShardingExpressionException.class,
                    () -> key(e, ServerDialect.CURRENT), e);
            assertTrue(ex.getMessage().startsWith("unsupported sharding expression " + e), ex.getMessage());
        }
    }

    @Test
    void readsDistributedEngineArguments() {
        DistributedEngine e = DistributedEngine.parse("Distributed(chpack, default, t_local, cityHash64(id, `my col`) % 4)");
        assertEquals("chpack", e.cluster());
        assertEquals("default", e.database());
        assertEquals("t_local", e.table());
        assertEquals("cityHash64(id, `my col`) % 4", e.shardingKey());
        assertNull(e.policy());
        DistributedEngine q = DistributedEngine.parse("Distributed('{cluster}', '', 'x,y', rand(), 'hot') SETTINGS fsync_after_insert = 0");
        assertEquals("{cluster}", q.cluster());
        assertEquals("", q.database());
        assertEquals("x,y", q.table());
        assertEquals("rand()", q.shardingKey());
        assertEquals("hot", q.policy());
        assertNull(DistributedEngine.parse("Distributed(c, db, t)").shardingKey());
        assertThrows(IllegalArgumentException.class, () -> DistributedEngine.parse("MergeTree ORDER BY id"));
        assertThrows(IllegalArgumentException.class, () -> DistributedEngine.parse("Distributed(c, db)"));
    }

    @Test
    void dialectByVersion() {
        assertEquals(ServerDialect.LEGACY, ServerDialect.forVersion("18.16.1"));
        assertEquals(ServerDialect.LEGACY, ServerDialect.forVersion("21.2.10.48"));
        assertEquals(ServerDialect.CURRENT, ServerDialect.forVersion("21.3.1"));
        assertEquals(ServerDialect.CURRENT, ServerDialect.forVersion("26.7.2.1"));
    }
}
