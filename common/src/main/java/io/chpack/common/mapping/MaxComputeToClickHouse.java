package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.util.ArrayList;
import java.util.List;

/**
 * MaxCompute type → ClickHouse type (modern server; {@link LegacyTypeFallback} rewrites it for 18.16), for
 * ClickHouse tables created from MaxCompute tables. Elements of ARRAY/MAP values and STRUCT fields can be NULL
 * in MaxCompute, so they become Nullable (map keys excepted: ClickHouse refuses Nullable keys).
 */
public final class MaxComputeToClickHouse {
    private MaxComputeToClickHouse() {
    }

    /** The column's value type, not Nullable ({@link ClickHouseDdl} adds Nullable for nullable columns). */
    public static ClickHouseType map(MaxComputeType t) {
        switch (t.kind()) {
            case TINYINT:
                return of(ClickHouseTypeKind.INT8);
            case SMALLINT:
                return of(ClickHouseTypeKind.INT16);
            case INT:
                return of(ClickHouseTypeKind.INT32);
            case BIGINT:
                return of(ClickHouseTypeKind.INT64);
            case FLOAT:
                return of(ClickHouseTypeKind.FLOAT32);
            case DOUBLE:
                return of(ClickHouseTypeKind.FLOAT64);
            case DECIMAL:
                return ClickHouseType.decimal(t.precision(), t.scale());
            case BOOLEAN:
                return of(ClickHouseTypeKind.BOOL);
            case STRING:
            case VARCHAR:
            case CHAR:
            case BINARY:
            case JSON:
                return of(ClickHouseTypeKind.STRING);
            case DATE:
                return of(ClickHouseTypeKind.DATE32);
            case DATETIME:
                return ClickHouseType.dateTime64(3, null);
            case TIMESTAMP:
            case TIMESTAMP_NTZ:
                return ClickHouseType.dateTime64(9, null);
            case ARRAY:
                return ClickHouseType.array(element(t.elementType()));
            case MAP:
                return ClickHouseType.map(map(t.keyType()), element(t.valueType()));
            case STRUCT: {
                List<ClickHouseType> fields = new ArrayList<>();
                for (MaxComputeType f : t.fieldTypes()) {
                    fields.add(element(f));
                }
                return ClickHouseType.namedTuple(t.fieldNames(), fields);
            }
            default:
                throw new UnmappableTypeException("MaxCompute type " + t + " cannot be a ClickHouse column; cast it "
                        + "to STRING in MaxCompute");
        }
    }

    /** An element that may be NULL: Nullable(T) where ClickHouse allows it. */
    private static ClickHouseType element(MaxComputeType t) {
        ClickHouseType c = map(t);
        return t.kind().isComplex() ? c : ClickHouseType.nullable(c);
    }

    private static ClickHouseType of(ClickHouseTypeKind k) {
        return ClickHouseType.of(k);
    }
}
