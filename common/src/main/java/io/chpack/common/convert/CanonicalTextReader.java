package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.chtype.EnumValues;
import io.chpack.common.json.JsonStrings;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/**
 * Types whose DataX form is their canonical ClickHouse text, as StringColumn and as a JSON string:
 * UUID (lower-case 8-4-4-4-12), IPv4 (dotted quad), IPv6 (RFC 5952, IPv4-mapped as ::ffff:a.b.c.d, as
 * ClickHouse prints), Enum8/16 (the entry name). All of them are accepted back by the writers.
 */
final class CanonicalTextReader extends ValueReader {
    private final ClickHouseTypeKind kind;
    private final EnumValues enumValues;

    CanonicalTextReader(ClickHouseType type) {
        super(type);
        this.kind = type.kind();
        this.enumValues = (kind == ClickHouseTypeKind.ENUM8 || kind == ClickHouseTypeKind.ENUM16) ? type.enumValues() : null;
    }

    private String text(RowBinaryInput in) throws IOException {
        switch (kind) {
            case UUID:
                return in.readUuid().toString();
            case IPV4:
                return IpText.formatIpv4(in.readUInt32());
            case IPV6:
                return IpText.formatIpv6(in.readBytes(16, "IPv6"));
            default:
                int v = kind == ClickHouseTypeKind.ENUM8 ? in.readInt8() : in.readInt16();
                String name = enumValues.nameOf(v);
                if (name == null) {
                    throw new Reject("value " + v + " is not an entry of " + ValueText.truncate(type.toString()));
                }
                return name;
        }
    }

    @Override
    Column read(RowBinaryInput in) throws IOException {
        return new StringColumn(text(in));
    }

    @Override
    void appendJson(RowBinaryInput in, StringBuilder sb) throws IOException {
        JsonStrings.appendQuoted(sb, text(in));
    }

    @Override
    Column nullColumn() {
        return new StringColumn(null);
    }
}
