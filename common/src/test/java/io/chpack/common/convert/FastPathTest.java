package io.chpack.common.convert;

import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.rowbinary.RowBinaryOutput;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Random;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The allocation-free fast paths of the writers and readers give exactly the bytes, texts and messages of
 * the general (BigDecimal / BigInteger / java.time) paths, at their edges.
 */
class FastPathTest {
    private static String codecHex(String type, Object value) {
        return HexFormat.of().formatHex(codecBytes(type, value));
    }

    // ------------------------------------------------------------------ Decimal text and longs

    private static void decimalLike(String type, int scale, String text) {
        String expected = codecHex(type, new BigDecimal(text).setScale(scale, RoundingMode.UNNECESSARY));
        assertEquals(expected, hex(type, new StringColumn(text)), () -> type + " " + text);
        assertEquals(expected, hex(type, new DoubleColumn(text)), () -> type + " " + text);
    }

    @Test
    void decimalTextEdges() {
        for (String t : new String[] {"0", "-0", "+0", "0.0000", "-0.000", "1", "+1.5", "-1.5", ".5", "5.", "-.0001",
            "1.50000000", "00012.3400", "99999999999999.9999", "-99999999999999.9999", "0.0001"}) {
            decimalLike("Decimal(18, 4)", 4, t);
        }
        decimalLike("Decimal(18, 0)", 0, "999999999999999999");
        decimalLike("Decimal(18, 0)", 0, "-999999999999999999");
        decimalLike("Decimal(9, 2)", 2, "-9999999.99");
        decimalLike("Decimal(9, 9)", 9, "0.000000001");
        // 128-bit path: up to 38 digits, both signs
        decimalLike("Decimal(38, 10)", 10, "9999999999999999999999999999.9999999999");
        decimalLike("Decimal(38, 10)", 10, "-9999999999999999999999999999.9999999999");
        decimalLike("Decimal(38, 10)", 10, "-9223372036854775808");
        decimalLike("Decimal(38, 10)", 10, "922337203.6854775808");
        decimalLike("Decimal(38, 10)", 10, "-18446744073709551616");
        decimalLike("Decimal(38, 20)", 20, "-0.00000000000000000001");
        decimalLike("Decimal(38, 38)", 38, "-0.99999999999999999999999999999999999999");
        decimalLike("Decimal(76, 38)", 38, "12345678901234567890.12345678901234567890123456789012345678");
        decimalLike("Decimal(76, 10)", 10, "-1234567890123456789012345678.9");
        decimalLike("Decimal(76, 0)", 0, "-" + "9".repeat(76));
        // exponents and long texts take the general path, same result
        decimalLike("Decimal(18, 4)", 4, "1.5e3");
        decimalLike("Decimal(18, 4)", 4, "15E-4");
        decimalLike("Decimal(38, 10)", 10, "1.2345E+20");
        Random r = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            int s = r.nextInt(19);
            int p = Math.max(1, s + r.nextInt(38 - s + 1));
            p = Math.max(p, s);
            BigInteger unscaled = new BigInteger(p * 3 + 3, r).mod(BigInteger.TEN.pow(p));
            if (r.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            String text = new BigDecimal(unscaled, s).toPlainString();
            decimalLike("Decimal(" + p + ", " + s + ")", s, text);
        }
    }

    @Test
    void decimalRejectionsKeepTheirMessages() {
        assertEquals("1000000000000000000 needs more than the 18 integer digits Decimal(18, 0) has",
                reject("Decimal(18, 0)", new DoubleColumn("1000000000000000000")).reason());
        assertEquals("'0.00001' has 5 fraction digits; Decimal(18, 4) keeps 4 (decimalRounding is error; truncate, "
                + "half_up or half_even round instead)", reject("Decimal(18, 4)", new StringColumn("0.00001")).reason());
        assertEquals("'.' is not a decimal number",
                reject("Decimal(18, 4)", new StringColumn(".")).reason());
        assertEquals("'1-2' is not a decimal number", reject("Decimal(18, 4)", new StringColumn("1-2")).reason());
        assertEquals("the empty string is not a decimal number", reject("Decimal(18, 4)", new StringColumn("")).reason());
        assertEquals("'10000000000000000000000000000' needs more than the 28 integer digits Decimal(38, 10) has",
                reject("Decimal(38, 10)", new StringColumn("10000000000000000000000000000")).reason());
        assertEquals(codecHex("Decimal(9, 2)", new BigDecimal("1.00")),
                hex("Decimal(9, 2)", new StringColumn("1.005"), opts().decimalRounding(RoundingPolicy.TRUNCATE).build()));
    }

    @Test
    void decimalFromLongAtTheEdges() {
        long[] values = {0, 1, -1, 99_999_999_999_999L, -99_999_999_999_999L, 100_000_000_000_000L, Long.MAX_VALUE,
            Long.MIN_VALUE, Long.MIN_VALUE + 1, 999_999_999_999_999_999L, 1_000_000_000_000_000_000L};
        for (String type : new String[] {"Decimal(18, 4)", "Decimal(18, 0)", "Decimal(38, 10)", "Decimal(9, 0)", "Decimal(19, 0)"}) {
            int scale = Integer.parseInt(type.replaceAll(".*, (\\d+)\\)", "$1"));
            int precision = Integer.parseInt(type.replaceAll("Decimal\\((\\d+),.*", "$1"));
            for (long v : values) {
                BigDecimal d = BigDecimal.valueOf(v);
                if (v != 0 && d.precision() > precision - scale) {
                    assertTrue(reject(type, new LongColumn(v)).reason().endsWith("integer digits " + type + " has"), type + " " + v);
                } else {
                    assertEquals(codecHex(type, d.setScale(scale)), hex(type, new LongColumn(v)), type + " " + v);
                }
            }
        }
    }

    @Test
    void decimalReaderTextMatchesBigDecimal() {
        Random r = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            int bytes = new int[] {4, 8, 16, 32}[r.nextInt(4)];
            int maxP = bytes == 4 ? 9 : bytes == 8 ? 18 : bytes == 16 ? 38 : 76;
            int p = 1 + r.nextInt(maxP);
            int s = r.nextInt(p + 1);
            int bits = 1 + r.nextInt((int) Math.ceil(p * 3.33));
            BigInteger unscaled = new BigInteger(bits, r).mod(BigInteger.TEN.pow(p));
            if (r.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal d = new BigDecimal(unscaled, s);
            String type = "Decimal(" + p + ", " + s + ")";
            assertEquals(d.toPlainString(), readValue(type, d).getRawData(), type);
        }
        assertEquals("0.00", readValue("Decimal(9, 2)", new BigDecimal("0.00")).getRawData());
        assertEquals("-0.05", readValue("Decimal(38, 2)", new BigDecimal("-0.05")).getRawData());
        assertEquals("-5", readValue("Decimal(38, 0)", new BigDecimal("-5")).getRawData());
        assertEquals("-" + "9".repeat(76), readValue("Decimal(76, 0)", new BigDecimal("-" + "9".repeat(76))).getRawData());
        // the extremes of the 64-bit storage, even where they exceed P (not produced by a server)
        assertEquals(new BigDecimal(BigInteger.valueOf(Long.MIN_VALUE), 4).toPlainString(),
                read("Decimal(18, 4)", unhex("0000000000000080")).getRawData());
        assertEquals("-170141183460469231731687303715884105728",
                read("Decimal(38, 0)", unhex("00000000000000000000000000000080")).getRawData());
    }

    // ------------------------------------------------------------------ integers

    @Test
    void integerBoundaries() {
        BigInteger two63 = BigInteger.ONE.shiftLeft(63);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        assertEquals("ffffffffffffff7f", hex("Int64", new LongColumn(two63.subtract(BigInteger.ONE))));
        assertEquals("0000000000000080", hex("Int64", new LongColumn(two63.negate())));
        assertTrue(reject("Int64", new LongColumn(two63)).reason().startsWith("9223372036854775808 is out of range for Int64"));
        assertTrue(reject("Int64", new LongColumn(two63.negate().subtract(BigInteger.ONE))).reason().contains("out of range"));
        assertEquals("0000000000000080", hex("UInt64", new LongColumn(two63)));
        assertEquals("ffffffffffffffff", hex("UInt64", new LongColumn(two64.subtract(BigInteger.ONE))));
        assertEquals("ffffffffffffffff", hex("UInt64", new StringColumn("18446744073709551615")));
        assertEquals("ffffffffffffffff", hex("UInt64", new DoubleColumn("18446744073709551615")));
        assertEquals("ffffffffffffff7f", hex("UInt64", new DoubleColumn("9223372036854775807")));
        assertEquals("ffffffffffffffffffffffffffffffff", hex("Int128", new StringColumn("-1")));
        assertEquals("ffffffffffffff7f", hex("Int64", new DoubleColumn("+9223372036854775807")));
        assertEquals("0000000000000000", hex("UInt64", new DoubleColumn("-0")));
        assertEquals("18446744073709551616 is out of range for UInt64 [0, 18446744073709551615]",
                reject("UInt64", new LongColumn(two64)).reason());
        assertEquals("-1 is out of range for UInt64 [0, 18446744073709551615]", reject("UInt64", new LongColumn(-1L)).reason());
        assertEquals("-1 is out of range for UInt64 [0, 18446744073709551615]", reject("UInt64", new StringColumn("-1")).reason());
        assertEquals("-1 is out of range for UInt128 [0, 340282366920938463463374607431768211455]",
                reject("UInt128", new DoubleColumn("-1")).reason());
        assertEquals("300 is out of range for UInt8 [0, 255]", reject("UInt8", new DoubleColumn("300")).reason());
        assertEquals("300 is out of range for UInt8 [0, 255]", reject("UInt8", new DoubleColumn("0300.0")).reason());
        assertEquals("-129 is out of range for Int8 [-128, 127]", reject("Int8", new DoubleColumn("-129")).reason());
        assertEquals("7f", hex("Int8", new DoubleColumn("127")));
        // JSON integer elements: up to 18 chars through a long, longer through BigInteger, same result
        assertEquals("02" + "ffffffffffffff7f" + "0000000000000080",
                hex("Array(UInt64)", new StringColumn("[9223372036854775807,9223372036854775808]")));
        assertEquals("02" + "1027000000000000" + "f0d8ffffffffffff", hex("Array(Int64)", new StringColumn("[10000,-10000]")));
        assertEquals("element [0]: 9223372036854775808 is out of range for Int64 [-9223372036854775808, 9223372036854775807]",
                reject("Array(Int64)", new StringColumn("[9223372036854775808]")).reason());
        assertEquals("element [0]: -1 is out of range for UInt64 [0, 18446744073709551615]",
                reject("Array(UInt64)", new StringColumn("[-1]")).reason());
    }

    @Test
    void floatsFromLongsRoundOnce() {
        long[] values = {(1L << 53) + 1, (1L << 24) + 1, Long.MAX_VALUE, Long.MIN_VALUE, -((1L << 53) + 1), 0, -1};
        for (long v : values) {
            assertEquals(codecHex("Float64", BigInteger.valueOf(v).doubleValue()), hex("Float64", new LongColumn(v)));
            assertEquals(codecHex("Float32", BigInteger.valueOf(v).floatValue()), hex("Float32", new LongColumn(v)));
        }
        BigInteger huge = BigInteger.TEN.pow(400);
        assertTrue(reject("Float64", new LongColumn(huge)).reason().endsWith("chars) is beyond the range of Float64"));
        assertEquals("'-infx' is not a number",
                reject("Float64", new StringColumn("-infx")).reason());
        assertEquals(codecHex("Float64", Double.NEGATIVE_INFINITY), hex("Float64", new StringColumn("-Infinity")));
        assertEquals(codecHex("Float32", Float.NaN), hex("Float32", new DoubleColumn("NaN")));
        assertEquals("1e39 is beyond the range of Float32",
                reject("Float32", new StringColumn("1e39")).reason());
    }

    // ------------------------------------------------------------------ strings

    @Test
    void directUtf8Writer() throws IOException {
        String[] texts = {"", "ascii", "é", "€", "😀", "a😀b€cé", "\u007f\u0080\u07ff\u0800\uffff", "\uD800\uDC00\uDBFF\uDFFF",
            "x".repeat(200) + "😀".repeat(100), "é".repeat(300)};
        for (String t : texts) {
            byte[] utf8 = t.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (RowBinaryOutput o = new RowBinaryOutput(expected)) {
                o.writeString(utf8);
            }
            for (boolean inRow : new boolean[] {false, true}) {
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                try (RowBinaryOutput o = new RowBinaryOutput(got, 64)) { // smaller than some of the texts
                    o.writeVarUInt(0);
                    if (inRow) {
                        o.beginRow();
                    }
                    assertTrue(o.writeStringUtf8(t));
                    if (inRow) {
                        o.endRow();
                    }
                }
                byte[] g = got.toByteArray();
                assertArrayEquals(expected.toByteArray(), java.util.Arrays.copyOfRange(g, 1, g.length), t);
            }
            assertEquals(HexFormat.of().formatHex(expected.toByteArray()), hex("String", new StringColumn(t)));
        }
        for (String bad : new String[] {"\uD800", "a\uDC00", "\uD800a", "😀\uD83D", "\uDE00\uD83D"}) {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            try (RowBinaryOutput o = new RowBinaryOutput(got)) {
                assertFalse(o.writeStringUtf8(bad));
                assertEquals(0, o.bytesWritten());
            }
        }
        assertEquals("the text has an unpaired UTF-16 surrogate U+D83D at index 2, which has no UTF-8 encoding",
                reject("String", new StringColumn("😀\uD83D")).reason());
        assertEquals("the text has an unpaired UTF-16 surrogate U+DC00 at index 1, which has no UTF-8 encoding",
                reject("Nullable(String)", new StringColumn("a\uDC00")).reason());
    }

    // ------------------------------------------------------------------ date-times

    @Test
    void dateTimeTextInFixedOffsetZones() {
        String[] texts = {"2024-02-29 00:00:00", "2000-02-29 23:59:59", "1970-01-01 00:00:00", "2106-02-07 06:28:15",
            "1999-12-31T23:59:59", "2026-11-21 12:34:56.1", "2026-11-21 12:34:56.123456789", "1900-01-01 00:00:00",
            "2299-12-31 23:59:59.999999999", "2019-06-30 01:02:03.000"};
        for (String zone : new String[] {"UTC", "+08:00", "-03:30"}) {
            ZoneOffset offset = ZoneOffset.of(zone.equals("UTC") ? "Z" : zone);
            for (String t : texts) {
                LocalDateTime local = LocalDateTime.parse(t.replace(' ', 'T'));
                Instant i = local.toInstant(offset);
                long ticks9 = i.getEpochSecond() * 1_000_000_000L + i.getNano();
                String type64 = "DateTime64(9, '" + zone + "')";
                if (i.getEpochSecond() > -2_208_988_800L + 86400 && i.getEpochSecond() < 9_000_000_000L) {
                    assertEquals(codecHex("Int64", ticks9), hex(type64, new StringColumn(t)), type64 + " " + t);
                }
                String type32 = "DateTime('" + zone + "')";
                if (i.getNano() == 0 && i.getEpochSecond() >= 0 && i.getEpochSecond() <= 0xFFFFFFFFL) {
                    assertEquals(codecHex("UInt32", i.getEpochSecond()), hex(type32, new StringColumn(t)), type32 + " " + t);
                }
            }
        }
    }

    @Test
    void invalidDateTimeTextKeepsItsMessages() {
        assertEquals("'2023-02-29 00:00:00' is not a valid date: Invalid date 'February 29' as '2023' is not a leap year",
                reject("DateTime('UTC')", new StringColumn("2023-02-29 00:00:00")).reason());
        assertEquals("'1900-02-29 00:00:00' is not a valid date: Invalid date 'February 29' as '1900' is not a leap year",
                reject("DateTime64(3, 'UTC')", new StringColumn("1900-02-29 00:00:00")).reason());
        assertEquals("'2024-04-31 00:00:00' is not a valid date: Invalid date 'APRIL 31'",
                reject("DateTime('UTC')", new StringColumn("2024-04-31 00:00:00")).reason());
        assertTrue(reject("DateTime('UTC')", new StringColumn("2024-13-01 00:00:00")).reason().contains("is not a valid date"));
        assertEquals("'2024-01-01 23:59:60' is a leap second, which neither Java nor ClickHouse can represent",
                reject("DateTime('UTC')", new StringColumn("2024-01-01 23:59:60")).reason());
        assertEquals("'2024-01-01 24:00:00' is not a valid time of day",
                reject("DateTime('UTC')", new StringColumn("2024-01-01 24:00:00")).reason());
        assertEquals("'2024-01-01 12:00:00.1234567891' has more than 9 fraction digits",
                reject("DateTime64(9, 'UTC')", new StringColumn("2024-01-01 12:00:00.1234567891")).reason());
        assertTrue(reject("DateTime('UTC')", new StringColumn("2024-01-01 12:00:00.")).reason().contains("not a date or date-time"));
        assertTrue(reject("DateTime('UTC')", new StringColumn("2024-01-01 12:0a:00")).reason().contains("not a date or date-time"));
        assertTrue(reject("DateTime('UTC')", new StringColumn("2024-01-01 12:00:00.5")).reason().contains("sub-second digits"));
        assertTrue(reject("DateTime('UTC')", new StringColumn("2106-02-07 06:28:16")).reason().contains("outside the range"));
        assertEquals(hex("DateTime('UTC')", new StringColumn("2024-01-01 12:00:00Z")),
                hex("DateTime('UTC')", new StringColumn("2024-01-01 12:00:00")));
        assertEquals(hex("DateTime('UTC')", new DateColumn(1_704_110_400_000L)),
                hex("DateTime('UTC')", new StringColumn("2024-01-01T12:00:00")));
    }

    @Test
    void uuidText() {
        String u = "61f0c404-5cb3-11e7-907b-a6006ad3dba0";
        assertEquals(hex("UUID", new StringColumn(u)), hex("UUID", new StringColumn(u.toUpperCase(java.util.Locale.ROOT))));
        for (String bad : new String[] {"61f0c404-5cb3-11e7-907b-a6006ad3dbag", "61f0c404-5cb3-11e7-907b-a6006ad3db\u0660",
            "61f0c404-5cb3-11e7-907b-a6006ad3dbA\uff10".substring(0, 36), "61f0c404x5cb3-11e7-907b-a6006ad3dba0"}) {
            assertTrue(reject("UUID", new StringColumn(bad)).reason().endsWith("is not a UUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"), bad);
        }
    }
}
