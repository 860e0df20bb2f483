package io.chpack.clickhousewriter.sharding;

/** One argument of a hash call: a column of any supported type, an integer sub-expression, or a string literal. */
abstract class HashArgument {
    abstract HashInput input(ShardingRow row);

    boolean isDeterministic() {
        return true;
    }

    /** True for literals and expressions of literals only: the server sees a constant column. */
    boolean isConstant() {
        return false;
    }

    static HashArgument column(final int index, final HashArgumentEncoder encoder) {
        return new HashArgument() {
            @Override
            HashInput input(ShardingRow row) {
                return encoder.encode(row.value(index));
            }
        };
    }

    static HashArgument integer(final KeyNode node) {
        return new HashArgument() {
            @Override
            HashInput input(ShardingRow row) {
                IntType t = node.type();
                return HashInput.ofNumber(node.eval(row), t.width(), t.isSigned(), false);
            }

            @Override
            boolean isDeterministic() {
                return node.isDeterministic();
            }

            @Override
            boolean isConstant() {
                return node.isConstant();
            }
        };
    }

    static HashArgument bytes(final byte[] literal) {
        final HashInput in = HashInput.ofBytes(literal);
        return new HashArgument() {
            @Override
            HashInput input(ShardingRow row) {
                return in;
            }

            @Override
            boolean isConstant() {
                return true;
            }
        };
    }
}
