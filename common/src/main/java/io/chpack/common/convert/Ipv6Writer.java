package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;

/**
 * IPv6 from RFC 4291 text (groups, one {@code ::}, optional dotted IPv4 tail; no zone id, no brackets),
 * from plain IPv4 text as the IPv4-mapped {@code ::ffff:a.b.c.d} (as ClickHouse converts), or from a
 * BytesColumn of exactly 16 bytes in network order.
 */
final class Ipv6Writer extends ScalarWriter {
    Ipv6Writer(ClickHouseType type, ConversionOptions options) {
        super(type, options);
    }

    @Override
    void fromString(Column c, String s, RowBinaryOutput out) throws IOException {
        byte[] b = IpText.parseIpv6(s);
        if (b == null) {
            throw new Reject((s.isEmpty() ? "the empty string" : ValueText.quoted(s)) + " is not an IPv6 address");
        }
        out.writeBytes(b);
    }

    @Override
    void fromBytes(Column c, byte[] b, RowBinaryOutput out) throws IOException {
        if (b.length != 16) {
            throw new Reject(b.length + " bytes are not an IPv6 address (exactly 16 are)");
        }
        out.writeBytes(b);
    }

    @Override
    void writeDefault(RowBinaryOutput out) throws IOException {
        out.writeBytes(new byte[16]);
    }
}
