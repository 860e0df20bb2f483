package io.chpack.clickhousewriter.sharding;

import java.util.concurrent.ThreadLocalRandom;

/**
 * A bound, typed node of a sharding key. {@link #eval} returns the value as normalized bits of {@link #type()}
 * (see {@link IntType}). The implementations are the few functions ClickHouse sharding keys commonly use.
 */
abstract class KeyNode {
    abstract IntType type();

    abstract long eval(ShardingRow row);

    /** False when the value is random ({@code rand()}), so it cannot be checked against the server. */
    boolean isDeterministic() {
        return true;
    }

    /** True when the node depends on literals only, so the server evaluates it to a constant column. */
    boolean isConstant() {
        return false;
    }

    /** An integer column used as a number. */
    static final class Column extends KeyNode {
        private final int index;
        private final IntType type;

        Column(int index, IntType type) {
            this.index = index;
            this.type = type;
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            return HashArgumentEncoder.integerBits(row.value(index), type);
        }
    }

    /** A Date or DateTime column used as a number (days / seconds), only under conversions and intHash. */
    static final class NumericColumn extends KeyNode {
        private final int index;
        private final HashArgumentEncoder encoder;
        private final IntType type;

        NumericColumn(int index, HashArgumentEncoder encoder, IntType type) {
            this.index = index;
            this.encoder = encoder;
            this.type = type;
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            return encoder.encode(row.value(index)).bits;
        }
    }

    static final class Literal extends KeyNode {
        private final long value;
        private final IntType type;

        Literal(long value, IntType type) {
            this.value = value;
            this.type = type;
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            return value;
        }

        @Override
        boolean isConstant() {
            return true;
        }
    }

    /**
     * {@code cityHash64(a, b, …)} and friends. On {@link ServerDialect#LEGACY} servers a constant argument next to
     * non-constant ones takes 18.16's constant-column path, which differs from the column path: a number is
     * hashed as {@code intHash64}/{@code intHash32} of its zero-extended value whatever the function
     * ({@code sipHash64(x, 7)} = combine(sipHash64(x), intHash64(7)) there), and a string ends at its first NUL
     * ({@code cityHash64(x, 'a\0b') = cityHash64(x, 'a')}). Both checked on 18.16.1; 26.7 hashes constants like
     * columns.
     */
    static final class Hash extends KeyNode {
        private final HashFunction function;
        private final HashArgument[] args;
        private final boolean legacyConstants;

        Hash(HashFunction function, HashArgument[] args, ServerDialect dialect) {
            this.function = function;
            this.args = args;
            boolean anyColumn = false;
            for (HashArgument a : args) {
                anyColumn |= !a.isConstant();
            }
            this.legacyConstants = dialect == ServerDialect.LEGACY && anyColumn;
        }

        @Override
        IntType type() {
            return function.resultType();
        }

        @Override
        long eval(ShardingRow row) {
            long h = 0;
            for (int i = 0; i < args.length; i++) {
                HashInput in = args[i].input(row);
                long next = legacyConstants && args[i].isConstant() ? function.hashLegacyConstant(in) : function.hashOne(in);
                h = i == 0 ? next : function.combine(h, next);
            }
            return function.resultType().normalize(h);
        }

        @Override
        boolean isDeterministic() {
            for (HashArgument a : args) {
                if (!a.isDeterministic()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean isConstant() {
            for (HashArgument a : args) {
                if (!a.isConstant()) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * {@code intHash64(x)} / {@code intHash32(x)}: the argument is converted to UInt64 the C++ way (signed values
     * sign-extend), unlike cityHash64's bit_cast.
     */
    static final class IntHash extends KeyNode {
        private final boolean wide;
        private final KeyNode arg;

        IntHash(boolean wide, KeyNode arg) {
            this.wide = wide;
            this.arg = arg;
        }

        @Override
        IntType type() {
            return wide ? IntType.UINT64 : IntType.UINT32;
        }

        @Override
        long eval(ShardingRow row) {
            long x = arg.eval(row);
            return wide ? IntHashes.intHash64(x) : IntHashes.intHash32(x);
        }

        @Override
        boolean isDeterministic() {
            return arg.isDeterministic();
        }

        @Override
        boolean isConstant() {
            return arg.isConstant();
        }
    }

    /** {@code toUInt64(x)}, {@code toInt32(x)}, …: C++ conversion (truncation, two's complement wrap). */
    static final class Convert extends KeyNode {
        private final IntType type;
        private final KeyNode arg;

        Convert(IntType type, KeyNode arg) {
            this.type = type;
            this.arg = arg;
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            return type.normalize(arg.eval(row));
        }

        @Override
        boolean isDeterministic() {
            return arg.isDeterministic();
        }

        @Override
        boolean isConstant() {
            return arg.isConstant();
        }
    }

    /** {@code abs(x)}: the unsigned type of the same width for signed x ({@code abs(toInt8(-128)) = 128 :: UInt8}). */
    static final class Abs extends KeyNode {
        private final KeyNode arg;
        private final IntType type;

        Abs(KeyNode arg) {
            this.arg = arg;
            this.type = IntType.of(false, arg.type().width());
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            long x = arg.eval(row);
            return type.normalize(arg.type().isSigned() && x < 0 ? -x : x);
        }

        @Override
        boolean isDeterministic() {
            return arg.isDeterministic();
        }

        @Override
        boolean isConstant() {
            return arg.isConstant();
        }
    }

    /** {@code a % b}, typed by the server generation ({@link ServerDialect#moduloType}). */
    static final class Modulo extends KeyNode {
        private final KeyNode a;
        private final KeyNode b;
        private final IntType type;

        Modulo(KeyNode a, KeyNode b, IntType type) {
            this.a = a;
            this.b = b;
            this.type = type;
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            return IntArithmetic.modulo(a.eval(row), a.type(), b.eval(row), b.type(), type);
        }

        @Override
        boolean isDeterministic() {
            return a.isDeterministic() && b.isDeterministic();
        }

        @Override
        boolean isConstant() {
            return a.isConstant() && b.isConstant();
        }
    }

    /** {@code rand()} (UInt32) or {@code rand64()} (UInt64): a uniformly random key, hence a random shard. */
    static final class Rand extends KeyNode {
        private final IntType type;

        Rand(IntType type) {
            this.type = type;
        }

        @Override
        IntType type() {
            return type;
        }

        @Override
        long eval(ShardingRow row) {
            return type.normalize(ThreadLocalRandom.current().nextLong());
        }

        @Override
        boolean isDeterministic() {
            return false;
        }
    }
}
