package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodec;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/**
 * Decimal(P, S) → DoubleColumn holding the exact plain text with exactly S fraction digits
 * ({@code -1.50} for Decimal(9, 2)), never through a double. JSON: the same text as a number.
 * The text is what {@code BigDecimal.toPlainString()} gives, rendered straight from the unscaled integer.
 */
final class DecimalReader extends ValueReader {
    private static final long BILLION = 1_000_000_000L;

    private final RowBinaryCodec codec;
    private final boolean longPath;
    private final int scale;
    private final int width;
    private final String typeName;

    DecimalReader(ClickHouseType type) {
        super(type);
        this.codec = RowBinaryCodecs.forType(type);
        this.longPath = type.decimalByteWidth() <= 8;
        this.scale = type.scale();
        this.width = type.decimalByteWidth();
        this.typeName = type.toString();
    }

    private String text(RowBinaryInput in) throws IOException {
        if (longPath) {
            long v = codec.decodeLong(in);
            String digits = Long.toString(v);
            return v < 0 ? plain(true, digits, 1, scale) : plain(false, digits, 0, scale);
        }
        return wideText(in.readBytes(width, typeName), scale);
    }

    /**
     * The plain text of a little-endian two's complement unscaled value: its magnitude is cut into 32-bit
     * limbs and divided by 10^9 until zero, each remainder giving nine digits.
     */
    static String wideText(byte[] le, int scale) {
        int w = le.length;
        boolean negative = le[w - 1] < 0;
        int[] limbs = new int[w / 4]; // most significant first
        for (int k = 0; k < limbs.length; k++) {
            int b = 4 * (limbs.length - 1 - k);
            limbs[k] = (le[b] & 0xFF) | (le[b + 1] & 0xFF) << 8 | (le[b + 2] & 0xFF) << 16 | (le[b + 3] & 0xFF) << 24;
        }
        if (negative) { // magnitude = ~v + 1
            long carry = 1;
            for (int k = limbs.length - 1; k >= 0; k--) {
                long x = (~limbs[k] & 0xFFFFFFFFL) + carry;
                limbs[k] = (int) x;
                carry = x >>> 32;
            }
        }
        char[] buf = new char[10 * limbs.length + 2];
        int at = buf.length;
        int first = 0;
        while (first < limbs.length && limbs[first] == 0) {
            first++;
        }
        while (first < limbs.length) {
            long rem = 0;
            for (int k = first; k < limbs.length; k++) {
                long cur = (rem << 32) | (limbs[k] & 0xFFFFFFFFL);
                limbs[k] = (int) (cur / BILLION);
                rem = cur % BILLION;
            }
            while (first < limbs.length && limbs[first] == 0) {
                first++;
            }
            for (int d = 0; d < 9 && (first < limbs.length || rem != 0); d++) {
                buf[--at] = (char) ('0' + rem % 10);
                rem /= 10;
            }
        }
        if (at == buf.length) {
            buf[--at] = '0';
        }
        return plain(negative, new String(buf, at, buf.length - at), 0, scale);
    }

    /** {@code BigDecimal.toPlainString()} of the digits {@code digits[from..]} with the given scale (≥ 0). */
    static String plain(boolean negative, String digits, int from, int scale) {
        int len = digits.length() - from;
        if (scale == 0) {
            if (from == 0) {
                return negative ? "-" + digits : digits;
            }
            return negative ? digits : digits.substring(from);
        }
        StringBuilder sb = new StringBuilder(len + scale + 3);
        if (negative) {
            sb.append('-');
        }
        if (len > scale) {
            sb.append(digits, from, from + len - scale).append('.').append(digits, from + len - scale, from + len);
        } else {
            sb.append("0.");
            for (int k = len; k < scale; k++) {
                sb.append('0');
            }
            sb.append(digits, from, from + len);
        }
        return sb.toString();
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        return new DoubleColumn(text(in));
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        sb.append(text(in));
    }

    @Override
    Column nullColumn() {
        return new DoubleColumn((String) null);
    }
}
