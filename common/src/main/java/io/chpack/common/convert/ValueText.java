package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;

import java.math.BigInteger;
import java.time.Instant;

/** Short, safe renderings of offending values for error messages: at most ~100 characters. */
final class ValueText {
    static final int MAX_CHARS = 100;
    private static final int MAX_HEX_BYTES = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ValueText() {
    }

    /** The Column's class for messages: {@code LongColumn}, {@code StringColumn}, … */
    static String columnType(Column c) {
        if (c == null) {
            return "no column";
        }
        if (c instanceof JsonElementColumn) {
            return ((JsonElementColumn) c).description();
        }
        return c.getClass().getSimpleName();
    }

    /** The raw value of a Column: strings quoted, bytes as a hex prefix, NULL for null raw data. */
    static String of(Column c) {
        if (c == null) {
            return null;
        }
        Object raw = c.getRawData();
        if (raw == null) {
            return "NULL";
        }
        if (c instanceof DateColumn && raw instanceof Long) {
            long ms = (Long) raw;
            return ms + " ms (" + Instant.ofEpochMilli(ms) + ")";
        }
        if (c instanceof JsonElementColumn) {
            return ((JsonElementColumn) c).valueText();
        }
        return ofRaw(raw, c.getType() == Column.Type.STRING);
    }

    static String ofRaw(Object raw, boolean quote) {
        if (raw instanceof byte[]) {
            return hex((byte[]) raw);
        }
        if (raw instanceof BigInteger || raw instanceof Boolean || !quote) {
            return truncate(String.valueOf(raw));
        }
        return quoted(String.valueOf(raw));
    }

    static String quoted(CharSequence s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_CHARS) + 16).append('\'');
        int n = Math.min(s.length(), MAX_CHARS);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) { // keep log lines on one line and NULs visible
                sb.append(String.format(java.util.Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('\'');
        if (s.length() > MAX_CHARS) {
            sb.append("…(").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }

    static String truncate(String s) {
        return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…(" + s.length() + " chars)";
    }

    /** {@code 0x6162ff… (40 bytes)}: the first 32 bytes in hex. */
    static String hex(byte[] b) {
        return hex(b, 0, b.length);
    }

    static String hex(byte[] b, int off, int len) {
        int n = Math.min(len, MAX_HEX_BYTES);
        StringBuilder sb = new StringBuilder(2 * n + 24).append("0x");
        for (int i = 0; i < n; i++) {
            int v = b[off + i] & 0xFF;
            sb.append(HEX[v >> 4]).append(HEX[v & 0xF]);
        }
        if (len > n) {
            sb.append('…');
        }
        return sb.append(" (").append(len).append(len == 1 ? " byte)" : " bytes)").toString();
    }
}
