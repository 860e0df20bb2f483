package io.chpack.common.convert;

import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/**
 * String → StringColumn (UTF-8; bytes that are not UTF-8 per {@link InvalidUtf8Policy}: BytesColumn by
 * default). FixedString(N) per {@link FixedStringReadMode}: BytesColumn of the N bytes (default),
 * StringColumn with the NUL padding kept, or StringColumn with trailing NULs removed. JSON: a string (a
 * FixedString with its padding per the mode, BYTES mode keeping it).
 */
final class StringReader extends ValueReader {
    private final boolean fixed;
    private final int length;
    private final FixedStringReadMode mode;
    private final TextDecoding text;

    StringReader(ClickHouseType type, ConversionOptions options) {
        super(type);
        this.fixed = type.kind() == ClickHouseTypeKind.FIXED_STRING;
        this.length = fixed ? type.length() : -1;
        this.mode = options.fixedStringReadMode();
        this.text = new TextDecoding(options.invalidUtf8());
    }

    private byte[] bytes(RowBinaryInput in) throws IOException {
        return fixed ? in.readBytes(length, type.toString()) : in.readString();
    }

    private int textLength(byte[] b) {
        int n = b.length;
        if (fixed && mode == FixedStringReadMode.TRIMMED_STRING) {
            while (n > 0 && b[n - 1] == 0) {
                n--;
            }
        }
        return n;
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        if (!fixed) {
            // straight from the read buffer: one copy (into the String) instead of two for most values
            int n = in.readLength("String");
            int at = in.consumeInBuffer(n, "String");
            if (at >= 0) {
                return text.column(in.buffer(), at, n);
            }
            return text.column(in.readBytes(n, "String"), n);
        }
        byte[] b = bytes(in);
        if (fixed && mode == FixedStringReadMode.BYTES) {
            return new BytesColumn(b);
        }
        return text.column(b, textLength(b));
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        byte[] b = bytes(in);
        text.appendJson(b, textLength(b), sb);
    }

    @Override
    Column nullColumn() {
        return fixed && mode == FixedStringReadMode.BYTES ? new BytesColumn(null) : new StringColumn(null);
    }
}
