package io.chpack.common.convert;

import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonObject;
import io.chpack.common.json.JsonParser;
import io.chpack.common.json.JsonStrings;
import io.chpack.common.json.JsonSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The strict JSON parser/writer and the IPv6 formatter/parser pair. */
class TextParsersTest {
    @Test
    void jsonValues() {
        List<?> l = (List<?>) JsonParser.parse("[1,\"a\",true]");
        assertEquals("1", ((JsonNumber) l.get(0)).text());
        assertTrue(((JsonNumber) l.get(0)).isIntegerLiteral());
        assertEquals(List.of("a", true), l.subList(1, 3));
        assertNull(JsonParser.parse(" null "));
        assertEquals("18446744073709551615", ((JsonNumber) JsonParser.parse("18446744073709551615")).text());
        assertFalse(((JsonNumber) JsonParser.parse("-1.5e-3")).isIntegerLiteral());
        assertEquals("\"\\/\b\f\n\r\t\u00e9😀", JsonParser.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\""));
        JsonObject o = (JsonObject) JsonParser.parse("{\"k\":1,\"k\":[]}");
        assertEquals(2, o.size());
        assertEquals("k", o.firstDuplicateName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "[1,]", "[,1]", "{\"a\":1,}", "{a:1}", "{'a':1}", "[01]", "[1.]", "[.5]", "[+1]", "[NaN]",
            "[Infinity]", "[1e]", "[\"\\x\"]", "[\"\t\"]", "[\"\\ud800\"]", "[\"\\udc00\"]", "[1] [2]", "nul", "[true false]",
            "{\"a\" 1}", "[\"\\u12\"]", "/*c*/1", "[1]//", "\"\uD800\""})
    void jsonIsStrict(String s) {
        assertThrows(JsonSyntaxException.class, () -> JsonParser.parse(s));
    }

    @Test
    void jsonDepthIsLimited() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertThrows(JsonSyntaxException.class, () -> JsonParser.parse(deep));
        String ok = "[".repeat(500) + "]".repeat(500);
        assertNotNull(JsonParser.parse(ok));
    }

    @Test
    void jsonStringsRoundTrip() {
        String s = "a\"b\\c\0\u001f\u2028é😀/";
        assertEquals("\"a\\\"b\\\\c\\u0000\\u001f\\u2028é😀/\"", JsonStrings.quote(s));
        assertEquals(s, JsonParser.parse(JsonStrings.quote(s)));
    }

    @Test
    void ipv6FormatParsesBackForRandomAddresses() {
        Random r = new Random(3);
        for (int i = 0; i < 5000; i++) {
            byte[] b = new byte[16];
            for (int k = 0; k < 16; k += 2) {
                int kind = r.nextInt(3);
                if (kind > 0) {
                    b[k] = (byte) r.nextInt(256);
                    b[k + 1] = (byte) r.nextInt(256);
                }
            }
            if (r.nextInt(10) == 0) {
                java.util.Arrays.fill(b, 0, 10, (byte) 0);
                b[10] = (byte) 0xff;
                b[11] = (byte) 0xff;
            }
            String text = IpText.formatIpv6(b);
            assertArrayEquals(b, IpText.parseIpv6(text), text);
            assertArrayEquals(b, IpText.parseIpv6(text.toUpperCase(java.util.Locale.ROOT)), text);
        }
    }
}
