package io.chpack.common.chtype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable ClickHouse column type, as reported by the server ({@code system.columns.type},
 * {@code DESCRIBE}). Build one with {@link #parse(String)} or the factories; {@link #toString()} gives the
 * server's canonical spelling, which parses back to an equal type.
 *
 * <p>Accessors for parameters a kind does not have throw {@link IllegalStateException} naming the type,
 * so a caller that mixes up kinds finds out at once instead of reading a zero.
 */
public final class ClickHouseType {
    /** Range of the Decimal precision P in {@code Decimal(P, S)}. */
    public static final int MAX_DECIMAL_PRECISION = 76;
    public static final int MAX_DATETIME64_PRECISION = 9;

    private final ClickHouseTypeKind kind;
    private final int precision;
    private final int scale;
    private final int length;
    private final String timeZone;
    private final EnumValues enumValues;
    private final List<ClickHouseType> children;
    private final List<String> elementNames;
    private final String canonical;

    private ClickHouseType(ClickHouseTypeKind kind, int precision, int scale, int length, String timeZone,
            EnumValues enumValues, List<ClickHouseType> children, List<String> elementNames) {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.length = length;
        this.timeZone = timeZone;
        this.enumValues = enumValues;
        this.children = children;
        this.elementNames = elementNames;
        this.canonical = TypeRenderer.render(this);
    }

    private static ClickHouseType simple(ClickHouseTypeKind kind) {
        return new ClickHouseType(kind, 0, 0, 0, null, null, Collections.<ClickHouseType>emptyList(), null);
    }

    private static ClickHouseType wrapper(ClickHouseTypeKind kind, List<ClickHouseType> children,
            List<String> names) {
        return new ClickHouseType(kind, 0, 0, 0, null, null, Collections.unmodifiableList(children),
                names == null ? null : Collections.unmodifiableList(names));
    }

    // ---------------------------------------------------------------- parsing

    /**
     * Parses a type string as the server reports it.
     *
     * @throws ClickHouseTypeSyntaxException if the string is malformed (the message names the position)
     * @throws UnsupportedClickHouseTypeException for types chpack cannot carry (JSON, Variant, …)
     */
    public static ClickHouseType parse(String typeString) {
        return ClickHouseTypeParser.parse(typeString);
    }

    // ---------------------------------------------------------------- factories

    /**
     * A type without parameters: the integers, floats, Bool, String, UUID, Date, Date32, DateTime without a
     * zone, IPv4, IPv6, Nothing.
     */
    public static ClickHouseType of(ClickHouseTypeKind kind) {
        switch (kind) {
            case DECIMAL:
            case FIXED_STRING:
            case DATETIME64:
            case ENUM8:
            case ENUM16:
            case NULLABLE:
            case LOW_CARDINALITY:
            case ARRAY:
            case MAP:
            case TUPLE:
            case NESTED:
                throw new IllegalArgumentException(kind.typeName() + " needs parameters; use its factory method");
            default:
                return simple(kind);
        }
    }

    /** {@code Decimal(P, S)}, 1 ≤ P ≤ 76, 0 ≤ S ≤ P. */
    public static ClickHouseType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new IllegalArgumentException("Decimal precision " + precision + " is outside [1, "
                    + MAX_DECIMAL_PRECISION + "]");
        }
        if (scale < 0 || scale > precision) {
            throw new IllegalArgumentException("Decimal scale " + scale + " is outside [0, " + precision + "]");
        }
        return new ClickHouseType(ClickHouseTypeKind.DECIMAL, precision, scale, 0, null, null,
                Collections.<ClickHouseType>emptyList(), null);
    }

    /** {@code FixedString(N)}, N ≥ 1. */
    public static ClickHouseType fixedString(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("FixedString length " + length + " must be at least 1");
        }
        return new ClickHouseType(ClickHouseTypeKind.FIXED_STRING, 0, 0, length, null, null,
                Collections.<ClickHouseType>emptyList(), null);
    }

    /** {@code DateTime} or {@code DateTime('zone')} when the zone is not null. */
    public static ClickHouseType dateTime(String timeZone) {
        return new ClickHouseType(ClickHouseTypeKind.DATETIME, 0, 0, 0, timeZone, null,
                Collections.<ClickHouseType>emptyList(), null);
    }

    /** {@code DateTime64(p)} or {@code DateTime64(p, 'zone')}, 0 ≤ p ≤ 9. */
    public static ClickHouseType dateTime64(int precision, String timeZone) {
        if (precision < 0 || precision > MAX_DATETIME64_PRECISION) {
            throw new IllegalArgumentException("DateTime64 precision " + precision + " is outside [0, 9]");
        }
        return new ClickHouseType(ClickHouseTypeKind.DATETIME64, precision, 0, 0, timeZone, null,
                Collections.<ClickHouseType>emptyList(), null);
    }

    /** {@code Enum8(...)}: values in [-128, 127]. */
    public static ClickHouseType enum8(Map<String, Integer> entries) {
        return new ClickHouseType(ClickHouseTypeKind.ENUM8, 0, 0, 0, null,
                EnumValues.of(entries, Byte.MIN_VALUE, Byte.MAX_VALUE), Collections.<ClickHouseType>emptyList(),
                null);
    }

    /** {@code Enum16(...)}: values in [-32768, 32767]. */
    public static ClickHouseType enum16(Map<String, Integer> entries) {
        return new ClickHouseType(ClickHouseTypeKind.ENUM16, 0, 0, 0, null,
                EnumValues.of(entries, Short.MIN_VALUE, Short.MAX_VALUE), Collections.<ClickHouseType>emptyList(),
                null);
    }

    /**
     * {@code Nullable(T)}. Like the server, refuses Nullable around Nullable, LowCardinality, Array, Map and
     * Nested (write {@code LowCardinality(Nullable(T))} and {@code Array(Nullable(T))} instead).
     */
    public static ClickHouseType nullable(ClickHouseType inner) {
        switch (inner.kind) {
            case NULLABLE:
            case LOW_CARDINALITY:
            case ARRAY:
            case MAP:
            case NESTED:
                throw new IllegalArgumentException("Nullable(" + inner + ") is not a valid type: " + inner.kind.typeName()
                        + " cannot be inside Nullable");
            default:
                return wrapper(ClickHouseTypeKind.NULLABLE, Collections.singletonList(inner), null);
        }
    }

    /** {@code LowCardinality(T)}; T must not itself be composite except Nullable. */
    public static ClickHouseType lowCardinality(ClickHouseType inner) {
        if (inner.kind.isComposite() && inner.kind != ClickHouseTypeKind.NULLABLE) {
            throw new IllegalArgumentException("LowCardinality(" + inner + ") is not a valid type: "
                    + inner.kind.typeName() + " cannot be inside LowCardinality");
        }
        return wrapper(ClickHouseTypeKind.LOW_CARDINALITY, Collections.singletonList(inner), null);
    }

    public static ClickHouseType array(ClickHouseType element) {
        return wrapper(ClickHouseTypeKind.ARRAY, Collections.singletonList(element), null);
    }

    public static ClickHouseType map(ClickHouseType key, ClickHouseType value) {
        List<ClickHouseType> kv = new ArrayList<>(2);
        kv.add(key);
        kv.add(value);
        return wrapper(ClickHouseTypeKind.MAP, kv, null);
    }

    /** An unnamed {@code Tuple(T1, T2, …)}. */
    public static ClickHouseType tuple(List<ClickHouseType> elements) {
        return wrapper(ClickHouseTypeKind.TUPLE, new ArrayList<>(elements), null);
    }

    /** A named {@code Tuple(a T1, b T2, …)}; names must be distinct and non-empty. */
    public static ClickHouseType namedTuple(List<String> names, List<ClickHouseType> elements) {
        checkNames("Tuple", names, elements);
        return wrapper(ClickHouseTypeKind.TUPLE, new ArrayList<>(elements), new ArrayList<>(names));
    }

    /** {@code Nested(a T1, b T2, …)}, encoded like {@code Array(Tuple(a T1, b T2, …))}. */
    public static ClickHouseType nested(List<String> names, List<ClickHouseType> elements) {
        if (elements.isEmpty()) {
            throw new IllegalArgumentException("Nested needs at least one element");
        }
        checkNames("Nested", names, elements);
        return wrapper(ClickHouseTypeKind.NESTED, new ArrayList<>(elements), new ArrayList<>(names));
    }

    private static void checkNames(String what, List<String> names, List<ClickHouseType> elements) {
        if (names.size() != elements.size()) {
            throw new IllegalArgumentException(what + " has " + names.size() + " names for " + elements.size()
                    + " elements");
        }
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException(what + " element names must not be empty");
            }
            if (!seen.add(n)) {
                throw new IllegalArgumentException(what + " element name '" + n + "' is used twice");
            }
        }
    }

    // ---------------------------------------------------------------- accessors

    public ClickHouseTypeKind kind() {
        return kind;
    }

    /** True if the column can hold NULL: Nullable(T) or LowCardinality(Nullable(T)). */
    public boolean isNullable() {
        return kind == ClickHouseTypeKind.NULLABLE
                || (kind == ClickHouseTypeKind.LOW_CARDINALITY && children.get(0).kind == ClickHouseTypeKind.NULLABLE);
    }

    /** T for Nullable(T), this type otherwise. */
    public ClickHouseType unwrapNullable() {
        return kind == ClickHouseTypeKind.NULLABLE ? children.get(0) : this;
    }

    /** T for LowCardinality(T), this type otherwise. */
    public ClickHouseType unwrapLowCardinality() {
        return kind == ClickHouseTypeKind.LOW_CARDINALITY ? children.get(0) : this;
    }

    /**
     * The type of the non-null values: strips LowCardinality and Nullable in any nesting, e.g. String for
     * {@code LowCardinality(Nullable(String))}.
     */
    public ClickHouseType valueType() {
        ClickHouseType t = this;
        while (t.kind == ClickHouseTypeKind.NULLABLE || t.kind == ClickHouseTypeKind.LOW_CARDINALITY) {
            t = t.children.get(0);
        }
        return t;
    }

    /** The wrapped type of Nullable(T) or LowCardinality(T). */
    public ClickHouseType wrappedType() {
        require(kind == ClickHouseTypeKind.NULLABLE || kind == ClickHouseTypeKind.LOW_CARDINALITY, "a wrapped type");
        return children.get(0);
    }

    /** Decimal P. */
    public int precision() {
        require(kind == ClickHouseTypeKind.DECIMAL, "a Decimal precision");
        return precision;
    }

    /** Decimal S. */
    public int scale() {
        require(kind == ClickHouseTypeKind.DECIMAL, "a Decimal scale");
        return scale;
    }

    /** The p of DateTime64(p): ticks are 10^-p seconds. */
    public int dateTime64Precision() {
        require(kind == ClickHouseTypeKind.DATETIME64, "a DateTime64 precision");
        return precision;
    }

    /** FixedString N. */
    public int length() {
        require(kind == ClickHouseTypeKind.FIXED_STRING, "a FixedString length");
        return length;
    }

    /** The explicit zone of DateTime('zone') / DateTime64(p, 'zone'), null when the type has none. */
    public String timeZone() {
        require(kind == ClickHouseTypeKind.DATETIME || kind == ClickHouseTypeKind.DATETIME64, "a time zone");
        return timeZone;
    }

    public EnumValues enumValues() {
        require(kind == ClickHouseTypeKind.ENUM8 || kind == ClickHouseTypeKind.ENUM16, "Enum entries");
        return enumValues;
    }

    /** Element of Array(T); for Nested, the named tuple each array element is. */
    public ClickHouseType elementType() {
        if (kind == ClickHouseTypeKind.NESTED) {
            return namedTuple(elementNames, children);
        }
        require(kind == ClickHouseTypeKind.ARRAY, "an element type");
        return children.get(0);
    }

    public ClickHouseType mapKeyType() {
        require(kind == ClickHouseTypeKind.MAP, "a key type");
        return children.get(0);
    }

    public ClickHouseType mapValueType() {
        require(kind == ClickHouseTypeKind.MAP, "a value type");
        return children.get(1);
    }

    /** Element types of a Tuple or the fields of a Nested. */
    public List<ClickHouseType> tupleElementTypes() {
        require(kind == ClickHouseTypeKind.TUPLE || kind == ClickHouseTypeKind.NESTED, "tuple elements");
        return children;
    }

    /** Element names of a named Tuple or Nested; null for an unnamed Tuple. */
    public List<String> tupleElementNames() {
        require(kind == ClickHouseTypeKind.TUPLE || kind == ClickHouseTypeKind.NESTED, "tuple element names");
        return elementNames;
    }

    /** Directly contained types (empty for scalar kinds): Nullable/LowCardinality/Array → 1, Map → 2, … */
    public List<ClickHouseType> children() {
        return children;
    }

    /**
     * For a Nested column named {@code columnName}: the parallel array columns the server shows with the
     * default {@code flatten_nested = 1}, e.g. {@code n.a Array(UInt8)}, in element order.
     */
    public Map<String, ClickHouseType> flattenedNestedColumns(String columnName) {
        require(kind == ClickHouseTypeKind.NESTED, "Nested fields");
        Map<String, ClickHouseType> m = new LinkedHashMap<>();
        for (int i = 0; i < children.size(); i++) {
            m.put(columnName + "." + elementNames.get(i), array(children.get(i)));
        }
        return m;
    }

    /**
     * Bytes one value takes in RowBinary when that number never varies (Int32 → 4, FixedString(16) → 16,
     * Decimal(20, 2) → 16, a Tuple of fixed-width elements → their sum), otherwise -1 (String, Array, Map,
     * Nullable, Nothing).
     */
    public int fixedByteWidth() {
        switch (kind) {
            case DECIMAL:
                return decimalByteWidth();
            case FIXED_STRING:
                return length;
            case LOW_CARDINALITY:
                return children.get(0).fixedByteWidth();
            case TUPLE:
                int sum = 0;
                for (ClickHouseType c : children) {
                    int w = c.fixedByteWidth();
                    if (w < 0) {
                        return -1;
                    }
                    sum += w;
                }
                return sum;
            default:
                return kind.kindFixedWidth();
        }
    }

    /** Storage width of a Decimal: 4, 8, 16 or 32 bytes (Decimal32/64/128/256) by precision. */
    public int decimalByteWidth() {
        require(kind == ClickHouseTypeKind.DECIMAL, "a Decimal width");
        if (precision <= 9) {
            return 4;
        } else if (precision <= 18) {
            return 8;
        } else if (precision <= 38) {
            return 16;
        }
        return 32;
    }

    int rawPrecision() {
        return precision;
    }

    int rawScale() {
        return scale;
    }

    int rawLength() {
        return length;
    }

    String rawTimeZone() {
        return timeZone;
    }

    EnumValues rawEnumValues() {
        return enumValues;
    }

    List<String> rawElementNames() {
        return elementNames;
    }

    private void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("ClickHouse type " + canonical + " has no " + what);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ClickHouseType)) {
            return false;
        }
        ClickHouseType t = (ClickHouseType) o;
        return kind == t.kind && precision == t.precision && scale == t.scale && length == t.length
                && Objects.equals(timeZone, t.timeZone) && Objects.equals(enumValues, t.enumValues)
                && children.equals(t.children) && Objects.equals(elementNames, t.elementNames);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** The server's canonical spelling, e.g. {@code Nullable(Decimal(18, 4))}, {@code DateTime64(3, 'UTC')}. */
    @Override
    public String toString() {
        return canonical;
    }
}
