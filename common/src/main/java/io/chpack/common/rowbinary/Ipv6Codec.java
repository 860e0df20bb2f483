package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.UnknownHostException;

/**
 * IPv6 as 16 bytes in network order. Decodes to Inet6Address, also for IPv4-mapped addresses
 * (::ffff:a.b.c.d stays an Inet6Address; InetAddress.getByAddress would turn it into an Inet4Address).
 * Encodes Inet6Address, a byte[16], or an Inet4Address as its IPv4-mapped form, as the server casts.
 */
final class Ipv6Codec extends RowBinaryCodec {
    Ipv6Codec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Inet6Address) {
            out.writeBytes(((Inet6Address) value).getAddress());
        } else if (value instanceof Inet4Address) {
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(((Inet4Address) value).getAddress(), 0, mapped, 12, 4);
            out.writeBytes(mapped);
        } else if (value instanceof byte[] && ((byte[]) value).length == 16) {
            out.writeBytes((byte[]) value);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a java.net.Inet6Address, Inet4Address or byte[16]");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        byte[] a = in.readBytes(16, "IPv6");
        try {
            return Inet6Address.getByAddress(null, a, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an IPv6 address", e);
        }
    }
}
