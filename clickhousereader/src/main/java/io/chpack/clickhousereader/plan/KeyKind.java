package io.chpack.clickhousereader.plan;

import io.chpack.clickhousereader.client.Sql;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

/**
 * The kinds of split key the planner can cut into ranges, with how a sampled key value is fetched as text
 * and turned back into a SQL literal. The literal need not equal the sampled value exactly (boundaries only
 * have to be ordered); it must be a constant so the primary key index still applies. Checked on 18.16:
 * {@code k < unhex('..')} on String/FixedString, {@code toDecimal64('..', S)} on Decimal (a Float literal is
 * refused: "No operation less between Decimal(18, 4) and Float64").
 */
public enum KeyKind {
    INTEGER, FLOAT, DECIMAL, DATE, DATETIME, STRING, UUID;

    /** The kind for a key of this type, or null when it cannot be range-split (Array, Tuple, Enum, ...). */
    public static KeyKind of(ClickHouseType type) {
        ClickHouseTypeKind k = type.valueType().kind();
        switch (k) {
            case INT8: case INT16: case INT32: case INT64:
            case UINT8: case UINT16: case UINT32: case UINT64:
            case INT128: case UINT128: case INT256: case UINT256:
                return INTEGER;
            case FLOAT32: case FLOAT64:
                return FLOAT;
            case DECIMAL:
                return DECIMAL;
            case DATE:
                return DATE;
            case DATETIME:
                return DATETIME;
            case STRING: case FIXED_STRING:
                return STRING;
            case UUID:
                return UUID;
            default:
                return null;
        }
    }

    /** The expression that renders a sampled value of {@code alias} as text, equal text for equal values. */
    public String sampleText(String alias) {
        switch (this) {
            case DATETIME:
                return "toString(toUInt32(" + alias + "))";
            case STRING:
                return "hex(" + alias + ")";
            default:
                return "toString(" + alias + ")";
        }
    }

    /** Extra sample filter: NaN and infinities make poor boundaries (NaN has no place in the order). */
    public String sampleFilter(String alias) {
        return this == FLOAT ? "isFinite(" + alias + ")" : null;
    }

    /** The SQL literal of a boundary given as {@link #sampleText} produced it. */
    public String literal(String text, ClickHouseType keyType) {
        switch (this) {
            case INTEGER:
                requireMatch(text, "-?[0-9]+");
                return text;
            case FLOAT:
                requireMatch(text, "-?[0-9.eE+-]+");
                return text;
            case DECIMAL: {
                requireMatch(text, "-?[0-9]+(\\.[0-9]+)?");
                ClickHouseType t = keyType.valueType();
                int p = t.precision();
                String fn = p <= 9 ? "toDecimal32" : p <= 18 ? "toDecimal64" : "toDecimal128";
                return fn + "(" + Sql.quote(text) + ", " + t.scale() + ")";
            }
            case DATE:
                return "toDate(" + Sql.quote(text) + ")";
            case DATETIME:
                requireMatch(text, "[0-9]+");
                return "toDateTime(" + text + ")";
            case STRING:
                requireMatch(text, "[0-9A-F]*");
                return "unhex('" + text + "')";
            case UUID:
                return "toUUID(" + Sql.quote(text) + ")";
            default:
                throw new IllegalStateException(name());
        }
    }

    private static void requireMatch(String text, String regex) {
        if (!text.matches(regex)) {
            throw new IllegalArgumentException("unexpected key value text '" + text + "'");
        }
    }
}
