package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.util.List;

/**
 * Builds the codec for a ClickHouse type. Build once per column, reuse for every row.
 *
 * <p>Java value model ({@code encode} accepts, {@code decode} returns):
 * <table>
 * <caption>values per type</caption>
 * <tr><th>ClickHouse</th><th>decode</th><th>encode also accepts</th><th>long / double fast path</th></tr>
 * <tr><td>Int8…Int64, UInt8…UInt32</td><td>Long</td><td>Byte, Short, Integer, BigInteger, integral BigDecimal</td><td>the value</td></tr>
 * <tr><td>UInt64</td><td>BigInteger</td><td>Long (≥ 0), …</td><td>encode: value ≥ 0; decode: the raw 64 bits</td></tr>
 * <tr><td>Int128, Int256, UInt128, UInt256</td><td>BigInteger</td><td>Long, …</td><td>values that fit a long</td></tr>
 * <tr><td>Float32, BFloat16 / Float64</td><td>Float / Double</td><td>Float or Double</td><td>double</td></tr>
 * <tr><td>Decimal(P, S)</td><td>BigDecimal (scale S)</td><td>integers; never rounds</td><td>the unscaled value</td></tr>
 * <tr><td>Bool</td><td>Boolean</td><td>—</td><td>0 / 1</td></tr>
 * <tr><td>String</td><td>byte[]</td><td>CharSequence (UTF-8)</td><td>—</td></tr>
 * <tr><td>FixedString(N)</td><td>byte[N]</td><td>CharSequence; ≤ N bytes, zero-padded</td><td>—</td></tr>
 * <tr><td>UUID</td><td>java.util.UUID</td><td>—</td><td>—</td></tr>
 * <tr><td>Date, Date32</td><td>LocalDate</td><td>—</td><td>days since 1970-01-01</td></tr>
 * <tr><td>DateTime</td><td>Instant (whole seconds)</td><td>—</td><td>epoch seconds</td></tr>
 * <tr><td>DateTime64(p)</td><td>Instant</td><td>—</td><td>ticks of 10^-p s</td></tr>
 * <tr><td>Enum8, Enum16</td><td>String (entry name)</td><td>Integer value</td><td>the value</td></tr>
 * <tr><td>IPv4 / IPv6</td><td>Inet4Address / Inet6Address</td><td>IPv6: Inet4Address (mapped), byte[16]</td><td>IPv4: address number</td></tr>
 * <tr><td>Nullable(T)</td><td>null or T's value</td><td></td><td>encode only</td></tr>
 * <tr><td>LowCardinality(T)</td><td colspan="3">exactly as T (the codec returned is T's)</td></tr>
 * <tr><td>Array(T)</td><td>ArrayList</td><td>Collection, Object[], primitive arrays</td><td>—</td></tr>
 * <tr><td>Map(K, V)</td><td>LinkedHashMap (wire order)</td><td>any Map, iteration order</td><td>—</td></tr>
 * <tr><td>Tuple(…)</td><td>ArrayList</td><td>Object[]; named tuples also Map by name</td><td>—</td></tr>
 * <tr><td>Nested(…)</td><td>ArrayList of ArrayList (Array of named tuples)</td><td>as Array(Tuple)</td><td>—</td></tr>
 * <tr><td>Nothing</td><td colspan="3">no values: only NULL of Nullable(Nothing) and empty Array(Nothing)</td></tr>
 * </table>
 */
public final class RowBinaryCodecs {
    private RowBinaryCodecs() {
    }

    public static RowBinaryCodec forType(String typeString) {
        return forType(ClickHouseType.parse(typeString));
    }

    public static RowBinaryCodec forType(ClickHouseType type) {
        switch (type.kind()) {
            case INT8:
            case INT16:
            case INT32:
            case INT64:
            case UINT8:
            case UINT16:
            case UINT32:
            case UINT64:
                return new IntCodec(type);
            case INT128:
            case INT256:
            case UINT128:
            case UINT256:
                return new WideIntCodec(type);
            case FLOAT32:
            case FLOAT64:
            case BFLOAT16:
                return new FloatCodec(type);
            case DECIMAL:
                return new DecimalCodec(type);
            case BOOL:
                return new BoolCodec(type);
            case STRING:
                return new StringCodec(type);
            case FIXED_STRING:
                return new FixedStringCodec(type);
            case UUID:
                return new UuidCodec(type);
            case DATE:
            case DATE32:
                return new DateCodec(type);
            case DATETIME:
                return new DateTimeCodec(type);
            case DATETIME64:
                return new DateTime64Codec(type);
            case ENUM8:
            case ENUM16:
                return new EnumCodec(type);
            case IPV4:
                return new Ipv4Codec(type);
            case IPV6:
                return new Ipv6Codec(type);
            case NULLABLE:
                return new NullableCodec(type, forType(type.wrappedType()));
            case LOW_CARDINALITY:
                // RowBinary carries LowCardinality(T) exactly as T (no dictionary outside Native)
                return forType(type.wrappedType());
            case ARRAY:
                return new ArrayCodec(type, forType(type.elementType()));
            case NESTED:
                return new ArrayCodec(type, forType(type.elementType()));
            case MAP:
                return new MapCodec(type, forType(type.mapKeyType()), forType(type.mapValueType()));
            case TUPLE:
                List<ClickHouseType> el = type.tupleElementTypes();
                RowBinaryCodec[] codecs = new RowBinaryCodec[el.size()];
                for (int i = 0; i < codecs.length; i++) {
                    codecs[i] = forType(el.get(i));
                }
                return new TupleCodec(type, codecs);
            case NOTHING:
                return new NothingCodec(type);
            default:
                throw new IllegalArgumentException("no RowBinary codec for ClickHouse type " + type);
        }
    }
}
