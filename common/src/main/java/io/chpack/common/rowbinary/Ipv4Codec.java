package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * IPv4 as a little-endian UInt32 of the address number (127.0.0.1 → 01 00 00 7f). Values: Inet4Address;
 * the long fast path carries the unsigned address number.
 */
final class Ipv4Codec extends RowBinaryCodec {
    Ipv4Codec(ClickHouseType type) {
        super(type);
    }

    @Override
    public void encode(Object value, RowBinaryOutput out) throws IOException {
        if (value instanceof Inet4Address) {
            byte[] a = ((Inet4Address) value).getAddress();
            long v = ((a[0] & 0xFFL) << 24) | ((a[1] & 0xFFL) << 16) | ((a[2] & 0xFFL) << 8) | (a[3] & 0xFFL);
            out.writeUInt32(v);
        } else if (value == null) {
            throw nullValue();
        } else {
            throw wrongClass(value, "a java.net.Inet4Address");
        }
    }

    @Override
    public Object decode(RowBinaryInput in) throws IOException {
        long v = in.readUInt32();
        byte[] a = {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        try {
            return InetAddress.getByAddress(a);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are always an IPv4 address", e);
        }
    }

    @Override
    public boolean supportsLong() {
        return true;
    }

    @Override
    public void encodeLong(long value, RowBinaryOutput out) throws IOException {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw outOfRange(value, "[0, 4294967295]");
        }
        out.writeUInt32(value);
    }

    @Override
    public long decodeLong(RowBinaryInput in) throws IOException {
        return in.readUInt32();
    }
}
