package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The set of values a ClickHouse or MaxCompute type can hold, in one vocabulary, so that
 * {@link TypeCompatibility} compares the two systems' types with one set of rules.
 */
final class ValueDomain {
    enum Kind {
        INTEGER, DECIMAL, FLOAT, BOOL, TEXT, BYTES, DATE, DATETIME, ARRAY, MAP, STRUCT, NONE
    }

    private static final long CH_DATE_MAX = LocalDate.of(2149, 6, 6).toEpochDay();
    private static final long EXT_MIN = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final long EXT_MAX = LocalDate.of(2299, 12, 31).toEpochDay();
    private static final long DT_MAX = LocalDate.of(2106, 2, 7).toEpochDay();
    private static final long MC_MIN = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long MC_MAX = LocalDate.of(9999, 12, 31).toEpochDay();

    final Kind kind;
    final String label;
    /** INTEGER range. */
    BigInteger min;
    BigInteger max;
    /** DECIMAL precision/scale, FLOAT bits, DATETIME fraction digits, TEXT/BYTES length (-1 unbounded). */
    int p;
    int s;
    /** TEXT that only takes a particular spelling (UUID, IP, Enum label, JSON). */
    boolean formatted;
    /** TEXT that takes any bytes (ClickHouse String). */
    boolean binarySafe;
    /** DATE/DATETIME epoch-day range. */
    long minDay;
    long maxDay;
    boolean nullable;
    List<ValueDomain> children = Collections.emptyList();

    private ValueDomain(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    private static ValueDomain integer(String label, BigInteger min, BigInteger max) {
        ValueDomain d = new ValueDomain(Kind.INTEGER, label);
        d.min = min;
        d.max = max;
        return d;
    }

    private static ValueDomain signed(String label, int bits) {
        return integer(label, BigInteger.ONE.shiftLeft(bits - 1).negate(), BigInteger.ONE.shiftLeft(bits - 1)
                .subtract(BigInteger.ONE));
    }

    private static ValueDomain unsigned(String label, int bits) {
        return integer(label, BigInteger.ZERO, BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    private static ValueDomain of(Kind k, String label, int p, int s) {
        ValueDomain d = new ValueDomain(k, label);
        d.p = p;
        d.s = s;
        return d;
    }

    private static ValueDomain text(String label, int length, boolean formatted, boolean binarySafe) {
        ValueDomain d = of(Kind.TEXT, label, length, 0);
        d.formatted = formatted;
        d.binarySafe = binarySafe;
        return d;
    }

    private static ValueDomain temporal(Kind k, String label, int digits, long minDay, long maxDay) {
        ValueDomain d = of(k, label, digits, 0);
        d.minDay = minDay;
        d.maxDay = maxDay;
        return d;
    }

    private static ValueDomain complex(Kind k, String label, List<ValueDomain> children) {
        ValueDomain d = new ValueDomain(k, label);
        d.children = children;
        return d;
    }

    static ValueDomain of(ClickHouseType t) {
        boolean nullable = t.isNullable();
        ValueDomain d = ofValue(t.valueType());
        d.nullable = nullable;
        return d;
    }

    private static ValueDomain ofValue(ClickHouseType t) {
        String l = t.toString();
        switch (t.kind()) {
            case INT8: return signed(l, 8);
            case INT16: return signed(l, 16);
            case INT32: return signed(l, 32);
            case INT64: return signed(l, 64);
            case INT128: return signed(l, 128);
            case INT256: return signed(l, 256);
            case UINT8: return unsigned(l, 8);
            case UINT16: return unsigned(l, 16);
            case UINT32: return unsigned(l, 32);
            case UINT64: return unsigned(l, 64);
            case UINT128: return unsigned(l, 128);
            case UINT256: return unsigned(l, 256);
            case FLOAT32:
            case BFLOAT16:
                return of(Kind.FLOAT, l, 32, 0);
            case FLOAT64: return of(Kind.FLOAT, l, 64, 0);
            case DECIMAL: return of(Kind.DECIMAL, l, t.precision(), t.scale());
            case BOOL: return new ValueDomain(Kind.BOOL, l);
            case STRING: return text(l, -1, false, true);
            case FIXED_STRING: return of(Kind.BYTES, l, t.length(), 0);
            case UUID:
            case IPV4:
            case IPV6:
            case ENUM8:
            case ENUM16:
                return text(l, -1, true, false);
            case DATE: return temporal(Kind.DATE, l, 0, 0, CH_DATE_MAX);
            case DATE32: return temporal(Kind.DATE, l, 0, EXT_MIN, EXT_MAX);
            case DATETIME: return temporal(Kind.DATETIME, l, 0, 0, DT_MAX);
            case DATETIME64: return temporal(Kind.DATETIME, l, t.dateTime64Precision(), EXT_MIN, EXT_MAX);
            case ARRAY:
            case NESTED:
                return complex(Kind.ARRAY, l, Collections.singletonList(of(t.elementType())));
            case MAP: {
                List<ValueDomain> kv = new ArrayList<>();
                kv.add(of(t.mapKeyType()));
                kv.add(of(t.mapValueType()));
                return complex(Kind.MAP, l, kv);
            }
            case TUPLE: {
                List<ValueDomain> fields = new ArrayList<>();
                for (ClickHouseType e : t.tupleElementTypes()) {
                    fields.add(of(e));
                }
                return complex(Kind.STRUCT, l, fields);
            }
            default:
                return new ValueDomain(Kind.NONE, l);
        }
    }

    /** A MaxCompute type; its values (and elements) may be NULL. */
    static ValueDomain of(MaxComputeType t) {
        ValueDomain d = ofValue(t);
        d.nullable = true;
        return d;
    }

    private static ValueDomain ofValue(MaxComputeType t) {
        String l = t.toString();
        switch (t.kind()) {
            case TINYINT: return signed(l, 8);
            case SMALLINT: return signed(l, 16);
            case INT: return signed(l, 32);
            case BIGINT:
                // MaxCompute 2.0 BIGINT excludes -2^63.
                return integer(l, BigInteger.ONE.shiftLeft(63).negate().add(BigInteger.ONE),
                        BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE));
            case FLOAT: return of(Kind.FLOAT, l, 32, 0);
            case DOUBLE: return of(Kind.FLOAT, l, 64, 0);
            case DECIMAL: return of(Kind.DECIMAL, l, t.precision(), t.scale());
            case BOOLEAN: return new ValueDomain(Kind.BOOL, l);
            case STRING: return text(l, -1, false, true); // the tunnel takes any bytes for STRING
            case VARCHAR:
            case CHAR:
                return text(l, t.length(), false, false);
            case JSON: return text(l, -1, true, false);
            case BINARY: return of(Kind.BYTES, l, -1, 0);
            case DATE: return temporal(Kind.DATE, l, 0, MC_MIN, MC_MAX);
            case DATETIME: return temporal(Kind.DATETIME, l, 3, MC_MIN, MC_MAX);
            case TIMESTAMP:
            case TIMESTAMP_NTZ:
                return temporal(Kind.DATETIME, l, 9, MC_MIN, MC_MAX);
            case ARRAY: return complex(Kind.ARRAY, l, Collections.singletonList(of(t.elementType())));
            case MAP: {
                List<ValueDomain> kv = new ArrayList<>();
                kv.add(of(t.keyType()));
                kv.add(of(t.valueType()));
                return complex(Kind.MAP, l, kv);
            }
            case STRUCT: {
                List<ValueDomain> fields = new ArrayList<>();
                for (MaxComputeType f : t.fieldTypes()) {
                    fields.add(of(f));
                }
                return complex(Kind.STRUCT, l, fields);
            }
            default:
                return new ValueDomain(Kind.NONE, l);
        }
    }
}
