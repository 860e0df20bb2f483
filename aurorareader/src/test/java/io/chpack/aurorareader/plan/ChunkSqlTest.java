package io.chpack.aurorareader.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.chpack.aurorareader.config.Dialect;

class ChunkSqlTest {
    static final KeySpec AB = new KeySpec(List.of("a", "b"), List.of("int", "varchar(20)"),
            List.of(KeySpec.Kind.NUMBER, KeySpec.Kind.TEXT), true, false);

    @Test
    void mysqlCompositeKeysetPredicatesAreExpandedWithALeadingRange() {
        ChunkSql.Bound b = ChunkSql.select(Dialect.MYSQL, "`a`, `b`", "`t`", AB,
                new Chunk("0-1", List.of("1", "x"), List.of("5", "y"), false), List.of("v > 0"), List.of(), null, true);
        assertEquals("SELECT `a`, `b` FROM `t` WHERE (v > 0) AND (`a` >= ? AND (`a` > ? OR (`a` = ? AND `b` > ?))) "
                + "AND (`a` <= ? AND (`a` < ? OR (`a` = ? AND `b` <= ?))) ORDER BY `a`, `b`", b.sql);
        assertEquals(List.of("1", "1", "1", "x", "5", "5", "5", "y"), b.values);
    }

    @Test
    void postgresUsesRowValuesWithCasts() {
        ChunkSql.Bound b = ChunkSql.select(Dialect.POSTGRES, "\"a\"", "\"t\"", AB,
                new Chunk("0-0", null, List.of("5", "y"), false), List.of(), List.of(), null, true);
        assertEquals("SELECT \"a\" FROM \"t\" WHERE (\"a\", \"b\") <= (CAST(? AS int), CAST(? AS varchar(20))) "
                + "ORDER BY \"a\", \"b\"", b.sql);
    }

    @Test
    void resumeAfterReplacesTheLowerBoundAndBoundaryLookupsSkipOnTheIndexOnly() {
        KeySpec id = new KeySpec(List.of("id"), List.of("bigint"), List.of(KeySpec.Kind.NUMBER), true, false);
        ChunkSql.Bound b = ChunkSql.select(Dialect.MYSQL, "`id`", "`t`", id, new Chunk("0-2", List.of("10"),
                List.of("20"), false), List.of(), List.of(), List.of("15"), true);
        assertEquals("SELECT `id` FROM `t` WHERE `id` > ? AND `id` <= ? ORDER BY `id`", b.sql);
        assertEquals(List.of("15", "20"), b.values);
        assertEquals("SELECT `id` FROM `t` WHERE `id` > ? ORDER BY `id` LIMIT 1 OFFSET 999",
                ChunkSql.boundary(Dialect.MYSQL, "`t`", id, List.of(), List.of(), List.of("20"), 999).sql);
        KeySpec nullable = new KeySpec(List.of("k"), List.of("int"), List.of(KeySpec.Kind.NUMBER), false, true);
        assertEquals("SELECT `k` FROM `t` WHERE `k` IS NULL", ChunkSql.select(Dialect.MYSQL, "`k`", "`t`", nullable,
                new Chunk("0-null", null, null, true), List.of(), List.of(), null, false).sql);
    }
}
