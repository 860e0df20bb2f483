package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class TypeCompatibilityTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Int32                    | INT              | EXACT",
        "Int32                    | BIGINT           | EXACT",
        "Int64                    | BIGINT           | CHECKED",   // -2^63 is not a MaxCompute BIGINT
        "Int64                    | INT              | CHECKED",
        "UInt64                   | DECIMAL(20,0)    | EXACT",
        "UInt64                   | BIGINT           | CHECKED",
        "UInt64                   | DECIMAL(19,0)    | CHECKED",
        "Decimal(10, 2)           | DECIMAL(12,4)    | EXACT",
        "Decimal(10, 2)           | DECIMAL(10,1)    | CHECKED",
        "Int32                    | DOUBLE           | EXACT",
        "Int64                    | DOUBLE           | CHECKED",
        "Float64                  | FLOAT            | CHECKED",
        "Float32                  | DOUBLE           | EXACT",
        "Bool                     | BOOLEAN          | EXACT",
        "UInt8                    | BOOLEAN          | CHECKED",
        "String                   | STRING           | EXACT",
        "String                   | VARCHAR(10)      | CHECKED",
        "String                   | BINARY           | EXACT",
        "UUID                     | STRING           | EXACT",
        "Int32                    | STRING           | EXACT",
        "FixedString(4)           | BINARY           | EXACT",
        "Date                     | DATE             | EXACT",
        "Date32                   | DATE             | EXACT",
        "DateTime                 | DATE             | INCOMPATIBLE",
        "DateTime                 | DATETIME         | EXACT",
        "DateTime64(3)            | DATETIME         | EXACT",
        "DateTime64(6)            | DATETIME         | CHECKED",
        "DateTime64(9)            | TIMESTAMP        | EXACT",
        "Date                     | TIMESTAMP        | EXACT",
        "Array(Int32)             | ARRAY<BIGINT>    | EXACT",
        "Array(Int64)             | ARRAY<INT>       | CHECKED",
        "Array(Int32)             | STRING           | EXACT",
        "Map(String, Int32)       | MAP<STRING,INT>  | EXACT",
        "Tuple(a Int8, b String)  | STRUCT<x:SMALLINT,y:STRING> | EXACT",
        "Tuple(a Int8)            | STRUCT<x:SMALLINT,y:STRING> | INCOMPATIBLE",
        "String                   | INT              | CHECKED",
        "Array(Int32)             | INT              | INCOMPATIBLE",
        "Nullable(Int32)          | INT              | EXACT",
    })
    void clickHouseToMaxCompute(String ch, String mc, TypeCompatibility.Level level) {
        TypeCompatibility c = TypeCompatibility.clickHouseToMaxCompute(ClickHouseType.parse(ch), MaxComputeType.parse(mc));
        assertEquals(level, c.level(), c.toString());
        if (level != TypeCompatibility.Level.EXACT) {
            assertTrue(c.reason().contains(ch) && c.reason().contains(mc), c.reason());
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "bigint                   | Nullable(Int64)         | EXACT",
        "bigint                   | Int64                   | CHECKED",   // MaxCompute values may be NULL
        "int                      | Nullable(UInt32)        | CHECKED",
        "date                     | Nullable(Date32)        | CHECKED",   // 0001..9999 vs 1900..2299
        "datetime                 | Nullable(DateTime64(3)) | CHECKED",
        "string                   | Nullable(String)        | EXACT",
        "binary                   | Nullable(String)        | EXACT",
        "string                   | Nullable(UUID)          | CHECKED",
        "decimal(10,2)            | Nullable(Decimal(12, 2))| EXACT",
        "boolean                  | Nullable(Bool)          | EXACT",
        "boolean                  | Nullable(UInt8)         | EXACT",
        "array<int>               | Array(Nullable(Int64))  | CHECKED",   // a NULL array has no ClickHouse value
        "array<int>               | Array(Int64)            | CHECKED",
        "map<string,int>          | Nullable(String)        | EXACT",
        "struct<a:int>            | Nullable(String)        | EXACT",
        "double                   | Nullable(Date)          | INCOMPATIBLE",
    })
    void maxComputeToClickHouse(String mc, String ch, TypeCompatibility.Level level) {
        TypeCompatibility c = TypeCompatibility.maxComputeToClickHouse(MaxComputeType.parse(mc), ClickHouseType.parse(ch));
        assertEquals(level, c.level(), c.toString());
    }

    @Test
    void theDefaultMappingIsAlwaysWritable() {
        String[] types = {"Int8", "UInt64", "Int128", "Decimal(38, 18)", "Decimal(50, 2)", "Float32", "Bool", "String",
            "FixedString(8)", "UUID", "IPv6", "Enum8('a' = 1)", "Date", "Date32", "DateTime", "DateTime64(3)",
            "DateTime64(9)", "Array(Nullable(Int32))", "Map(String, UInt8)", "Tuple(a Int8, b String)"};
        for (String t : types) {
            ClickHouseType ch = ClickHouseType.parse(t);
            TypeCompatibility c = TypeCompatibility.clickHouseToMaxCompute(ch, ClickHouseToMaxCompute.defaults().map(ch));
            assertEquals(TypeCompatibility.Level.EXACT, c.level(), t + ": " + c);
        }
    }
}
