package io.chpack.common.mapping;

import io.chpack.common.chtype.ClickHouseType;


/**
 * Whether values of one system's column type can be written into an existing column of the other system, for
 * validating a job before it moves any data (odpswriter-ext into an existing MaxCompute table, a MaxCompute →
 * ClickHouse load into an existing ClickHouse table).
 */
public final class TypeCompatibility {
    /** How a write from the source type into the target type behaves. */
    public enum Level {
        /** Every source value has an equal target value. */
        EXACT,
        /** Some source values do not fit (range, length, precision, NULL); the writer checks each value and makes
         *  the misfits dirty records naming the reason. Never a silent change. */
        CHECKED,
        /** No value (or no meaningful value) converts: refuse the job at start. */
        INCOMPATIBLE
    }

    private final Level level;
    private final String reason;

    private TypeCompatibility(Level level, String reason) {
        this.level = level;
        this.reason = reason;
    }

    public Level level() {
        return level;
    }

    /** Why it is not EXACT (empty for EXACT). */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return level + (reason.isEmpty() ? "" : ": " + reason);
    }

    /** ClickHouse column type (Nullable allowed) → existing MaxCompute column type. */
    public static TypeCompatibility clickHouseToMaxCompute(ClickHouseType source, MaxComputeType target) {
        return check(ValueDomain.of(source), ValueDomain.of(target));
    }

    /** MaxCompute column type → existing ClickHouse column type (NULLs need a Nullable target). */
    public static TypeCompatibility maxComputeToClickHouse(MaxComputeType source, ClickHouseType target) {
        return check(ValueDomain.of(source), ValueDomain.of(target));
    }

    private static final TypeCompatibility EXACT = new TypeCompatibility(Level.EXACT, "");

    private static TypeCompatibility checked(ValueDomain s, ValueDomain d, String why) {
        return new TypeCompatibility(Level.CHECKED, s.label + " → " + d.label + ": " + why);
    }

    private static TypeCompatibility incompatible(ValueDomain s, ValueDomain d) {
        return new TypeCompatibility(Level.INCOMPATIBLE, s.label + " → " + d.label + ": no conversion");
    }

    private static TypeCompatibility worst(TypeCompatibility a, TypeCompatibility b) {
        return b.level.ordinal() > a.level.ordinal() ? b : a;
    }

    static TypeCompatibility check(ValueDomain s, ValueDomain d) {
        TypeCompatibility r = checkValues(s, d);
        if (s.nullable && !d.nullable && r.level == Level.EXACT) {
            return checked(s, d, "NULL values need a Nullable target (the writer's null policy applies)");
        }
        return r;
    }

    private static TypeCompatibility checkValues(ValueDomain s, ValueDomain d) {
        if (s.kind == ValueDomain.Kind.NONE || d.kind == ValueDomain.Kind.NONE) {
            return incompatible(s, d);
        }
        switch (d.kind) {
            case TEXT:
                return toText(s, d);
            case INTEGER:
                switch (s.kind) {
                    case INTEGER:
                        return s.min.compareTo(d.min) >= 0 && s.max.compareTo(d.max) <= 0 ? EXACT
                                : checked(s, d, "values outside [" + d.min + ", " + d.max + "] are rejected");
                    case BOOL:
                        return EXACT;
                    case DECIMAL:
                    case FLOAT:
                    case TEXT:
                        return checked(s, d, "only integral values in range convert");
                    default:
                        return incompatible(s, d);
                }
            case DECIMAL:
                switch (s.kind) {
                    case INTEGER: {
                        int digits = s.max.max(s.min.negate()).toString().length();
                        return digits <= d.p - d.s ? EXACT
                                : checked(s, d, "values with more than " + (d.p - d.s) + " integer digits are rejected");
                    }
                    case DECIMAL:
                        return s.p - s.s <= d.p - d.s && s.s <= d.s ? EXACT
                                : checked(s, d, "values with more integer or fraction digits than the target are rejected");
                    case FLOAT:
                    case TEXT:
                        return checked(s, d, "only values that fit the precision and scale convert");
                    default:
                        return incompatible(s, d);
                }
            case FLOAT:
                switch (s.kind) {
                    case FLOAT:
                        return s.p <= d.p ? EXACT : checked(s, d, "values a 32-bit float cannot hold exactly are rejected");
                    case INTEGER: {
                        int mantissa = d.p == 32 ? 24 : 53;
                        return s.max.bitLength() <= mantissa && s.min.negate().bitLength() <= mantissa ? EXACT
                                : checked(s, d, "integers beyond 2^" + mantissa + " are rejected unless exact");
                    }
                    case DECIMAL:
                    case TEXT:
                        return checked(s, d, "values that do not round-trip through a binary float are rejected");
                    default:
                        return incompatible(s, d);
                }
            case BOOL:
                switch (s.kind) {
                    case BOOL:
                        return EXACT;
                    case INTEGER:
                    case TEXT:
                        return checked(s, d, "only 0/1 (true/false) convert");
                    default:
                        return incompatible(s, d);
                }
            case BYTES:
                if (s.kind != ValueDomain.Kind.BYTES && s.kind != ValueDomain.Kind.TEXT) {
                    return incompatible(s, d);
                }
                if (d.p < 0 || (s.kind == ValueDomain.Kind.BYTES && s.p == d.p)) {
                    return EXACT;
                }
                return checked(s, d, "values whose byte length differs from " + d.p + " are rejected");
            case DATE:
                switch (s.kind) {
                    case DATE:
                        return s.minDay >= d.minDay && s.maxDay <= d.maxDay ? EXACT
                                : checked(s, d, "dates outside the target's range are rejected");
                    case TEXT:
                        return checked(s, d, "only valid dates in range convert");
                    default:
                        return incompatible(s, d);
                }
            case DATETIME:
                switch (s.kind) {
                    case DATE:
                    case DATETIME: {
                        if (s.minDay < d.minDay || s.maxDay > d.maxDay) {
                            return checked(s, d, "date-times outside the target's range are rejected");
                        }
                        return s.p <= d.p ? EXACT
                                : checked(s, d, "values with more than " + d.p + " fraction digits are rejected");
                    }
                    case TEXT:
                        return checked(s, d, "only valid date-times in range convert");
                    default:
                        return incompatible(s, d);
                }
            case ARRAY:
                return s.kind == ValueDomain.Kind.ARRAY ? inside(s, d, check(s.children.get(0), d.children.get(0)))
                        : incompatible(s, d);
            case MAP:
                return s.kind == ValueDomain.Kind.MAP ? inside(s, d, worst(check(s.children.get(0), d.children.get(0)),
                        check(s.children.get(1), d.children.get(1)))) : incompatible(s, d);
            case STRUCT: {
                if (s.kind != ValueDomain.Kind.STRUCT || s.children.size() != d.children.size()) {
                    return incompatible(s, d);
                }
                TypeCompatibility r = EXACT;
                for (int i = 0; i < s.children.size(); i++) {
                    r = worst(r, check(s.children.get(i), d.children.get(i)));
                }
                return inside(s, d, r);
            }
            default:
                return incompatible(s, d);
        }
    }

    /** Puts the outer types in front of an element's reason. */
    private static TypeCompatibility inside(ValueDomain s, ValueDomain d, TypeCompatibility element) {
        return element.level == Level.EXACT ? element
                : new TypeCompatibility(element.level, s.label + " → " + d.label + ", element " + element.reason);
    }

    /** Every value has a text form (JSON for complex values); bounded, formatted or non-binary text is checked. */
    private static TypeCompatibility toText(ValueDomain s, ValueDomain d) {
        if (d.formatted && !(s.kind == ValueDomain.Kind.TEXT && s.formatted && s.label.equals(d.label))) {
            return checked(s, d, "only values in the target's format convert");
        }
        if (d.p >= 0 && !(s.kind == ValueDomain.Kind.TEXT && s.p >= 0 && s.p <= d.p)) {
            return checked(s, d, "values longer than " + d.p + " characters are rejected");
        }
        if (!d.binarySafe && ((s.kind == ValueDomain.Kind.TEXT && s.binarySafe) || s.kind == ValueDomain.Kind.BYTES)) {
            return checked(s, d, "byte strings that are not valid UTF-8 are rejected");
        }
        return EXACT;
    }

}
