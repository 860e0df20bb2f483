package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ColumnCastTest {

    /** 2024-01-02 03:04:05 UTC. */
    private static final long INSTANT = 1_704_164_645_000L;

    @AfterEach
    void resetBinding() {
        ColumnCastSettings.reset();
    }

    @Test
    void defaultsAreTheEngineCoreJsonOnesInGmtPlus8() {
        assertEquals("2024-01-02 11:04:05", new DateColumn(INSTANT).asString());
        assertEquals("2024-01-02", new DateColumn(new java.sql.Date(INSTANT)).asString());
        assertEquals("11:04:05", new DateColumn(new java.sql.Time(INSTANT)).asString());

        assertEquals(new Date(INSTANT), new StringColumn("2024-01-02 11:04:05").asDate());
        assertEquals(new Date(INSTANT - 11 * 3600_000L - 4 * 60_000L - 5_000L),
                new StringColumn("2024-01-02").asDate(), "falls back to the date format");
        assertEquals(new Date(3 * 3600_000L), new StringColumn("11:00:00").asDate(),
                "time only: 1970-01-01 in GMT+8");
        assertEquals(new Date(INSTANT), new StringColumn("2024-01-02 11:04:05.999").asDate(),
                "trailing text is ignored, as by the engine's parser");
        DataXException e = assertThrows(DataXException.class, () -> new StringColumn("02/01/2024").asDate());
        assertEquals(CommonErrorCode.CONVERT_NOT_SUPPORT, e.getErrorCode());
    }

    @Test
    void bindAppliesCommonColumnSettings() {
        ColumnCast.bind(Configuration.from("{\"common\":{\"column\":{\"datetimeFormat\":\"yyyy/MM/dd HH:mm\","
                + "\"timeZone\":\"UTC\",\"encoding\":\"ISO-8859-1\",\"extraFormats\":[\"dd.MM.yyyy\"]}}}"));
        assertEquals("2024/01/02 03:04", new DateColumn(INSTANT).asString());
        assertEquals("2024-01-02", new DateColumn(new java.sql.Date(INSTANT)).asString(), "unset keys keep defaults");
        assertEquals(new Date(INSTANT - 5_000L), new StringColumn("2024/01/02 03:04").asDate());
        assertEquals(new Date(1_704_153_600_000L), new StringColumn("02.01.2024").asDate());
        assertArrayEquals(new byte[] {(byte) 0xE9}, new StringColumn("\u00e9").asBytes());
        assertEquals("\u00e9", new BytesColumn(new byte[] {(byte) 0xE9}).asString());
    }

    @Test
    void bytesDecodeWithUtf8ByDefault() throws Exception {
        BytesColumn column = new BytesColumn("\u4e2d".getBytes(StandardCharsets.UTF_8));
        assertEquals("\u4e2d", ColumnCast.bytes2String(column));
        assertArrayEquals("\u4e2d".getBytes(StandardCharsets.UTF_8), ColumnCast.string2Bytes(new StringColumn("\u4e2d")));
    }
}
