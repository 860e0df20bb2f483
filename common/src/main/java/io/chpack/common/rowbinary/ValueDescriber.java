package io.chpack.common.rowbinary;

import java.nio.charset.StandardCharsets;

/** Short, safe descriptions of offending values for error messages (long values are truncated). */
final class ValueDescriber {
    private static final int MAX = 64;

    private ValueDescriber() {
    }

    static String describe(Object value) {
        if (value == null) {
            return "NULL";
        }
        String text;
        if (value instanceof byte[]) {
            byte[] b = (byte[]) value;
            text = "bytes[" + b.length + "] '" + new String(b, 0, Math.min(b.length, MAX), StandardCharsets.UTF_8) + "'";
        } else if (value instanceof CharSequence) {
            text = "'" + value + "'";
        } else {
            text = String.valueOf(value);
        }
        if (text.length() > MAX) {
            text = text.substring(0, MAX) + "…(" + text.length() + " chars)";
        }
        return text + " (" + value.getClass().getSimpleName() + ")";
    }
}
