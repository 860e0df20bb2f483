package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonCodecTest {

    @Test
    void numbersKeepTheirExactValueAndNarrowestIntegerType() {
        Configuration conf = Configuration.from("{\"i\":-2147483648,\"l\":2147483648,"
                + "\"u\":18446744073709551615,\"d\":3.14159265358979323846264338327950288,"
                + "\"e\":1.5E+300,\"z\":-0.0,\"tiny\":1e-400}");
        assertInstanceOf(Integer.class, conf.get("i"));
        assertInstanceOf(Long.class, conf.get("l"));
        assertEquals(new BigInteger("18446744073709551615"), conf.get("u"));
        assertEquals(new BigDecimal("3.14159265358979323846264338327950288"), conf.get("d"));
        assertInstanceOf(BigDecimal.class, conf.get("e"));
        String json = conf.toJSON();
        assertEquals("{\"i\":-2147483648,\"l\":2147483648,\"u\":18446744073709551615,"
                + "\"d\":3.14159265358979323846264338327950288,\"e\":1.5E+300,\"z\":0.0,\"tiny\":1E-400}", json);
        assertEquals(json, Configuration.from(json).toJSON(), "second round trip is stable");
    }

    @Test
    void stringsEscapeControlsAndKeepUnicode() {
        String text = "q\" b\\ /\n\r\t\b\f \u0001 \u00e9 \u4e2d\u6587 \ud83d\ude00 \u2028";
        Configuration conf = Configuration.newDefault();
        conf.set("s", text);
        String json = conf.toJSON();
        assertEquals("{\"s\":\"q\\\" b\\\\ /\\n\\r\\t\\b\\f \\u0001 \u00e9 \u4e2d\u6587 \ud83d\ude00 \\u2028\"}",
                json);
        assertEquals(text, Configuration.from(json).getString("s"));
        assertEquals("\u00e9\u4e2d/", Configuration.from("{\"s\":\"\\u00E9\\u4e2d\\/\"}").getString("s"));
    }

    @Test
    void nullMapValuesAreOmittedButListNullsKept() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", null);
        map.put("l", Arrays.asList(1, null));
        Configuration conf = Configuration.newDefault();
        conf.set("m", map);
        assertEquals("{\"m\":{\"l\":[1,null]}}", conf.toJSON());
        assertNull(Configuration.from("{\"x\":null}").get("x"));
    }

    @Test
    void otherValueTypesSerialiseSensibly() {
        Configuration conf = Configuration.newDefault();
        conf.set("c", 'x');
        conf.set("nan", Double.NaN);
        conf.set("dbl", 0.25d);
        conf.set("enum", CommonErrorCode.CONFIG_ERROR);
        conf.set("date", new java.util.Date(1234L));
        assertEquals("{\"c\":\"x\",\"nan\":null,\"dbl\":0.25,\"enum\":\"CONFIG_ERROR\",\"date\":1234}", conf.toJSON());
    }

    @Test
    void beautifyIsIndentedValidJson() {
        Configuration conf = Configuration.from("{\"a\":[1,{\"b\":\"c\"}],\"e\":{},\"f\":[]}");
        String pretty = conf.beautify();
        assertEquals("{\n\t\"a\": [\n\t\t1,\n\t\t{\n\t\t\t\"b\": \"c\"\n\t\t}\n\t],\n\t\"e\": {},\n\t\"f\": []\n}", pretty);
        assertEquals(conf.toJSON(), Configuration.from(pretty).toJSON());
    }

    @Test
    void lenientInputLikeTheEngine() {
        Configuration conf = Configuration.from("// job\n{ /* c */ 'k' : 'v', \"n\": [ ] }\n");
        assertEquals("v", conf.getString("k"));
        assertEquals(0, conf.getList("n").size());
    }

    @Test
    void invalidJsonNamesThePosition() {
        DataXException e = assertThrows(DataXException.class, () -> Configuration.from("{\n  \"a\": [1, 2,, 3]\n}"));
        assertEquals(CommonErrorCode.CONFIG_ERROR, e.getErrorCode());
        assertTrue(e.getMessage().contains("line 2, column 14 (offset 15)"), e.getMessage());

        for (String bad : new String[] {"{\"a\":1", "{\"a\" 1}", "[1 2]", "{\"a\":tru}", "{\"a\":01}",
                "{\"a\":\"x\ny\"}", "{\"a\":1} x", "{a:1}", "{\"a\":\"\\x\"}", "{\"a\":-}", "{\"a\":1.}"}) {
            DataXException each = assertThrows(DataXException.class, () -> Configuration.from(bad), bad);
            assertEquals(CommonErrorCode.CONFIG_ERROR, each.getErrorCode(), bad);
            assertTrue(each.getMessage().contains("offset"), each.getMessage());
        }
        assertEquals(CommonErrorCode.CONFIG_ERROR,
                assertThrows(DataXException.class, () -> Configuration.from("  ")).getErrorCode());
    }

    @Test
    void readsFilesAndStreamsAsUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("job.json");
        Files.write(file, "{\"name\":\"\u4e2d\u6587\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("\u4e2d\u6587", Configuration.from(file.toFile()).getString("name"));
        assertEquals("\u4e2d\u6587", Configuration.from(new ByteArrayInputStream(
                "{\"name\":\"\u4e2d\u6587\"}".getBytes(StandardCharsets.UTF_8))).getString("name"));

        File missing = dir.resolve("missing.json").toFile();
        DataXException e = assertThrows(DataXException.class, () -> Configuration.from(missing));
        assertEquals(CommonErrorCode.CONFIG_ERROR, e.getErrorCode());
        assertTrue(e.getMessage().contains(missing.getAbsolutePath()), e.getMessage());
    }

    @Test
    void parsedContainersAreMutableAndOrdered() {
        Configuration conf = Configuration.from("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(Arrays.asList("z", "a", "m"), List.copyOf(conf.getMap("").keySet()));
        conf.getMap("").put("new", 1);
        assertEquals(1, conf.get("new"));
    }
}
