package io.chpack.common.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MaxComputeTypeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bigint                                   | BIGINT",
        "INTEGER                                  | INT",
        "decimal(10,2)                            | DECIMAL(10,2)",
        "DECIMAL( 38 , 18 )                       | DECIMAL(38,18)",
        "decimal(5)                               | DECIMAL(5,0)",
        "decimal                                  | DECIMAL",
        "varchar(20)                              | VARCHAR(20)",
        "char(255)                                | CHAR(255)",
        "timestamp_ntz                            | TIMESTAMP_NTZ",
        "json                                     | JSON",
        "array<map<string,bigint>>                | ARRAY<MAP<STRING,BIGINT>>",
        "array< array<int> >                      | ARRAY<ARRAY<INT>>",
        "struct<a:int,b:string>                   | STRUCT<a:INT,b:STRING>",
        "struct<`a b`:int, `c``d`:array<double>>  | STRUCT<`a b`:INT,`c``d`:ARRAY<DOUBLE>>",
        "struct<a:int comment 'the, a>',b:date>   | STRUCT<a:INT,b:DATE>",
        "map<string,struct<x:decimal(3,1)>>       | MAP<STRING,STRUCT<x:DECIMAL(3,1)>>",
    })
    void parsesAndRendersCanonically(String text, String canonical) {
        MaxComputeType t = MaxComputeType.parse(text);
        assertEquals(canonical, t.toString());
        assertEquals(t, MaxComputeType.parse(canonical));
    }

    @Test
    void accessors() {
        MaxComputeType s = MaxComputeType.parse("struct<a:int,b:array<string>>");
        assertEquals(MaxComputeTypeKind.STRUCT, s.kind());
        assertEquals(List.of("a", "b"), s.fieldNames());
        assertEquals(MaxComputeTypeKind.STRING, s.fieldTypes().get(1).elementType().kind());
        MaxComputeType legacy = MaxComputeType.parse("decimal");
        assertTrue(legacy.isLegacyDecimal());
        assertEquals(54, legacy.precision());
        assertEquals(18, legacy.scale());
        assertEquals(20, MaxComputeType.parse("varchar(20)").length());
        assertThrows(IllegalStateException.class, () -> MaxComputeType.parse("int").length());
        assertEquals(MaxComputeType.parse("STRUCT<A:INT>"), MaxComputeType.parse("struct<a:int>"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"decimal(39,0)", "decimal(38,19)", "decimal(0)", "varchar(0)", "varchar(65536)",
        "char(256)", "array<int", "map<int>", "struct<>", "struct<a:int,a:string>", "frob", "int extra", "array<>",
        "struct<a int>", "decimal(99999999999,1)"})
    void rejectsMalformedOrOutOfRange(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MaxComputeType.parse(text));
        assertTrue(e.getMessage().contains(text.trim()), e.getMessage());
    }
}
