package io.chpack.common.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.HexFormat;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** String, FixedString, UUID, IPv4, IPv6 and Enum targets. */
class WriterTextTest {
    private static String str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        assertTrue(b.length < 128);
        return String.format("%02x", b.length) + HexFormat.of().formatHex(b);
    }

    @Test
    void stringFromEveryColumnType() {
        assertEquals("00", hex("String", new StringColumn("")));
        assertEquals(str("héllo😀"), hex("String", new StringColumn("héllo😀")));
        assertEquals("03610062", hex("String", new StringColumn("a\0b")));
        assertEquals("0361ff00", hex("String", new BytesColumn(new byte[] {'a', (byte) 0xff, 0})));
        assertEquals(str("18446744073709551615"), hex("String", new LongColumn(new BigInteger("18446744073709551615"))));
        assertEquals(str("1.50"), hex("String", new DoubleColumn("1.50")), "the exact text, trailing zero kept");
        assertEquals(str("true"), hex("String", new BoolColumn(true)));
        assertEquals(str("NaN"), hex("String", new DoubleColumn("NaN")));
    }

    @Test
    void stringFromDateColumnUsesSubTypeAndTheServerZoneElseConfigured() {
        long ms = java.time.Instant.parse("2024-01-15T23:30:00.120Z").toEpochMilli();
        DateColumn dt = new DateColumn(ms);
        assertEquals(str("2024-01-15 23:30:00.120"), hex("String", dt));
        DateColumn whole = new DateColumn(ms - 120);
        assertEquals(str("2024-01-15 23:30:00"), hex("String", whole));
        DateColumn d = new DateColumn(new java.sql.Date(ms));
        ConversionOptions shanghaiServer = opts().serverTimeZone(ZoneId.of("Asia/Shanghai")).build();
        assertEquals(str("2024-01-16"), hex("String", d, shanghaiServer));
        assertEquals(str("2024-01-15"), hex("String", d));
        DateColumn t = new DateColumn(new java.sql.Time(ms));
        assertEquals(str("07:30:00.120"), hex("String", t, shanghaiServer));
        ConversionOptions configured = ConversionOptions.builder(ZoneId.of("America/New_York")).build();
        assertEquals(str("2024-01-15 18:30:00.120"), hex("String", dt, configured));
    }

    @Test
    void loneSurrogatesAreRejectedNotTurnedIntoQuestionMarks() {
        ColumnConversionException e = reject("String", new StringColumn("a\uD800b"));
        assertTrue(e.reason().contains("unpaired UTF-16 surrogate U+D800 at index 1"), e.getMessage());
        reject("String", new StringColumn("\uDC00"));
        reject("FixedString(4)", new StringColumn("\uD83D"));
    }

    @Test
    void fixedStringPadsShorterAndRejectsLonger() {
        assertEquals("616200", hex("FixedString(3)", new StringColumn("ab")));
        assertEquals("000000", hex("FixedString(3)", new StringColumn("")));
        assertEquals("c3a900", hex("FixedString(3)", new StringColumn("é")));
        assertEquals("00ff01", hex("FixedString(3)", new BytesColumn(new byte[] {0, (byte) 0xff, 1})));
        assertEquals("3432", hex("FixedString(2)", new LongColumn(42L)));
        ColumnConversionException e = reject("FixedString(3)", new StringColumn("abcd"));
        assertTrue(e.reason().contains("4 bytes, more than the 3"), e.getMessage());
        reject("FixedString(3)", new StringColumn("😀"));
        reject("FixedString(1)", new BytesColumn(new byte[2]));
    }

    @Test
    void uuidFromCanonicalTextOrSixteenBytes() {
        String expected = "e711b35c04c4f061a0dbd36a00a67b90";
        assertEquals(expected, hex("UUID", new StringColumn("61f0c404-5cb3-11e7-907b-a6006ad3dba0")));
        assertEquals(expected, hex("UUID", new StringColumn("61F0C404-5CB3-11E7-907B-A6006AD3DBA0")));
        assertEquals(expected, hex("UUID", new BytesColumn(unhex("61f0c4045cb311e7907ba6006ad3dba0"))));
        for (String bad : new String[] {"", "61f0c4045cb311e7907ba6006ad3dba0", "{61f0c404-5cb3-11e7-907b-a6006ad3dba0}",
                "1-2-3-4-5", "61f0c404-5cb3-11e7-907b-a6006ad3dbag", " 61f0c404-5cb3-11e7-907b-a6006ad3dba0",
                "61f0c404_5cb3-11e7-907b-a6006ad3dba0"}) {
            reject("UUID", new StringColumn(bad));
        }
        reject("UUID", new BytesColumn(new byte[15]));
        reject("UUID", new LongColumn(1L));
    }

    @Test
    void ipv4FromTextNumberOrFourBytes() {
        assertEquals("0100007f", hex("IPv4", new StringColumn("127.0.0.1")));
        assertEquals("ffffffff", hex("IPv4", new StringColumn("255.255.255.255")));
        assertEquals("00000000", hex("IPv4", new StringColumn("0.0.0.0")));
        assertEquals("ffffffff", hex("IPv4", new LongColumn(4294967295L)));
        assertEquals("0100007f", hex("IPv4", new BytesColumn(new byte[] {127, 0, 0, 1})));
        reject("IPv4", new LongColumn(4294967296L));
        reject("IPv4", new LongColumn(-1L));
        for (String bad : new String[] {"", "256.0.0.1", "01.2.3.4", "1.2.3", "1.2.3.4.5", "1.2.3.4 ", "a.b.c.d", "1..2.3",
                "1.2.3.-4", "::1"}) {
            reject("IPv4", new StringColumn(bad));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":::", "1:2:3:4:5:6:7:8:9", "1::2::3", "12345::", "fe80::1%eth0", "[::1]", "::g",
            "1:2:3:4:5:6:7", "1:", ":1", "::1.2.3", "::256.1.1.1", "1.2.3.4::", "1:2:3:4:5:6:7:1.2.3.4"})
    void ipv6TextIsStrict(String s) {
        reject("IPv6", new StringColumn(s));
    }

    @Test
    void ipv6Forms() {
        assertEquals("00000000000000000000000000000001", hex("IPv6", new StringColumn("::1")));
        assertEquals("00000000000000000000000000000000", hex("IPv6", new StringColumn("::")));
        assertEquals("20010db8000000000000ff0000428329", hex("IPv6", new StringColumn("2001:db8::ff00:42:8329")));
        assertEquals("20010db8000000000000ff0000428329", hex("IPv6", new StringColumn("2001:0DB8:0000:0000:0000:ff00:0042:8329")));
        assertEquals("00000000000000000000ffff01020304", hex("IPv6", new StringColumn("::ffff:1.2.3.4")));
        assertEquals("00000000000000000000ffff01020304", hex("IPv6", new StringColumn("1.2.3.4")), "IPv4 text maps");
        assertEquals("00010002000300040005000600070000", hex("IPv6", new StringColumn("1:2:3:4:5:6:7::")));
        assertEquals("00000000000000000000000000000001", hex("IPv6", new BytesColumn(unhex("00000000000000000000000000000001"))));
        reject("IPv6", new BytesColumn(new byte[4]));
    }

    @Test
    void enumByNameOrExistingValue() {
        String type = "Enum8('a' = 1, 'b' = 2, '1' = 3, 'neg' = -128)";
        assertEquals("01", hex(type, new StringColumn("a")));
        assertEquals("03", hex(type, new StringColumn("1")), "a name wins over a value");
        assertEquals("02", hex(type, new StringColumn("2")), "value 2 (no entry is named '2')");
        assertEquals("80", hex(type, new StringColumn("-128")));
        assertEquals("02", hex(type, new LongColumn(2L)));
        assertTrue(reject(type, new StringColumn("A")).reason().contains("neither an entry name nor an entry value"));
        reject(type, new StringColumn("4"));
        reject(type, new StringColumn(""));
        reject(type, new LongColumn(4L));
        reject(type, new LongColumn(BigInteger.ONE.shiftLeft(40).add(BigInteger.ONE)));
        reject(type, new DoubleColumn("1"));
        assertEquals("0080", hex("Enum16('lo' = -32768, 'hi' = 32767)", new StringColumn("lo")));
        assertEquals("ff7f", hex("Enum16('lo' = -32768, 'hi' = 32767)", new LongColumn(32767L)));
    }
}
