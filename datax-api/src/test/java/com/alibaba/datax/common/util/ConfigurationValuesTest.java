package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.ErrorCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationValuesTest {

    private static final String PROP = "chpack.test.var";
    private static final String PROP2 = "chpack_test_other";

    private final String savedProp = System.getProperty(PROP);
    private final String savedProp2 = System.getProperty(PROP2);

    @AfterEach
    void restoreProperties() {
        restore(PROP, savedProp);
        restore(PROP2, savedProp2);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static DataXException configError(Executable call, String... fragments) {
        DataXException e = assertThrows(DataXException.class, call);
        assertEquals(CommonErrorCode.CONFIG_ERROR, e.getErrorCode());
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> e.getMessage() + " lacks " + fragment);
        }
        return e;
    }

    @Test
    void getBoolAcceptsOnlyTrueAndFalse() {
        Configuration conf = Configuration.from(
                "{\"t\":true,\"f\":\"FALSE\",\"s\":\"True\",\"one\":1,\"yes\":\"yes\",\"blank\":\"\"}");
        assertEquals(Boolean.TRUE, conf.getBool("t"));
        assertEquals(Boolean.FALSE, conf.getBool("f"));
        assertEquals(Boolean.TRUE, conf.getBool("s"));
        assertNull(conf.getBool("missing"));
        assertEquals(Boolean.TRUE, conf.getBool("missing", true));
        configError(() -> conf.getBool("one"), "[one]", "[1]");
        configError(() -> conf.getBool("yes"), "[yes]");
        configError(() -> conf.getBool("blank", false), "[blank]");
    }

    @Test
    void numericGettersConvertTextAndRejectGarbage() {
        Configuration conf = Configuration.from("{\"i\":\"42\",\"l\":9007199254740993,\"d\":\"2.5\","
                + "\"bad\":\"12abc\",\"frac\":1.5,\"blank\":\" \"}");
        assertEquals(Integer.valueOf(42), conf.getInt("i"));
        assertEquals(Long.valueOf(9007199254740993L), conf.getLong("l"));
        assertEquals(Double.valueOf(2.5), conf.getDouble("d"));
        assertEquals(Integer.valueOf(7), conf.getInt("missing", 7));
        assertEquals(Long.valueOf(8), conf.getLong("missing", 8L));
        assertEquals(Double.valueOf(0.5), conf.getDouble("missing", 0.5));
        assertNull(conf.getLong("blank"), "blank counts as missing for long");
        assertEquals(Long.valueOf(3), conf.getLong("blank", 3L));
        assertNull(conf.getDouble("blank"));

        configError(() -> conf.getInt("bad"), "[bad]", "[12abc]");
        configError(() -> conf.getInt("frac"), "[frac]", "[1.5]");
        configError(() -> conf.getInt("l"), "[l]", "9007199254740993");
        configError(() -> conf.getLong("bad", 1L), "[bad]");
        configError(() -> conf.getDouble("bad"), "[bad]", "[12abc]");
        configError(() -> conf.getInt("blank"), "[blank]");
    }

    @Test
    void getStringRendersNodesAsJsonAndNumbersExactly() {
        Configuration conf = Configuration.from(
                "{\"o\":{\"k\":[1,\"two\"]},\"n\":12345678901234567890123,\"d\":0.10,\"b\":false}");
        assertEquals("{\"k\":[1,\"two\"]}", conf.getString("o"));
        assertEquals("[1,\"two\"]", conf.getString("o.k"));
        assertEquals("12345678901234567890123", conf.getString("n"));
        assertEquals("0.10", conf.getString("d"));
        assertEquals("false", conf.getString("b"));
    }

    @Test
    void getCharTakesTheFirstCharacter() {
        Configuration conf = Configuration.from("{\"sep\":\"\\u0001\",\"word\":\"abc\",\"empty\":\"\"}");
        assertEquals(Character.valueOf('\u0001'), conf.getChar("sep"));
        assertEquals(Character.valueOf('a'), conf.getChar("word"));
        assertEquals(Character.valueOf(','), conf.getChar("missing", ','));
        configError(() -> conf.getChar("empty"), "[empty]");
    }

    @Test
    void necessaryValuesUseTheCallersErrorCode() {
        ErrorCode code = new ErrorCode() {
            @Override
            public String getCode() {
                return "Plugin-07";
            }

            @Override
            public String getDescription() {
                return "required";
            }

            @Override
            public String toString() {
                return "Code:[Plugin-07]";
            }
        };
        Configuration conf = Configuration.from("{\"u\":\"root\",\"p\":\"  \",\"flag\":\"true\"}");
        assertEquals("root", conf.getNecessaryValue("u", code));
        DataXException e = assertThrows(DataXException.class, () -> conf.getNecessaryValue("p", code));
        assertSame(code, e.getErrorCode());
        assertTrue(e.getMessage().startsWith("Code:[Plugin-07] - "), e.getMessage());
        assertTrue(e.getMessage().contains("[p]"), e.getMessage());
        assertThrows(DataXException.class, () -> conf.getNecessaryValue("missing", code));

        assertEquals("dflt", conf.getUnnecessaryValue("p", "dflt", code));
        assertEquals("root", conf.getUnnecessaryValue("u", "dflt", code));
        assertEquals(Boolean.TRUE, conf.getNecessaryBool("flag", code));
        assertSame(code, assertThrows(DataXException.class,
                () -> conf.getNecessaryBool("missing", code)).getErrorCode());
    }

    @Test
    void variablesAreSubstitutedFromSystemProperties() {
        System.setProperty(PROP2, "2024-01-02");
        Configuration conf = Configuration.from("{\"where\":\"dt='${" + PROP2 + "}'\",\"bare\":\"$"
                + PROP2 + "\",\"half\":\"${" + PROP2 + "\"}");
        assertEquals("dt='2024-01-02'", conf.getString("where"));
        assertEquals("2024-01-02", conf.getString("bare"), "braces are optional");
        assertEquals("2024-01-02", conf.getString("half"));
    }

    @Test
    void dottedPropertyNamesAreNotVariables() {
        // \w+ stops at the dot: only "chpack" is looked up, and it is undefined.
        System.setProperty(PROP, "nope");
        Configuration conf = Configuration.from("{\"v\":\"${" + PROP + "}\"}");
        assertEquals("${" + PROP + "}", conf.getString("v"));
    }

    @Test
    void undefinedOrBlankVariablesStayAsWritten() {
        System.clearProperty(PROP2);
        assertEquals("${" + PROP2 + "}", Configuration.from("{\"v\":\"${" + PROP2 + "}\"}").getString("v"));
        System.setProperty(PROP2, " ");
        assertEquals("a$" + PROP2, Configuration.from("{\"v\":\"a$" + PROP2 + "\"}").getString("v"));
    }

    @Test
    void substitutedTextIsInsertedLiterallyAndOnce() {
        System.setProperty(PROP2, "cost $1 and ${" + PROP2 + "}");
        assertEquals("cost $1 and ${" + PROP2 + "}",
                Configuration.from("{\"v\":\"${" + PROP2 + "}\"}").getString("v"));
    }
}
