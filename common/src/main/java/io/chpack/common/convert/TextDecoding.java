package io.chpack.common.convert;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.json.JsonStrings;

import java.nio.charset.StandardCharsets;

/** ClickHouse String bytes → Java text under an {@link InvalidUtf8Policy}. */
final class TextDecoding {
    private final InvalidUtf8Policy policy;

    TextDecoding(InvalidUtf8Policy policy) {
        this.policy = policy;
    }

    /** {@link #column(byte[], int)} of {@code len} bytes at {@code off}; copies only what it keeps. */
    Column column(byte[] b, int off, int len) {
        if (Utf8Check.isValid(b, off, len)) {
            return new StringColumn(new String(b, off, len, StandardCharsets.UTF_8));
        }
        return column(java.util.Arrays.copyOfRange(b, off, off + len), len);
    }

    Column column(byte[] b, int len) {
        if (Utf8Check.isValid(b, 0, len)) {
            return new StringColumn(new String(b, 0, len, StandardCharsets.UTF_8));
        }
        switch (policy) {
            case REPLACE:
                return new StringColumn(new String(b, 0, len, StandardCharsets.UTF_8)); // U+FFFD per bad sequence
            case BYTES:
                return new BytesColumn(len == b.length ? b : java.util.Arrays.copyOf(b, len));
            default:
                throw invalid(b, len, "invalidUtf8 is error; bytes keeps them as a BytesColumn, replace uses U+FFFD");
        }
    }

    void appendJson(byte[] b, int len, StringBuilder sb) {
        if (isPlainAscii(b, len)) { // valid UTF-8 that needs no escape: the chars are the bytes
            sb.append('"');
            for (int i = 0; i < len; i++) {
                sb.append((char) b[i]);
            }
            sb.append('"');
            return;
        }
        if (!Utf8Check.isValid(b, 0, len) && policy != InvalidUtf8Policy.REPLACE) {
            throw invalid(b, len, "JSON text cannot hold raw bytes; invalidUtf8 replace writes U+FFFD instead");
        }
        JsonStrings.appendQuoted(sb, new String(b, 0, len, StandardCharsets.UTF_8));
    }

    /** True when every byte is printable ASCII other than '"' and '\\' (0x20–0x7F: what JSON keeps as is). */
    private static boolean isPlainAscii(byte[] b, int len) {
        for (int i = 0; i < len; i++) {
            int c = b[i];
            if (c < 0x20 || c == '"' || c == '\\') { // negative: non-ASCII
                return false;
            }
        }
        return true;
    }

    private static Reject invalid(byte[] b, int len, String hint) {
        return new Reject("the value " + ValueText.hex(b, 0, len) + " is not valid UTF-8 (" + hint + ")");
    }
}
