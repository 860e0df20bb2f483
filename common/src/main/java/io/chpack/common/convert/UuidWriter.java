package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.util.UUID;

/**
 * UUID from the canonical 36-character text (hex of either case, nothing around it) or from a
 * BytesColumn of exactly 16 bytes in RFC 4122 order (as MySQL {@code BINARY(16)} / {@code UUID_TO_BIN(u)}
 * without swap stores it).
 */
final class UuidWriter extends ScalarWriter {
    UuidWriter(ClickHouseType type, ConversionOptions options) {
        super(type, options);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        UUID u = UuidText.parse(s);
        if (u == null) {
            throw new Reject((s.isEmpty() ? "the empty string" : ValueText.quoted(s))
                    + " is not a UUID (expected xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
        out.writeUuid(u.getMostSignificantBits(), u.getLeastSignificantBits());
    }

    @Override
    void fromBytes(Column c, byte[] b, RowBinaryOutput out) throws IOException {
        if (b.length != 16) {
            throw new Reject(b.length + " bytes are not a UUID (exactly 16 are)");
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xFF);
            lsb = (lsb << 8) | (b[8 + i] & 0xFF);
        }
        out.writeUuid(msb, lsb);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeUuid(0, 0);
    }
}
