package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import static io.chpack.common.convert.Conv.*;
import static org.junit.jupiter.api.Assertions.*;

/** The JVM default zone and locale (which the DataX engine changes) never reach a value. */
class TimeZoneIndependenceTest {
    private static final String[][] CASES = {
            {"Date", "2024-01-15"}, {"Date", "2024-01-15T23:30:00Z"}, {"Date32", "1900-01-01"}, {"DateTime", "2024-01-15 10:30:00"},
            {"DateTime", "2024-03-31 02:30:00"}, {"DateTime64(6)", "2024-01-15 10:30:00.123456"},
            {"DateTime('Asia/Shanghai')", "1988-04-10 02:30:00"}, {"DateTime64(3, 'America/New_York')", "2024-11-03 01:30:00.5"},
            {"String", null}, {"FixedString(30)", null}, {"Array(DateTime)", "[\"2024-01-15 10:30:00\"]"},
            {"Map(Date, DateTime64(3))", "{\"2024-01-15\":\"2024-01-15 10:30:00.001\"}"}};

    private static List<String> run() {
        ConversionOptions o = ConversionOptions.builder(ZoneId.of("Europe/Berlin")).serverTimeZone(ZoneId.of("Europe/London"))
                .dstGap(DstGapPolicy.SHIFT).build();
        ConversionOptions text = o.toBuilder().dateTime64AsText(true).build();
        List<String> out = new ArrayList<>();
        long ms = Instant.parse("2024-03-31T00:30:00.250Z").toEpochMilli();
        for (String[] c : CASES) {
            Column src = c[1] == null ? new DateColumn(ms) : new StringColumn(c[1]);
            String hex = hexOrReject(c[0], src, o);
            out.add(c[0] + " " + hex);
            if (!hex.startsWith("column")) {
                out.add(show(read(c[0], unhex(hex), o).getRawData()));
                out.add(show(read(c[0], unhex(hex), text).getRawData()));
            }
            out.add(hexOrReject(c[0], new DateColumn(new java.sql.Date(ms)), o.toBuilder().dateTimeRounding(RoundingPolicy.HALF_UP).build()));
        }
        return out;
    }

    private static String show(Object raw) {
        return raw instanceof byte[] ? java.util.HexFormat.of().formatHex((byte[]) raw) : String.valueOf(raw);
    }

    private static String hexOrReject(String type, Column c, ConversionOptions o) {
        try {
            return hex(type, c, o);
        } catch (ColumnConversionException e) {
            return e.getMessage();
        }
    }

    @Test
    void identicalBytesUnderExoticDefaultZonesAndLocales() {
        TimeZone savedZone = TimeZone.getDefault();
        Locale savedLocale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            Locale.setDefault(Locale.ROOT);
            List<String> baseline = run();
            for (String z : new String[] {"Pacific/Chatham", "Asia/Kathmandu", "America/St_Johns", "GMT+8", "Pacific/Kiritimati"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(z));
                Locale.setDefault(new Locale("ar", "SA")); // non-Latin digits if anything formatted through a locale
                assertEquals(baseline, run(), "JVM default zone " + z);
                Locale.setDefault(new Locale("th", "TH", "TH"));
                assertEquals(baseline, run(), "Thai locale, zone " + z);
            }
        } finally {
            TimeZone.setDefault(savedZone);
            Locale.setDefault(savedLocale);
        }
    }

    @Test
    void optionsRefuseToStartWithoutAZone() {
        assertThrows(IllegalArgumentException.class, () -> ConversionOptions.builder(null));
        assertEquals(ZoneId.of("Asia/Shanghai"), ConversionOptions.builder(UTC).build().zoneFor(ClickHouseType.parse("DateTime('Asia/Shanghai')")));
        assertEquals(ZoneId.of("Europe/Moscow"), ConversionOptions.builder(UTC).serverTimeZone(ZoneId.of("Europe/Moscow")).build()
                .zoneFor(ClickHouseType.parse("Nullable(DateTime64(3))")));
        assertEquals(UTC, ConversionOptions.builder(UTC).build().zoneFor(ClickHouseType.parse("DateTime")));
    }
}
