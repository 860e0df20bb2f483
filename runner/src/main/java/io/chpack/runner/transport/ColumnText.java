package io.chpack.runner.transport;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;

/**
 * Renders records for dirty-record printouts and toString without calling a Column's as*() methods:
 * those convert with engine-wide settings and may throw on exactly the values that made a record dirty.
 */
public final class ColumnText {
    static final int MAX_VALUE_CHARS = 256;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ColumnText() {
    }

    public static String record(Record record) {
        if (record == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < record.getColumnNumber(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            column(sb, record.getColumn(i));
        }
        return sb.append(']').toString();
    }

    static void column(StringBuilder sb, Column column) {
        if (column == null) {
            sb.append("null");
            return;
        }
        sb.append('{').append(column.getType()).append(' ');
        Object raw = column.getRawData();
        if (raw == null) {
            sb.append("NULL");
        } else if (raw instanceof byte[]) {
            byte[] bytes = (byte[]) raw;
            sb.append("0x");
            int shown = Math.min(bytes.length, MAX_VALUE_CHARS / 2);
            for (int i = 0; i < shown; i++) {
                sb.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
            }
            if (shown < bytes.length) {
                sb.append("...(").append(bytes.length).append(" bytes)");
            }
        } else if (raw instanceof String) {
            sb.append('"').append(truncate((String) raw)).append('"');
        } else {
            sb.append(truncate(String.valueOf(raw)));
        }
        sb.append('}');
    }

    private static String truncate(String text) {
        if (text.length() <= MAX_VALUE_CHARS) {
            return text;
        }
        return text.substring(0, MAX_VALUE_CHARS) + "...(" + text.length() + " chars)";
    }
}
