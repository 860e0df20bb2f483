package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.time.ZoneId;

/**
 * FixedString(N) from the same bytes {@link StringWriter} would write (UTF-8 text, raw bytes, number and
 * date text). Shorter values are padded with zero bytes up to N — the server's own rule when it parses
 * text; longer values are rejected, never cut (a cut could also split a UTF-8 character).
 */
final class FixedStringWriter extends TypedWriter {
    private final int length;
    private final ZoneId zone;

    FixedStringWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
        this.length = type.length();
        this.zone = options.defaultZone();
    }

    @Override
    void writeValue(Column c, Object raw, RowBinaryOutput out) throws IOException {
        byte[] b = StringWriter.bytesOf(c, raw, zone);
        if (b == null) {
            throw noRule(c);
        }
        if (b.length > length) {
            throw new Reject("the value takes " + b.length + " bytes, more than the " + length + " of " + type
                    + " (longer values are never cut)");
        }
        out.writeFixedString(b, length);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeFixedString(new byte[0], length);
    }
}
