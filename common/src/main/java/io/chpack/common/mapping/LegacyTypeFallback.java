package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites a modern ClickHouse type into one ClickHouse 18.16 has, recursively. Every replacement keeps the
 * values (text instead of a typed column) except Date32 → Date and, by option, DateTime64 → DateTime, whose
 * narrower ranges/precision make the writer reject values it cannot hold (dirty records, never silent).
 * <pre>
 * Bool                     → UInt8 (0/1)
 * Int128/256, UInt128/256  → String (decimal text)
 * Decimal(P>38, S)         → String (exact decimal text)
 * Date32                   → Date (1970-01-01 … 2149-06-06; earlier/later dates are rejected)
 * DateTime64(0[, tz])      → DateTime([tz])
 * DateTime64(p>0[, tz])    → String (text), or DateTime([tz]) with {@link DateTime64Fallback#DATETIME}
 * IPv4, IPv6               → String (text form)
 * BFloat16                 → Float32
 * Map(K, V)                → String (JSON object text)
 * Tuple(a T, …) (named)    → Tuple(T, …) (unnamed, elements rewritten)
 * Array(Tuple…), Nested    → String (JSON text; 18.16 flattens Array(Tuple) into parallel columns)
 * LowCardinality(T)        → T (experimental on 18.16)
 * </pre>
 */
public final class LegacyTypeFallback {
    private final DateTime64Fallback dateTime64;

    public LegacyTypeFallback(DateTime64Fallback dateTime64) {
        this.dateTime64 = dateTime64;
    }

    public ClickHouseType apply(ClickHouseType t) {
        switch (t.kind()) {
            case BOOL:
                return ClickHouseType.of(ClickHouseTypeKind.UINT8);
            case INT128:
            case INT256:
            case UINT128:
            case UINT256:
            case IPV4:
            case IPV6:
            case MAP:
            case NESTED:
                return string();
            case DECIMAL:
                return t.precision() > 38 ? string() : t;
            case DATE32:
                return ClickHouseType.of(ClickHouseTypeKind.DATE);
            case DATETIME64:
                return t.dateTime64Precision() == 0 || dateTime64 == DateTime64Fallback.DATETIME
                        ? ClickHouseType.dateTime(t.timeZone()) : string();
            case BFLOAT16:
                return ClickHouseType.of(ClickHouseTypeKind.FLOAT32);
            case LOW_CARDINALITY:
                return apply(t.wrappedType());
            case NULLABLE:
                return ClickHouseType.nullable(apply(t.wrappedType()));
            case ARRAY: {
                ClickHouseTypeKind ek = t.elementType().valueType().kind();
                if (ek == ClickHouseTypeKind.TUPLE || ek == ClickHouseTypeKind.NESTED) {
                    return string();
                }
                return ClickHouseType.array(apply(t.elementType()));
            }
            case TUPLE: {
                List<ClickHouseType> elements = new ArrayList<>();
                for (ClickHouseType e : t.tupleElementTypes()) {
                    elements.add(apply(e));
                }
                return ClickHouseType.tuple(elements);
            }
            default:
                return t;
        }
    }

    private static ClickHouseType string() {
        return ClickHouseType.of(ClickHouseTypeKind.STRING);
    }
}
