package io.chpack.common.mapping;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MysqlColumnTypeTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // text                               | name      | args      | unsigned | zerofill
        "int                                  | int       |           | false    | false",
        "int(11)                              | int       | 11        | false    | false",
        "INT UNSIGNED                         | int       |           | true     | false",
        "int(10) unsigned zerofill            | int       | 10        | true     | true",
        "int zerofill                         | int       |           | true     | true",
        "bigint(20) unsigned                  | bigint    | 20        | true     | false",
        "BIGINT UNSIGNED                      | bigint    |           | true     | false",
        "tinyint(1)                           | tinyint   | 1         | false    | false",
        "bool                                 | tinyint   | 1         | false    | false",
        "boolean                              | tinyint   | 1         | false    | false",
        "serial                               | bigint    |           | true     | false",
        "integer                              | int       |           | false    | false",
        "middleint                            | mediumint |           | false    | false",
        "decimal(65,30)                       | decimal   | 65;30     | false    | false",
        "decimal( 10 , 2 ) unsigned           | decimal   | 10;2      | true     | false",
        "numeric(5)                           | decimal   | 5         | false    | false",
        "fixed(7,1)                           | decimal   | 7;1       | false    | false",
        "real                                 | double    |           | false    | false",
        "double precision                     | double    |           | false    | false",
        "float(7,4)                           | float     | 7;4       | false    | false",
        "float(24)                            | float     |           | false    | false",
        "float(25)                            | double    |           | false    | false",
        "datetime(6)                          | datetime  | 6         | false    | false",
        "timestamp(3)                         | timestamp | 3         | false    | false",
        "time(6)                              | time      | 6         | false    | false",
        "year(4)                              | year      | 4         | false    | false",
        "bit(64)                              | bit       | 64        | false    | false",
        "varchar(255) character set utf8mb4 collate utf8mb4_bin | varchar | 255 | false | false",
        "char(10) binary                      | char      | 10        | false    | false",
        "character varying(20)                | varchar   | 20        | false    | false",
        "long varbinary                       | mediumblob |          | false    | false",
        "binary(16)                           | binary    | 16        | false    | false",
        "geomcollection                       | geometrycollection | | false    | false",
    })
    void parses(String text, String name, String args, boolean unsigned, boolean zerofill) {
        MysqlColumnType t = MysqlColumnType.parse(text);
        assertEquals(name, t.name());
        assertEquals(args == null ? List.of() : List.of(args.split(";")), t.args());
        assertEquals(unsigned, t.isUnsigned());
        assertEquals(zerofill, t.isZerofill());
        assertEquals(text, t.text());
    }

    @Test
    void enumAndSetLabelsWithQuotesCommasAndParentheses() {
        MysqlColumnType e = MysqlColumnType.parse("enum('a','b''c','d,e','f)g','h\\'i')");
        assertEquals("enum", e.name());
        assertTrue(e.hasLabels());
        assertEquals(List.of("a", "b'c", "d,e", "f)g", "h'i"), e.args());
        MysqlColumnType s = MysqlColumnType.parse("SET('x','y')");
        assertEquals("set", s.name());
        assertEquals(List.of("x", "y"), s.args());
        assertEquals(List.of(""), MysqlColumnType.parse("enum('')").args());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "int(", "int(10", "decimal(10,)", "enum('a", "int frobnicate", "int(1) +"})
    void rejectsMalformedText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MysqlColumnType.parse(text));
        assertTrue(e.getMessage().contains("MySQL"), e.getMessage());
    }

    @Test
    void intArgDefaultsAndErrors() {
        assertEquals(10, MysqlColumnType.parse("decimal").intArg(0, 10));
        assertEquals(0, MysqlColumnType.parse("decimal(12)").intArg(1, 0));
        assertThrows(IllegalArgumentException.class, () -> MysqlColumnType.parse("enum('a')").intArg(0, 1));
    }
}
