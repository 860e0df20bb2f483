package io.chpack.common.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PostgresColumnTypeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // text                              | name        | modifiers | dims | known
        "integer                             | int4        |           | 0    | true",
        "int4                                | int4        |           | 0    | true",
        "INT                                 | int4        |           | 0    | true",
        "serial                              | int4        |           | 0    | true",
        "bigserial                           | int8        |           | 0    | true",
        "smallint                            | int2        |           | 0    | true",
        "numeric(10,2)                       | numeric     | 10;2      | 0    | true",
        "numeric                             | numeric     |           | 0    | true",
        "decimal(5)                          | numeric     | 5         | 0    | true",
        "real                                | float4      |           | 0    | true",
        "double precision                    | float8      |           | 0    | true",
        "float(24)                           | float4      |           | 0    | true",
        "float                               | float8      |           | 0    | true",
        "character varying(20)               | varchar     | 20        | 0    | true",
        "character(5)                        | bpchar      | 5         | 0    | true",
        "bpchar                              | bpchar      |           | 0    | true",
        "\"char\"                            | char1       |           | 0    | true",
        "timestamp(3) with time zone         | timestamptz | 3         | 0    | true",
        "timestamp without time zone         | timestamp   |           | 0    | true",
        "timestamptz                         | timestamptz |           | 0    | true",
        "time(6) without time zone           | time        | 6         | 0    | true",
        "time with time zone                 | timetz      |           | 0    | true",
        "interval                            | interval    |           | 0    | true",
        "interval day to second(3)           | interval    | 3         | 0    | true",
        "bit varying(5)                      | varbit      | 5         | 0    | true",
        "pg_catalog.int8                     | int8        |           | 0    | true",
        "_int4                               | int4        |           | 1    | true",
        "integer[]                           | int4        |           | 1    | true",
        "int4[][]                            | int4        |           | 2    | true",
        "character varying(20)[]             | varchar     | 20        | 1    | true",
        "text ARRAY                          | text        |           | 1    | true",
        "int ARRAY[4]                        | int4        |           | 1    | true",
        "mood                                | mood        |           | 0    | false",
        "public.mood                         | public.mood |           | 0    | false",
        "\"Mood\"                            | Mood        |           | 0    | false",
        "_mood                               | mood        |           | 1    | false",
        "USER-DEFINED                        | user-defined|           | 0    | false",
    })
    void parses(String text, String name, String mods, int dims, boolean known) {
        PostgresColumnType t = PostgresColumnType.parse(text);
        assertEquals(name, t.name());
        assertEquals(mods == null ? List.of() : List.of(mods.split(";")).stream().map(Integer::valueOf).toList(),
                t.modifiers());
        assertEquals(dims, t.arrayDimensions());
        assertEquals(known, t.isKnown());
        assertEquals(0, t.elementType().arrayDimensions());
        assertEquals(name, t.elementType().name());
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> PostgresColumnType.parse(" "));
        assertThrows(IllegalArgumentException.class, () -> PostgresColumnType.parse("numeric(a,b)"));
    }
}
