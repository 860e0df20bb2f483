package io.chpack.common.convert;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.*;

class ConversionOptionsReaderTest {
    private final ConversionOptionsReader reader = new ConversionOptionsReader();

    @Test
    void defaults() {
        ConversionOptions o = reader.read(Configuration.from("{\"timeZone\":\"Asia/Shanghai\"}"), null);
        assertEquals(ZoneId.of("Asia/Shanghai"), o.timeZone());
        assertNull(o.serverTimeZone());
        assertEquals(NullMode.ERROR, o.nullMode());
        assertEquals(RoundingPolicy.ERROR, o.decimalRounding());
        assertEquals(RoundingPolicy.ERROR, o.dateTimeRounding());
        assertEquals(DstGapPolicy.ERROR, o.dstGap());
        assertEquals(FixedStringReadMode.BYTES, o.fixedStringReadMode());
        assertFalse(o.dateTime64AsText());
        assertEquals(InvalidUtf8Policy.BYTES, o.invalidUtf8());
    }

    @Test
    void everyKey() {
        ConversionOptions o = reader.read(Configuration.from("{\"timeZone\":\"+08:00\",\"nullMode\":\"DEFAULT\","
                + "\"decimalRounding\":\"half_even\",\"dateTimeRounding\":\"truncate\",\"dstGap\":\"shift\","
                + "\"fixedStringAs\":\"trimmed_string\",\"dateTime64AsText\":true,\"invalidUtf8\":\"replace\"}"), ZoneId.of("UTC"));
        assertEquals(ZoneId.of("+08:00"), o.timeZone());
        assertEquals(ZoneId.of("UTC"), o.serverTimeZone());
        assertEquals(NullMode.DEFAULT, o.nullMode());
        assertEquals(RoundingPolicy.HALF_EVEN, o.decimalRounding());
        assertEquals(RoundingPolicy.TRUNCATE, o.dateTimeRounding());
        assertEquals(DstGapPolicy.SHIFT, o.dstGap());
        assertEquals(FixedStringReadMode.TRIMMED_STRING, o.fixedStringReadMode());
        assertTrue(o.dateTime64AsText());
        assertEquals(InvalidUtf8Policy.REPLACE, o.invalidUtf8());
    }

    @Test
    void timeZoneFallsBackToTheServersButNeverTheJvms() {
        assertEquals(ZoneId.of("Europe/Moscow"), reader.read(Configuration.from("{}"), ZoneId.of("Europe/Moscow")).timeZone());
        DataXException e = assertThrows(DataXException.class, () -> reader.read(Configuration.from("{}"), null));
        assertTrue(e.getMessage().contains("parameter.timeZone is required"), e.getMessage());
        e = assertThrows(DataXException.class, () -> reader.read(Configuration.from("{\"timeZone\":\"Mars/Base\"}"), null));
        assertTrue(e.getMessage().contains("parameter.timeZone 'Mars/Base' is not a time zone id"), e.getMessage());
    }

    @Test
    void badValuesNameTheKeyAndTheChoices() {
        DataXException e = assertThrows(DataXException.class,
                () -> reader.read(Configuration.from("{\"timeZone\":\"UTC\",\"nullMode\":\"zero\"}"), null));
        assertTrue(e.getMessage().contains("parameter.nullMode must be one of error, default; got 'zero'"), e.getMessage());
        e = assertThrows(DataXException.class,
                () -> reader.read(Configuration.from("{\"timeZone\":\"UTC\",\"decimalRounding\":\"round\"}"), null));
        assertTrue(e.getMessage().contains("parameter.decimalRounding must be one of error, truncate, half_up, half_even"), e.getMessage());
        e = assertThrows(DataXException.class,
                () -> reader.read(Configuration.from("{\"timeZone\":\"UTC\",\"dateTime64AsText\":\"yes\"}"), null));
        assertTrue(e.getMessage().contains("parameter.dateTime64AsText must be true or false"), e.getMessage());
        e = assertThrows(DataXException.class,
                () -> new ConversionOptionsReader("writer.parameter").read(Configuration.from("{\"timeZone\":\"UTC\",\"fixedStringAs\":\"hex\"}"), null));
        assertTrue(e.getMessage().contains("writer.parameter.fixedStringAs must be one of bytes, string, trimmed_string"), e.getMessage());
    }
}
