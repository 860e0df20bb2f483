package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ClickHouseMaxComputeMappingTest {
    /** Every row of "ClickHouse → MaxCompute" in docs/type-mapping.md. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Int8                              | TINYINT",
        "Int16                             | SMALLINT",
        "Int32                             | INT",
        "Int64                             | BIGINT",
        "UInt8                             | SMALLINT",
        "UInt16                            | INT",
        "UInt32                            | BIGINT",
        "UInt64                            | DECIMAL(20,0)",
        "Int128                            | STRING",
        "Int256                            | STRING",
        "UInt128                           | STRING",
        "UInt256                           | STRING",
        "Float32                           | FLOAT",
        "BFloat16                          | FLOAT",
        "Float64                           | DOUBLE",
        "Decimal(38, 18)                   | DECIMAL(38,18)",
        "Decimal(9, 2)                     | DECIMAL(9,2)",
        "Decimal(38, 19)                   | STRING",
        "Decimal(76, 10)                   | STRING",
        "Bool                              | BOOLEAN",
        "String                            | STRING",
        "FixedString(16)                   | BINARY",
        "UUID                              | STRING",
        "IPv4                              | STRING",
        "IPv6                              | STRING",
        "Enum8('a' = 1)                    | STRING",
        "Enum16('b' = 1000)                | STRING",
        "Date                              | DATE",
        "Date32                            | DATE",
        "DateTime                          | DATETIME",
        "DateTime('Asia/Shanghai')         | DATETIME",
        "DateTime64(3)                     | DATETIME",
        "DateTime64(6, 'UTC')              | TIMESTAMP",
        "DateTime64(9)                     | TIMESTAMP",
        "Nullable(Int32)                   | INT",
        "LowCardinality(Nullable(String))  | STRING",
        "Array(Nullable(UInt64))           | ARRAY<DECIMAL(20,0)>",
        "Map(String, Array(Int8))          | MAP<STRING,ARRAY<TINYINT>>",
        "Tuple(a Int32, b String)          | STRUCT<a:INT,b:STRING>",
        "Tuple(Int32, String)              | STRUCT<f1:INT,f2:STRING>",
        "Nested(x Int8, y String)          | ARRAY<STRUCT<x:TINYINT,y:STRING>>",
    })
    void clickHouseToMaxCompute(String ch, String mc) {
        assertEquals(mc, ClickHouseToMaxCompute.defaults().map(ClickHouseType.parse(ch)).toString());
    }

    @Test
    void uint64TargetsAndUnmappableTypes() {
        ClickHouseType u = ClickHouseType.parse("UInt64");
        assertEquals("BIGINT", new ClickHouseToMaxCompute(UInt64Target.BIGINT).map(u).toString());
        assertEquals("STRING", new ClickHouseToMaxCompute(UInt64Target.STRING).map(u).toString());
        UnmappableTypeException e = assertThrows(UnmappableTypeException.class,
                () -> ClickHouseToMaxCompute.defaults().map(ClickHouseType.parse("Nothing")));
        assertTrue(e.getMessage().contains("Nothing"), e.getMessage());
    }

    /** Every row of "MaxCompute → ClickHouse". */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "tinyint                  | Int8",
        "smallint                 | Int16",
        "int                      | Int32",
        "bigint                   | Int64",
        "float                    | Float32",
        "double                   | Float64",
        "decimal(10,2)            | Decimal(10, 2)",
        "decimal                  | Decimal(54, 18)",
        "boolean                  | Bool",
        "string                   | String",
        "varchar(20)              | String",
        "char(5)                  | String",
        "binary                   | String",
        "json                     | String",
        "date                     | Date32",
        "datetime                 | DateTime64(3)",
        "timestamp                | DateTime64(9)",
        "timestamp_ntz            | DateTime64(9)",
        "array<bigint>            | Array(Nullable(Int64))",
        "array<array<int>>        | Array(Array(Nullable(Int32)))",
        "map<string,double>       | Map(String, Nullable(Float64))",
        "map<bigint,array<int>>   | Map(Int64, Array(Nullable(Int32)))",
        "struct<a:int,b:string>   | Tuple(a Nullable(Int32), b Nullable(String))",
    })
    void maxComputeToClickHouse(String mc, String ch) {
        assertEquals(ch, MaxComputeToClickHouse.map(MaxComputeType.parse(mc)).toString());
    }

    @Test
    void intervalsHaveNoClickHouseColumnType() {
        assertThrows(UnmappableTypeException.class,
                () -> MaxComputeToClickHouse.map(MaxComputeType.of(MaxComputeTypeKind.INTERVAL_DAY_TIME)));
    }

    @Test
    void maxComputeDdl() {
        Map<String, ClickHouseType> cols = new LinkedHashMap<>();
        cols.put("id", ClickHouseType.parse("UInt64"));
        cols.put("name", ClickHouseType.parse("LowCardinality(Nullable(String))"));
        cols.put("amount", ClickHouseType.parse("Decimal(18, 4)"));
        cols.put("at", ClickHouseType.parse("DateTime64(6)"));
        cols.put("tags", ClickHouseType.parse("Array(String)"));
        cols.put("attrs", ClickHouseType.parse("Map(String, Float64)"));
        List<MaxComputeColumnSpec> specs = MaxComputeDdl.columnsFromClickHouse(cols, ClickHouseToMaxCompute.defaults());
        String ddl = MaxComputeDdl.createTable("proj", "orders", specs,
                List.of(new MaxComputeColumnSpec("pt", MaxComputeType.parse("string"))), 30);
        assertEquals("""
                CREATE TABLE IF NOT EXISTS `proj`.`orders`
                (
                    `id` DECIMAL(20,0),
                    `name` STRING,
                    `amount` DECIMAL(18,4),
                    `at` TIMESTAMP,
                    `tags` ARRAY<STRING>,
                    `attrs` MAP<STRING,DOUBLE>
                )
                PARTITIONED BY
                (
                    `pt` STRING
                )
                LIFECYCLE 30;""", ddl);
        assertEquals("CREATE TABLE IF NOT EXISTS `t`\n(\n    `a` BIGINT\n);",
                MaxComputeDdl.createTable(null, "t", List.of(new MaxComputeColumnSpec("a", MaxComputeType.parse("bigint"))),
                        List.of(), null));
        assertEquals("true", MaxComputeDdl.REQUIRED_HINTS.get("odps.sql.type.system.odps2"));
    }

    @Test
    void maxComputeDdlErrors() {
        List<MaxComputeColumnSpec> a = List.of(new MaxComputeColumnSpec("a", MaxComputeType.parse("bigint")));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MaxComputeDdl.createTable(
                null, "t", List.of(new MaxComputeColumnSpec("n.a", MaxComputeType.parse("bigint"))), List.of(), null));
        assertTrue(bad.getMessage().contains("'n.a'"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MaxComputeDdl.createTable(null, "t", a,
                List.of(new MaxComputeColumnSpec("pt", MaxComputeType.parse("date"))), null));
        assertThrows(IllegalArgumentException.class, () -> MaxComputeDdl.createTable(null, "t", a,
                List.of(new MaxComputeColumnSpec("A", MaxComputeType.parse("string"))), null));
        assertThrows(IllegalArgumentException.class, () -> MaxComputeDdl.createTable(null, "t", a, List.of(), 0));
        Map<String, ClickHouseType> nothing = new LinkedHashMap<>();
        nothing.put("z", ClickHouseType.parse("Nothing"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MaxComputeDdl.columnsFromClickHouse(nothing, ClickHouseToMaxCompute.defaults()));
        assertTrue(e.getMessage().startsWith("column 'z'"), e.getMessage());
    }
}
