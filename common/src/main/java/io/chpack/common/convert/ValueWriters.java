package io.chpack.common.convert;

import io.chpack.common.chtype.ClickHouseType;

import java.util.List;

/** Builds the writer tree for a ClickHouse type. LowCardinality(T) is written as T at every level. */
final class ValueWriters {
    private ValueWriters() {
    }

    static ValueWriter forType(ClickHouseType type, ConversionOptions options) {
        ClickHouseType t = type.unwrapLowCardinality();
        if (t.isNullable()) {
            return new NullableWriter(typed(t.wrappedType().unwrapLowCardinality(), options));
        }
        return typed(t, options);
    }

    private static TypedWriter typed(ClickHouseType t, ConversionOptions options) {
        switch (t.kind()) {
            case INT8:
            case INT16:
            case INT32:
            case INT64:
            case UINT8:
            case UINT16:
            case UINT32:
                return new IntegerWriter(t, options);
            case UINT64:
            case INT128:
            case INT256:
            case UINT128:
            case UINT256:
                return new WideIntegerWriter(t, options);
            case FLOAT32:
            case FLOAT64:
            case BFLOAT16:
                return new FloatWriter(t, options);
            case DECIMAL:
                return new DecimalWriter(t, options);
            case BOOL:
                return new BoolWriter(t, options);
            case STRING:
                return new StringWriter(t, options);
            case FIXED_STRING:
                return new FixedStringWriter(t, options);
            case UUID:
                return new UuidWriter(t, options);
            case DATE:
            case DATE32:
                return new DateWriter(t, options);
            case DATETIME:
            case DATETIME64:
                return new DateTimeWriter(t, options);
            case ENUM8:
            case ENUM16:
                return new EnumWriter(t, options);
            case IPV4:
                return new Ipv4Writer(t, options);
            case IPV6:
                return new Ipv6Writer(t, options);
            case ARRAY:
            case NESTED:
                return new ArrayWriter(t, options, forType(t.elementType(), options));
            case MAP:
                return new MapWriter(t, options, forType(t.mapKeyType(), options), forType(t.mapValueType(), options));
            case TUPLE:
                List<ClickHouseType> el = t.tupleElementTypes();
                ValueWriter[] ws = new ValueWriter[el.size()];
                for (int i = 0; i < ws.length; i++) {
                    ws[i] = forType(el.get(i), options);
                }
                return new TupleWriter(t, options, ws);
            case NOTHING:
                return new NothingWriter(t, options);
            default:
                throw new IllegalArgumentException("no conversion to ClickHouse type " + t);
        }
    }
}
