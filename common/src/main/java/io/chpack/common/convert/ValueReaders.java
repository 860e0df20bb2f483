package io.chpack.common.convert;

import io.chpack.common.chtype.ClickHouseType;

import java.util.List;

/** Builds the reader tree for a ClickHouse type. LowCardinality(T) is read as T at every level. */
final class ValueReaders {
    private ValueReaders() {
    }

    static ValueReader forType(ClickHouseType type, ConversionOptions options) {
        ClickHouseType t = type.unwrapLowCardinality();
        switch (t.kind()) {
            case NULLABLE:
                return new NullableReader(t, forType(t.wrappedType(), options));
            case INT8:
            case INT16:
            case INT32:
            case INT64:
            case UINT8:
            case UINT16:
            case UINT32:
            case UINT64:
            case INT128:
            case INT256:
            case UINT128:
            case UINT256:
                return new IntegerReader(t);
            case FLOAT32:
            case FLOAT64:
            case BFLOAT16:
                return new FloatReader(t);
            case DECIMAL:
                return new DecimalReader(t);
            case BOOL:
                return new BoolReader(t);
            case STRING:
            case FIXED_STRING:
                return new StringReader(t, options);
            case UUID:
            case IPV4:
            case IPV6:
            case ENUM8:
            case ENUM16:
                return new CanonicalTextReader(t);
            case DATE:
            case DATE32:
                return new DateReader(t, options);
            case DATETIME:
            case DATETIME64:
                return new DateTimeReader(t, options);
            case ARRAY:
            case NESTED:
                return new JsonTextReader(t, new ValueReader[] {forType(t.elementType(), options)});
            case MAP:
                return new JsonTextReader(t, new ValueReader[] {forType(t.mapKeyType(), options),
                        forType(t.mapValueType(), options)});
            case TUPLE:
                List<ClickHouseType> el = t.tupleElementTypes();
                ValueReader[] rs = new ValueReader[el.size()];
                for (int i = 0; i < rs.length; i++) {
                    rs[i] = forType(el.get(i), options);
                }
                return new JsonTextReader(t, rs);
            case NOTHING:
                return new NothingReader(t);
            default:
                throw new IllegalArgumentException("no conversion from ClickHouse type " + t);
        }
    }
}
