package io.chpack.common.convert;

import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** Date, Date32, DateTime, DateTime64 targets: zones, ranges, rounding, DST. */
class WriterDatesTest {
    private static String le(long v, int width) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return HexFormat.of().formatHex(b);
    }

    private static String day16(String date) {
        return le(LocalDate.parse(date).toEpochDay(), 2);
    }

    private static String day32(String date) {
        return le(LocalDate.parse(date).toEpochDay(), 4);
    }

    private static String sec(String instant) {
        return le(Instant.parse(instant).getEpochSecond(), 4);
    }

    private static long ms(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void dateRangeIsEnforcedNeverClamped() {
        assertEquals("0000", hex("Date", new StringColumn("1970-01-01")));
        assertEquals("ffff", hex("Date", new StringColumn("2149-06-06")));
        assertEquals(day16("2024-02-29"), hex("Date", new StringColumn("2024-02-29")));
        ColumnConversionException e = reject("Date", new StringColumn("2149-06-07"));
        assertTrue(e.reason().contains("outside the range of Date [1970-01-01, 2149-06-06]"), e.getMessage());
        reject("Date", new StringColumn("1969-12-31"));
        reject("Date", new DateColumn(-1L));
        assertEquals(day32("1900-01-01"), hex("Date32", new StringColumn("1900-01-01")));
        assertEquals(day32("2299-12-31"), hex("Date32", new StringColumn("2299-12-31")));
        assertEquals(day32("1969-12-31"), hex("Date32", new DateColumn(-1L)));
        reject("Date32", new StringColumn("1899-12-31"));
        reject("Date32", new StringColumn("2300-01-01"));
        reject("Date32", new DateColumn(Long.MIN_VALUE / 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2024-1-5", "2024/01/15", "20240115", "2023-02-29", "2024-02-30", "2024-13-01", "0000-00-00",
            "2024-01-15 ", " 2024-01-15", "2024-01-15x", "2024-01-15 10:30", "2024-01-15 24:00:00", "2024-01-15 10:60:00",
            "2016-12-31 23:59:60", "2024-01-15 10:30:00.", "2024-01-15 10:30:00.1234567890", "2024-01-15t10:30:00",
            "2024-01-15 10:30:00 +08:00", "2024-01-15 10:30:00+8", "2024-01-15 10:30:00+19:00", "2024-01-15 10:30:00z",
            "2024-01-15T10:30:00+08:00:00", "１９７０-01-01"})
    void dateTimeTextIsStrict(String s) {
        reject("DateTime64(9, 'UTC')", new StringColumn(s));
    }

    @Test
    void leapSecondsAreRejectedWithAReason() {
        assertTrue(reject("DateTime('UTC')", new StringColumn("2016-12-31 23:59:60")).reason().contains("leap second"));
    }

    @Test
    void dateFromDateColumnIsTheDayInTheServerZoneElseConfigured() {
        DateColumn lateUtc = new DateColumn(ms("2024-01-15T23:30:00Z"));
        assertEquals(day16("2024-01-15"), hex("Date", lateUtc));
        assertEquals(day16("2024-01-16"), hex("Date", lateUtc, opts().serverTimeZone(ZoneId.of("Asia/Shanghai")).build()));
        assertEquals(day16("2024-01-16"), hex("Date", lateUtc, ConversionOptions.builder(ZoneId.of("Asia/Shanghai")).build()));
        assertEquals(day16("2024-01-15"), hex("Date", lateUtc,
                ConversionOptions.builder(ZoneId.of("Asia/Shanghai")).serverTimeZone(UTC).build()), "server zone first");
    }

    @Test
    void dateFromDateTimeText() {
        ConversionOptions sh = opts().serverTimeZone(ZoneId.of("Asia/Shanghai")).build();
        assertEquals(day16("2024-01-15"), hex("Date", new StringColumn("2024-01-15 23:59:59.999"), sh), "local date part");
        assertEquals(day16("2024-01-16"), hex("Date", new StringColumn("2024-01-15T23:30:00Z"), sh), "instant's day in the zone");
    }

    @Test
    void zoneLessTextUsesColumnZoneThenServerThenConfigured() {
        StringColumn text = new StringColumn("2024-01-15 10:30:00");
        ConversionOptions serverMoscow = ConversionOptions.builder(ZoneId.of("America/New_York"))
                .serverTimeZone(ZoneId.of("Europe/Moscow")).build();
        ConversionOptions configuredOnly = ConversionOptions.builder(ZoneId.of("America/New_York")).build();
        assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime('Asia/Shanghai')", text, serverMoscow));
        assertEquals(sec("2024-01-15T07:30:00Z"), hex("DateTime", text, serverMoscow));
        assertEquals(sec("2024-01-15T15:30:00Z"), hex("DateTime", text, configuredOnly));
        // text with an offset or Z is an instant: no zone applies
        for (ConversionOptions o : new ConversionOptions[] {serverMoscow, configuredOnly}) {
            assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime('Asia/Tokyo')", new StringColumn("2024-01-15T10:30:00+08:00"), o));
            assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime", new StringColumn("2024-01-15 10:30:00+0800"), o));
            assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime", new StringColumn("2024-01-15T02:30:00Z"), o));
            assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime", new StringColumn("2024-01-15T10:30:00+08"), o));
        }
        assertEquals(sec("2024-01-14T16:00:00Z"), hex("DateTime('Asia/Shanghai')", new StringColumn("2024-01-15")));
    }

    @Test
    void dateTimeRangeIsEnforced() {
        assertEquals("00000000", hex("DateTime('UTC')", new StringColumn("1970-01-01 00:00:00")));
        assertEquals("ffffffff", hex("DateTime('UTC')", new StringColumn("2106-02-07 06:28:15")));
        assertEquals("ffffffff", hex("DateTime", new DateColumn(4294967295000L)));
        ColumnConversionException e = reject("DateTime('UTC')", new StringColumn("2106-02-07 06:28:16"));
        assertTrue(e.reason().contains("outside the range of DateTime('UTC') [1970-01-01T00:00:00Z, 2106-02-07T06:28:15Z]"),
                e.getMessage());
        reject("DateTime('UTC')", new StringColumn("1969-12-31 23:59:59"));
        reject("DateTime", new DateColumn(-1000L));
        reject("DateTime('Asia/Shanghai')", new StringColumn("1970-01-01 07:59:59"), OPTS);
        reject("DateTime", new LongColumn(1705285800L)); // integers have no unit: rejected, not guessed
    }

    @Test
    void dateTime64KeepsTextDigitsAndChecksItsRange() {
        long base = Instant.parse("2024-01-15T10:30:00Z").getEpochSecond();
        assertEquals(le(base * 1_000_000_000L + 123456789, 8), hex("DateTime64(9, 'UTC')", new StringColumn("2024-01-15 10:30:00.123456789")));
        assertEquals(le(base * 1_000_000L + 123456, 8), hex("DateTime64(6, 'UTC')", new StringColumn("2024-01-15 10:30:00.123456")));
        assertEquals(le(base * 1_000_000L + 120000, 8), hex("DateTime64(6, 'UTC')", new StringColumn("2024-01-15T10:30:00.12Z")));
        assertEquals(le(base * 1_000_000L + 123000, 8), hex("DateTime64(6)", new DateColumn(base * 1000 + 123)));
        long min = LocalDate.of(1900, 1, 1).toEpochDay() * 86400L;
        assertEquals(le(min * 1000, 8), hex("DateTime64(3, 'UTC')", new StringColumn("1900-01-01 00:00:00")));
        reject("DateTime64(3, 'UTC')", new StringColumn("1899-12-31 23:59:59.999"));
        assertEquals(le(LocalDate.of(2300, 1, 1).toEpochDay() * 86400_000L - 1, 8),
                hex("DateTime64(3, 'UTC')", new StringColumn("2299-12-31 23:59:59.999")));
        reject("DateTime64(3, 'UTC')", new StringColumn("2300-01-01 00:00:00"));
        assertEquals(le(Long.MAX_VALUE, 8), hex("DateTime64(9, 'UTC')", new StringColumn("2262-04-11 23:47:16.854775807")));
        reject("DateTime64(9, 'UTC')", new StringColumn("2262-04-11 23:47:16.854775808"));
        assertEquals(le(-1, 8), hex("DateTime64(3, 'UTC')", new DateColumn(-1L)), "before 1970 is fine for DateTime64");
        // the range is local time in the column's zone
        long shMin = java.time.LocalDateTime.parse("1900-01-01T00:00:00").atZone(ZoneId.of("Asia/Shanghai")).toEpochSecond();
        assertEquals(le(shMin * 1000, 8), hex("DateTime64(3, 'Asia/Shanghai')", new StringColumn("1900-01-01 00:00:00")));
        reject("DateTime64(3, 'Asia/Shanghai')", new StringColumn("1899-12-31 23:59:59.999"));
        reject("DateTime64(3, 'Asia/Shanghai')", new DateColumn(shMin * 1000 - 1));
        // a zone-less column is checked in the server's zone: 1900-01-01T00:00Z is 1899-12-31 19:03:58 in New York
        reject("DateTime64(3)", new StringColumn("1900-01-01 00:00:00+00:00"), opts().serverTimeZone(ZoneId.of("America/New_York")).build());
        assertDoesNotThrow(() -> hex("DateTime64(3)", new StringColumn("1900-01-01 00:00:00+00:00"),
                opts().serverTimeZone(ZoneId.of("Asia/Tokyo")).build()));
    }

    @Test
    void extraFractionDigitsErrorByDefaultOrRoundByOption() {
        long base = Instant.parse("2024-01-15T10:30:00Z").getEpochSecond();
        ColumnConversionException e = reject("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 10:30:00.1234"));
        assertTrue(e.reason().contains("dateTimeRounding"), e.getMessage());
        reject("DateTime('UTC')", new DateColumn(base * 1000 + 1));
        ConversionOptions up = opts().dateTimeRounding(RoundingPolicy.HALF_UP).build();
        ConversionOptions even = opts().dateTimeRounding(RoundingPolicy.HALF_EVEN).build();
        ConversionOptions trunc = opts().dateTimeRounding(RoundingPolicy.TRUNCATE).build();
        assertEquals(le(base * 1000 + 123, 8), hex("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 10:30:00.1234"), up));
        assertEquals(le(base * 1000 + 124, 8), hex("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 10:30:00.1235"), up));
        assertEquals(le(base * 1000 + 124, 8), hex("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 10:30:00.1235"), even));
        assertEquals(le(base * 1000 + 124, 8), hex("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 10:30:00.1245"), even));
        assertEquals(le(base * 1000 + 124, 8), hex("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 10:30:00.1249"), trunc));
        assertEquals(le(base + 1, 4), hex("DateTime('UTC')", new DateColumn(base * 1000 + 500), up));
        assertEquals(le(base, 4), hex("DateTime('UTC')", new DateColumn(base * 1000 + 999), trunc));
        // rounding carries into the next day
        long nextDay = Instant.parse("2024-01-16T00:00:00Z").getEpochSecond();
        assertEquals(le(nextDay * 1000, 8), hex("DateTime64(3, 'UTC')", new StringColumn("2024-01-15 23:59:59.9996"), up));
        // truncation goes toward the past before 1970 too
        assertEquals(le(-1, 8), hex("DateTime64(0, 'UTC')", new DateColumn(-1L), trunc));
        // rounding cannot push a value into range silently: 2106-02-07 06:28:15.6 half_up is out of range
        reject("DateTime('UTC')", new StringColumn("2106-02-07 06:28:15.6"), up);
    }

    @Test
    void dstGapIsRejectedOrShiftedAndOverlapTakesTheFirstOccurrence() {
        String ny = "DateTime('America/New_York')";
        ColumnConversionException e = reject(ny, new StringColumn("2024-03-10 02:30:00"));
        assertTrue(e.reason().contains("does not exist in America/New_York"), e.getMessage());
        ConversionOptions shift = opts().dstGap(DstGapPolicy.SHIFT).build();
        assertEquals(sec("2024-03-10T07:30:00Z"), hex(ny, new StringColumn("2024-03-10 02:30:00"), shift), "03:30 EDT");
        assertEquals(sec("2024-11-03T05:30:00Z"), hex(ny, new StringColumn("2024-11-03 01:30:00")), "01:30 EDT, the first");
        // explicit offsets pick either occurrence
        assertEquals(sec("2024-11-03T06:30:00Z"), hex(ny, new StringColumn("2024-11-03 01:30:00-05:00")));
        // a zone whose DST starts at midnight: a date alone is midnight, which does not exist
        reject("DateTime('America/Sao_Paulo')", new StringColumn("2018-11-04"));
        assertEquals(sec("2018-11-04T03:00:00Z"), hex("DateTime('America/Sao_Paulo')", new StringColumn("2018-11-04"), shift));
    }

    @Test
    void dateTimeFromDateColumnIsItsInstant() {
        long t = ms("2024-01-15T02:30:00Z");
        assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime('Asia/Shanghai')", new DateColumn(t)));
        assertEquals(sec("2024-01-15T02:30:00Z"), hex("DateTime", new DateColumn(new java.sql.Timestamp(t))));
        assertEquals(le(BigInteger.valueOf(t).longValue(), 8), hex("DateTime64(3, 'Europe/Moscow')", new DateColumn(t)));
    }
}
