package com.alibaba.datax.common.element;

import com.alibaba.datax.common.util.Configuration;

import java.io.UnsupportedEncodingException;
import java.text.ParseException;
import java.util.Date;

/**
 * The string/date/bytes conversions of the columns. The engine calls {@link #bind} once with its core
 * configuration ({@code common.column.*}); until then the defaults of the engine's core.json apply.
 */
public final class ColumnCast {

    public static void bind(final Configuration configuration) {
        ColumnCastSettings.bind(configuration);
    }

    /** Tries the datetime, date and time formats, then the extra formats; trailing text is ignored. */
    public static Date string2Date(final StringColumn column) throws ParseException {
        return ColumnCastSettings.current().parse(column.asString());
    }

    public static byte[] string2Bytes(final StringColumn column) throws UnsupportedEncodingException {
        String text = column.asString();
        return text == null ? null : text.getBytes(ColumnCastSettings.current().encoding());
    }

    public static String date2String(final DateColumn column) {
        Date date = column.asDate();
        return date == null ? null : ColumnCastSettings.current().format(date, column.getSubType());
    }

    public static String bytes2String(final BytesColumn column) throws UnsupportedEncodingException {
        byte[] bytes = column.asBytes();
        return bytes == null ? null : new String(bytes, ColumnCastSettings.current().encoding());
    }
}
