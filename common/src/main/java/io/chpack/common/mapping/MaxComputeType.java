package io.chpack.common.mapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An immutable MaxCompute column type, parsed from the type strings the SDK and the REST table schema use
 * ({@code decimal(10,2)}, {@code varchar(20)}, {@code array<map<string,bigint>>},
 * {@code struct<a:int,`b c`:string comment 'x'>}), case-insensitive. {@link #toString()} is the canonical
 * upper-case spelling used in DDL ({@code ARRAY<MAP<STRING,BIGINT>>}, {@code STRUCT<a:INT,`b c`:STRING>}).
 * The SDK is not a dependency of common, hence this small model.
 */
public final class MaxComputeType {
    public static final int MAX_DECIMAL_PRECISION = 38;
    public static final int MAX_DECIMAL_SCALE = 18;
    public static final int MAX_VARCHAR_LENGTH = 65535;
    public static final int MAX_CHAR_LENGTH = 255;
    /** Bare DECIMAL (MaxCompute 1.0): 36 integer digits and 18 fraction digits. */
    public static final int LEGACY_DECIMAL_PRECISION = 54;

    private final MaxComputeTypeKind kind;
    private final int precision;
    private final int scale;
    private final int length;
    private final List<MaxComputeType> children;
    private final List<String> fieldNames;

    private MaxComputeType(MaxComputeTypeKind kind, int precision, int scale, int length,
            List<MaxComputeType> children, List<String> fieldNames) {
        this.kind = kind;
        this.precision = precision;
        this.scale = scale;
        this.length = length;
        this.children = Collections.unmodifiableList(children);
        this.fieldNames = fieldNames == null ? null : Collections.unmodifiableList(fieldNames);
    }

    /** @throws IllegalArgumentException naming the position for malformed text or out-of-range parameters */
    public static MaxComputeType parse(String text) {
        return MaxComputeTypeParser.parse(text);
    }

    /** A type without parameters. */
    public static MaxComputeType of(MaxComputeTypeKind kind) {
        switch (kind) {
            case DECIMAL:
                return legacyDecimal();
            case VARCHAR:
            case CHAR:
            case ARRAY:
            case MAP:
            case STRUCT:
                throw new IllegalArgumentException(kind + " needs parameters");
            default:
                return new MaxComputeType(kind, 0, 0, 0, Collections.<MaxComputeType>emptyList(), null);
        }
    }

    /** DECIMAL(p, s) of MaxCompute 2.0: 1 ≤ p ≤ 38, 0 ≤ s ≤ min(p, 18). */
    public static MaxComputeType decimal(int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new IllegalArgumentException("DECIMAL precision " + precision + " is outside [1, 38]");
        }
        if (scale < 0 || scale > precision || scale > MAX_DECIMAL_SCALE) {
            throw new IllegalArgumentException("DECIMAL scale " + scale + " is outside [0, min(" + precision + ", 18)]");
        }
        return new MaxComputeType(MaxComputeTypeKind.DECIMAL, precision, scale, 0,
                Collections.<MaxComputeType>emptyList(), null);
    }

    /** Bare DECIMAL: the 1.0 decimal, (54, 18). */
    public static MaxComputeType legacyDecimal() {
        return new MaxComputeType(MaxComputeTypeKind.DECIMAL, -1, -1, 0, Collections.<MaxComputeType>emptyList(),
                null);
    }

    public static MaxComputeType varchar(int length) {
        if (length < 1 || length > MAX_VARCHAR_LENGTH) {
            throw new IllegalArgumentException("VARCHAR length " + length + " is outside [1, 65535]");
        }
        return new MaxComputeType(MaxComputeTypeKind.VARCHAR, 0, 0, length, Collections.<MaxComputeType>emptyList(),
                null);
    }

    public static MaxComputeType charType(int length) {
        if (length < 1 || length > MAX_CHAR_LENGTH) {
            throw new IllegalArgumentException("CHAR length " + length + " is outside [1, 255]");
        }
        return new MaxComputeType(MaxComputeTypeKind.CHAR, 0, 0, length, Collections.<MaxComputeType>emptyList(),
                null);
    }

    public static MaxComputeType array(MaxComputeType element) {
        return new MaxComputeType(MaxComputeTypeKind.ARRAY, 0, 0, 0, Collections.singletonList(element), null);
    }

    public static MaxComputeType map(MaxComputeType key, MaxComputeType value) {
        return new MaxComputeType(MaxComputeTypeKind.MAP, 0, 0, 0, Arrays.asList(key, value), null);
    }

    public static MaxComputeType struct(List<String> names, List<MaxComputeType> fields) {
        if (names.size() != fields.size() || names.isEmpty()) {
            throw new IllegalArgumentException("STRUCT needs one name per field and at least one field");
        }
        List<String> seen = new ArrayList<>();
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException("STRUCT field names must not be empty");
            }
            if (seen.contains(n.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("STRUCT field '" + n + "' appears twice");
            }
            seen.add(n.toLowerCase(java.util.Locale.ROOT));
        }
        return new MaxComputeType(MaxComputeTypeKind.STRUCT, 0, 0, 0, new ArrayList<>(fields), new ArrayList<>(names));
    }

    public MaxComputeTypeKind kind() {
        return kind;
    }

    /** DECIMAL precision (54 for the bare 1.0 DECIMAL). */
    public int precision() {
        require(MaxComputeTypeKind.DECIMAL);
        return precision < 0 ? LEGACY_DECIMAL_PRECISION : precision;
    }

    /** DECIMAL scale (18 for the bare 1.0 DECIMAL). */
    public int scale() {
        require(MaxComputeTypeKind.DECIMAL);
        return scale < 0 ? MAX_DECIMAL_SCALE : scale;
    }

    /** True for bare DECIMAL (MaxCompute 1.0). */
    public boolean isLegacyDecimal() {
        return kind == MaxComputeTypeKind.DECIMAL && precision < 0;
    }

    /** VARCHAR/CHAR length in characters. */
    public int length() {
        if (kind != MaxComputeTypeKind.VARCHAR && kind != MaxComputeTypeKind.CHAR) {
            throw new IllegalStateException(this + " has no length");
        }
        return length;
    }

    public MaxComputeType elementType() {
        require(MaxComputeTypeKind.ARRAY);
        return children.get(0);
    }

    public MaxComputeType keyType() {
        require(MaxComputeTypeKind.MAP);
        return children.get(0);
    }

    public MaxComputeType valueType() {
        require(MaxComputeTypeKind.MAP);
        return children.get(1);
    }

    public List<String> fieldNames() {
        require(MaxComputeTypeKind.STRUCT);
        return fieldNames;
    }

    public List<MaxComputeType> fieldTypes() {
        require(MaxComputeTypeKind.STRUCT);
        return children;
    }

    private void require(MaxComputeTypeKind k) {
        if (kind != k) {
            throw new IllegalStateException("MaxCompute type " + this + " is no " + k);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MaxComputeType)) {
            return false;
        }
        MaxComputeType t = (MaxComputeType) o;
        return kind == t.kind && precision == t.precision && scale == t.scale && length == t.length
                && children.equals(t.children) && lowerNames().equals(t.lowerNames());
    }

    private List<String> lowerNames() {
        List<String> l = new ArrayList<>();
        if (fieldNames != null) {
            for (String n : fieldNames) {
                l.add(n.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return l;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, precision, scale, length, children, lowerNames());
    }

    /** Canonical DDL spelling: {@code DECIMAL(10,2)}, {@code ARRAY<MAP<STRING,BIGINT>>}, {@code STRUCT<a:INT>}. */
    @Override
    public String toString() {
        switch (kind) {
            case DECIMAL:
                return precision < 0 ? "DECIMAL" : "DECIMAL(" + precision + "," + scale + ")";
            case VARCHAR:
            case CHAR:
                return kind + "(" + length + ")";
            case ARRAY:
                return "ARRAY<" + children.get(0) + ">";
            case MAP:
                return "MAP<" + children.get(0) + "," + children.get(1) + ">";
            case STRUCT: {
                StringBuilder sb = new StringBuilder("STRUCT<");
                for (int i = 0; i < children.size(); i++) {
                    String n = fieldNames.get(i);
                    sb.append(i > 0 ? "," : "")
                            .append(n.matches("[A-Za-z_][A-Za-z0-9_]*") ? n : "`" + n.replace("`", "``") + "`")
                            .append(':').append(children.get(i));
                }
                return sb.append('>').toString();
            }
            default:
                return kind.name();
        }
    }
}
