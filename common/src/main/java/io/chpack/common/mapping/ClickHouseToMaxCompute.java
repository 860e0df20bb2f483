package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;

import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse type → MaxCompute 2.0 type, for auto-created MaxCompute tables. Lossless wherever MaxCompute has
 * a type that holds every value; otherwise STRING with the exact text. Nullable and LowCardinality are
 * dropped (every MaxCompute column is nullable). The table with reasons is in {@code docs/type-mapping.md}.
 */
public final class ClickHouseToMaxCompute {
    private final UInt64Target uint64Target;

    public ClickHouseToMaxCompute(UInt64Target uint64Target) {
        this.uint64Target = uint64Target;
    }

    /** UInt64 → DECIMAL(20,0). */
    public static ClickHouseToMaxCompute defaults() {
        return new ClickHouseToMaxCompute(UInt64Target.DECIMAL);
    }

    /** @throws UnmappableTypeException for Nothing */
    public MaxComputeType map(ClickHouseType t) {
        switch (t.kind()) {
            case NULLABLE:
            case LOW_CARDINALITY:
                return map(t.wrappedType());
            case INT8:
                return of(MaxComputeTypeKind.TINYINT);
            case INT16:
            case UINT8:
                return of(MaxComputeTypeKind.SMALLINT);
            case INT32:
            case UINT16:
                return of(MaxComputeTypeKind.INT);
            case INT64:
            case UINT32:
                return of(MaxComputeTypeKind.BIGINT);
            case UINT64:
                return uint64Target == UInt64Target.DECIMAL ? MaxComputeType.decimal(20, 0)
                        : uint64Target == UInt64Target.BIGINT ? of(MaxComputeTypeKind.BIGINT)
                        : of(MaxComputeTypeKind.STRING);
            case INT128:
            case INT256:
            case UINT128:
            case UINT256:
                return of(MaxComputeTypeKind.STRING); // up to 39/78 digits: more than DECIMAL(38)
            case FLOAT32:
            case BFLOAT16:
                return of(MaxComputeTypeKind.FLOAT);
            case FLOAT64:
                return of(MaxComputeTypeKind.DOUBLE);
            case DECIMAL:
                if (t.precision() <= MaxComputeType.MAX_DECIMAL_PRECISION && t.scale() <= MaxComputeType.MAX_DECIMAL_SCALE) {
                    return MaxComputeType.decimal(t.precision(), t.scale());
                }
                return of(MaxComputeTypeKind.STRING);
            case BOOL:
                return of(MaxComputeTypeKind.BOOLEAN);
            case STRING:
            case UUID:
            case IPV4:
            case IPV6:
            case ENUM8:
            case ENUM16:
                return of(MaxComputeTypeKind.STRING);
            case FIXED_STRING:
                return of(MaxComputeTypeKind.BINARY);
            case DATE:
            case DATE32:
                return of(MaxComputeTypeKind.DATE);
            case DATETIME:
                return of(MaxComputeTypeKind.DATETIME);
            case DATETIME64:
                return t.dateTime64Precision() <= 3 ? of(MaxComputeTypeKind.DATETIME) : of(MaxComputeTypeKind.TIMESTAMP);
            case ARRAY:
                return MaxComputeType.array(map(t.elementType()));
            case MAP:
                return MaxComputeType.map(map(t.mapKeyType()), map(t.mapValueType()));
            case TUPLE: {
                List<String> names = new ArrayList<>();
                List<MaxComputeType> fields = new ArrayList<>();
                List<ClickHouseType> elements = t.tupleElementTypes();
                for (int i = 0; i < elements.size(); i++) {
                    // Unnamed tuple elements are t.1, t.2 in ClickHouse; MaxCompute fields need names.
                    names.add(t.tupleElementNames() == null ? "f" + (i + 1) : t.tupleElementNames().get(i));
                    fields.add(map(elements.get(i)));
                }
                return MaxComputeType.struct(names, fields);
            }
            case NESTED:
                return MaxComputeType.array(map(t.elementType()));
            default:
                throw new UnmappableTypeException("ClickHouse type " + t + " has no MaxCompute counterpart (it holds "
                        + "no values); drop the column or CAST it in the reader's querySql");
        }
    }

    private static MaxComputeType of(MaxComputeTypeKind k) {
        return MaxComputeType.of(k);
    }
}
