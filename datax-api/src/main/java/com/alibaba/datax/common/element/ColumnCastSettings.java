package com.alibaba.datax.common.element;

import com.alibaba.datax.common.util.Configuration;

import java.text.ParseException;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Immutable snapshot of the formats, zone and encoding ColumnCast uses; rebinding swaps the snapshot so
 * concurrent conversions never see a half-updated state.
 */
final class ColumnCastSettings {

    static final String DEFAULT_DATETIME_FORMAT = "yyyy-MM-dd HH:mm:ss";
    static final String DEFAULT_DATE_FORMAT = "yyyy-MM-dd";
    static final String DEFAULT_TIME_FORMAT = "HH:mm:ss";
    static final String DEFAULT_TIME_ZONE = "GMT+8";
    static final String DEFAULT_ENCODING = "UTF-8";

    private static volatile ColumnCastSettings current = new ColumnCastSettings(DEFAULT_DATETIME_FORMAT,
            DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT, Collections.<String>emptyList(), DEFAULT_TIME_ZONE,
            DEFAULT_ENCODING);

    private final String datetimeFormat;
    private final String dateFormat;
    private final String timeFormat;
    private final List<String> extraFormats;
    private final TimeZone timeZone;
    private final String encoding;

    private ColumnCastSettings(String datetimeFormat, String dateFormat, String timeFormat,
                               List<String> extraFormats, String timeZone, String encoding) {
        this.datetimeFormat = datetimeFormat;
        this.dateFormat = dateFormat;
        this.timeFormat = timeFormat;
        this.extraFormats = Collections.unmodifiableList(new ArrayList<String>(extraFormats));
        this.timeZone = TimeZone.getTimeZone(timeZone);
        this.encoding = encoding;
    }

    static ColumnCastSettings current() {
        return current;
    }

    static void bind(Configuration conf) {
        ColumnCastSettings old = current;
        List<String> extra = conf.getList("common.column.extraFormats", Collections.<String>emptyList(),
                String.class);
        current = new ColumnCastSettings(
                conf.getString("common.column.datetimeFormat", old.datetimeFormat),
                conf.getString("common.column.dateFormat", old.dateFormat),
                conf.getString("common.column.timeFormat", old.timeFormat),
                extra,
                conf.getString("common.column.timeZone", old.timeZone.getID()),
                conf.getString("common.column.encoding", old.encoding));
    }

    /** Restores the defaults; for tests that bind their own settings. */
    static void reset() {
        current = new ColumnCastSettings(DEFAULT_DATETIME_FORMAT, DEFAULT_DATE_FORMAT, DEFAULT_TIME_FORMAT,
                Collections.<String>emptyList(), DEFAULT_TIME_ZONE, DEFAULT_ENCODING);
    }

    String encoding() {
        return this.encoding;
    }

    Date parse(String text) throws ParseException {
        if (text == null) {
            return null;
        }
        List<String> formats = new ArrayList<String>();
        formats.add(this.datetimeFormat);
        formats.add(this.dateFormat);
        formats.add(this.timeFormat);
        formats.addAll(this.extraFormats);
        ParseException last = null;
        for (String format : formats) {
            ParsePosition position = new ParsePosition(0);
            Date date = newFormat(format).parse(text, position);
            if (date != null) {
                return date;
            }
            last = new ParseException(String.format("\"%s\" does not match \"%s\"", text, format),
                    position.getErrorIndex());
        }
        throw last;
    }

    String format(Date date, DateColumn.DateType subType) {
        String pattern;
        switch (subType) {
            case DATE:
                pattern = this.dateFormat;
                break;
            case TIME:
                pattern = this.timeFormat;
                break;
            default:
                pattern = this.datetimeFormat;
        }
        return newFormat(pattern).format(date);
    }

    /** SimpleDateFormat is not thread-safe, so each conversion gets its own. */
    private SimpleDateFormat newFormat(String pattern) {
        SimpleDateFormat format = new SimpleDateFormat(pattern);
        format.setTimeZone(this.timeZone);
        return format;
    }
}
