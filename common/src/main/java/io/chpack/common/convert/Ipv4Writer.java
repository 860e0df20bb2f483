package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;
import java.math.BigInteger;

/**
 * IPv4 from dotted-quad text (each part 0–255, no leading zeros), from a LongColumn holding the address
 * number in [0, 4294967295], or from a BytesColumn of exactly 4 bytes in network order.
 */
final class Ipv4Writer extends ScalarWriter {
    Ipv4Writer(ClickHouseType type, ConversionOptions options) {
        super(type, options);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        long v = IpText.parseIpv4(s, 0, s.length());
        if (v < 0) {
            throw new Reject((s.isEmpty() ? "the empty string" : ValueText.quoted(s))
                    + " is not an IPv4 address (expected a.b.c.d with parts 0-255, no leading zeros)");
        }
        out.writeUInt32(v);
    }

    @Override
    void fromLong(Column c, BigInteger v, RowBinaryOutput out) throws IOException {
        if (v.signum() < 0 || v.bitLength() > 32) {
            throw new Reject(ValueText.truncate(v.toString()) + " is out of range for IPv4 [0, 4294967295]");
        }
        out.writeUInt32(v.longValue());
    }

    @Override
    void fromBytes(Column c, byte[] b, RowBinaryOutput out) throws IOException {
        if (b.length != 4) {
            throw new Reject(b.length + " bytes are not an IPv4 address (exactly 4 are)");
        }
        out.writeUInt32(((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL));
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeUInt32(0);
    }
}
