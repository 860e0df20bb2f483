package io.chpack.memcachedwriter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.Arrays;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ColumnEncoder;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.rowbinary.RowBinaryOutput;

/**
 * DataX Column → UTF-8 text with common's String rules (docs/type-mapping.md, "String" row): LongColumn as
 * decimal digits, DoubleColumn as its exact text, StringColumn as is (an unpaired surrogate is an error),
 * BoolColumn {@code true}/{@code false}, DateColumn by sub-type in the configured zone ({@code yyyy-MM-dd},
 * {@code HH:mm:ss[.SSS]}, {@code yyyy-MM-dd HH:mm:ss[.SSS]}), BytesColumn its raw bytes. Never the JVM zone or
 * DataX's {@code asString()}. Not thread-safe: one per task.
 */
final class ColumnText {
    private final ColumnEncoder encoder;
    private final Sink sink = new Sink();
    private final RowBinaryOutput out = new RowBinaryOutput(sink, 4096);

    ColumnText(ZoneId zone) {
        ConversionOptions options = ConversionOptions.builder(zone).build();
        this.encoder = ColumnEncoder.compile("value", ClickHouseType.parse("String"), options);
    }

    /** The bytes of a non-NULL column (callers check NULL first). */
    byte[] bytes(Column c) {
        if (c.getType() == Column.Type.BYTES) {
            return (byte[]) c.getRawData();
        }
        try {
            sink.reset();
            encoder.encode(c, out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // RowBinary String: varint length, then the bytes
        byte[] b = sink.buf;
        int pos = 0;
        int shift = 0;
        while ((b[pos] & 0x80) != 0) {
            pos++;
            shift += 7;
        }
        pos++;
        return Arrays.copyOfRange(b, pos, sink.len);
    }

    static boolean isNull(Column c) {
        return c == null || c.getRawData() == null;
    }

    private static final class Sink extends OutputStream {
        byte[] buf = new byte[256];
        int len;

        void reset() {
            len = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            buf[len++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int n) {
            ensure(n);
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        private void ensure(int n) {
            if (buf.length - len < n) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }
    }
}
