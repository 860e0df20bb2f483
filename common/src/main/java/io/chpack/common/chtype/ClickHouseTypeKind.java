package io.chpack.common.chtype;

/**
 * The kinds of ClickHouse types chpack understands. Wrappers that do not change the RowBinary encoding
 * ({@code SimpleAggregateFunction}) are not kinds: the parser replaces them by their value type.
 */
public enum ClickHouseTypeKind {
    INT8("Int8", 1, true, true),
    INT16("Int16", 2, true, true),
    INT32("Int32", 4, true, true),
    INT64("Int64", 8, true, true),
    INT128("Int128", 16, true, true),
    INT256("Int256", 32, true, true),
    UINT8("UInt8", 1, true, false),
    UINT16("UInt16", 2, true, false),
    UINT32("UInt32", 4, true, false),
    UINT64("UInt64", 8, true, false),
    UINT128("UInt128", 16, true, false),
    UINT256("UInt256", 32, true, false),
    FLOAT32("Float32", 4, false, true),
    FLOAT64("Float64", 8, false, true),
    BFLOAT16("BFloat16", 2, false, true),
    /** Decimal(P, S); the width (4/8/16/32 bytes) follows from P. */
    DECIMAL("Decimal", -1, false, true),
    BOOL("Bool", 1, false, false),
    STRING("String", -1, false, false),
    FIXED_STRING("FixedString", -1, false, false),
    UUID("UUID", 16, false, false),
    DATE("Date", 2, false, false),
    DATE32("Date32", 4, false, false),
    DATETIME("DateTime", 4, false, false),
    DATETIME64("DateTime64", 8, false, false),
    ENUM8("Enum8", 1, false, false),
    ENUM16("Enum16", 2, false, false),
    IPV4("IPv4", 4, false, false),
    IPV6("IPv6", 16, false, false),
    NULLABLE("Nullable", -1, false, false),
    LOW_CARDINALITY("LowCardinality", -1, false, false),
    ARRAY("Array", -1, false, false),
    MAP("Map", -1, false, false),
    TUPLE("Tuple", -1, false, false),
    /**
     * {@code Nested(a T, b U)} as a single column (server setting {@code flatten_nested = 0}); encoded
     * like {@code Array(Tuple(a T, b U))}. With the default {@code flatten_nested = 1} (and always on
     * 18.16) the server reports parallel {@code Array(T)} columns named {@code n.a} instead, which parse
     * as plain arrays.
     */
    NESTED("Nested", -1, false, false),
    /** The type of an untyped NULL or empty array; it has no values of its own. */
    NOTHING("Nothing", -1, false, false);

    private final String typeName;
    private final int fixedWidth;
    private final boolean integer;
    private final boolean signed;

    ClickHouseTypeKind(String typeName, int fixedWidth, boolean integer, boolean signed) {
        this.typeName = typeName;
        this.fixedWidth = fixedWidth;
        this.integer = integer;
        this.signed = signed;
    }

    /** The server's name for the kind, e.g. {@code UInt64}, {@code FixedString}. */
    public String typeName() {
        return typeName;
    }

    /** Bytes of one RowBinary value when they do not depend on parameters, else -1. */
    int kindFixedWidth() {
        return fixedWidth;
    }

    /** True for Int8…Int256 and UInt8…UInt256 (not Bool, Enum or Decimal). */
    public boolean isInteger() {
        return integer;
    }

    /** True for the signed integers, floats and Decimal. */
    public boolean isSigned() {
        return signed;
    }

    /** True for the kinds that wrap or contain other types. */
    public boolean isComposite() {
        return this == NULLABLE || this == LOW_CARDINALITY || this == ARRAY || this == MAP || this == TUPLE
                || this == NESTED;
    }
}
