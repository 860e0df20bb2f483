package io.chpack.clickhousewriter.sharding;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

/**
 * A sharding key expression bound to the table's columns and evaluable in Java, bit-exactly as the server
 * evaluates it. Supported (anything else is an {@link UnsupportedShardingExpressionException}):
 * <ul>
 * <li>an integer column (Int8…Int64, UInt8…UInt64) or an integer literal;</li>
 * <li>{@code cityHash64, sipHash64, xxHash64, xxHash32, murmurHash2_32, murmurHash2_64, murmurHash3_32,
 * murmurHash3_64} over one or more arguments (columns of integer, String, FixedString, Date, DateTime, Enum,
 * Bool, Float, UUID type; string or integer literals; integer sub-expressions), {@code javaHash} over one;</li>
 * <li>{@code intHash64(x)}, {@code intHash32(x)}, {@code toUInt8…toUInt64(x)}, {@code toInt8…toInt64(x)},
 * {@code abs(x)} over integers (and Date/DateTime columns as days/seconds for the conversions and intHash);</li>
 * <li>{@code a % b} / {@code modulo(a, b)};</li>
 * <li>{@code rand()} and {@code rand64()} (random shard; not checkable against the server).</li>
 * </ul>
 */
public final class ShardingKey {
    private final String expression;
    private final KeyNode root;
    private final List<ShardingColumn> columns;
    private final List<Integer> referenced;

    private ShardingKey(String expression, KeyNode root, List<ShardingColumn> columns, List<Integer> referenced) {
        this.expression = expression;
        this.root = root;
        this.columns = columns;
        this.referenced = referenced;
    }

    /**
     * @param expression the sharding key as the server prints it (see {@link DistributedEngine#shardingKey()})
     * @param columns    the columns rows will carry, in {@link ShardingRow} order (at least those the key uses)
     * @param dialect    the server generation ({@link ServerDialect#forVersion})
     * @throws UnsupportedShardingExpressionException when the key cannot be evaluated exactly
     */
    public static ShardingKey compile(String expression, List<ShardingColumn> columns, ServerDialect dialect) {
        ExpressionAst ast = ShardingExpressionParser.parse(expression);
        Binder b = new Binder(expression, columns, dialect);
        KeyNode root = b.integer(ast);
        return new ShardingKey(expression, root, Collections.unmodifiableList(new ArrayList<>(columns)),
                Collections.unmodifiableList(new ArrayList<>(b.referenced)));
    }

    public String expression() {
        return expression;
    }

    /** The key's ClickHouse type; shard selection widens it by this type (see {@link ShardSelector}). */
    public IntType type() {
        return root.type();
    }

    /** The key's value for a row, as normalized bits of {@link #type()}. */
    public long evaluate(ShardingRow row) {
        return root.eval(row);
    }

    /** False for {@code rand()}-based keys. */
    public boolean isDeterministic() {
        return root.isDeterministic();
    }

    public List<ShardingColumn> columns() {
        return columns;
    }

    /** Indexes (into {@link #columns()}) of the columns the key reads, ascending. */
    public List<Integer> referencedColumns() {
        return referenced;
    }

    @Override
    public String toString() {
        return expression + " :: " + type().typeName();
    }

    /** Resolves names and types, building the {@link KeyNode} tree. */
    private static final class Binder {
        private final String expression;
        private final List<ShardingColumn> columns;
        private final ServerDialect dialect;
        private final TreeSet<Integer> referenced = new TreeSet<>();

        Binder(String expression, List<ShardingColumn> columns, ServerDialect dialect) {
            this.expression = expression;
            this.columns = columns;
            this.dialect = dialect;
        }

        /** A node in integer context. */
        KeyNode integer(ExpressionAst ast) {
            switch (ast.kind) {
                case IDENTIFIER: {
                    int i = column(ast.name);
                    ClickHouseType type = valueType(i);
                    IntType t = IntType.of(type.kind());
                    if (t == null) {
                        throw unsupported("column " + ast.name + " of type " + columns.get(i).type()
                                + " is not an integer (the server needs an integer key)");
                    }
                    return new KeyNode.Column(i, t);
                }
                case NUMBER:
                    return new KeyNode.Literal(ast.number, ast.negative ? signedLiteralType(ast.number)
                            : IntType.ofLiteral(ast.number));
                case STRING:
                    throw unsupported("a string literal is not an integer");
                default:
                    return call(ast);
            }
        }

        private KeyNode call(ExpressionAst ast) {
            String f = ast.name;
            HashFunction hash = HashFunction.bySqlName(f);
            if (hash != null) {
                return hashCall(hash, ast);
            }
            switch (f) {
                case "intHash64":
                case "intHash32":
                    return new KeyNode.IntHash("intHash64".equals(f), numeric(single(ast)));
                case "abs":
                    return new KeyNode.Abs(integer(single(ast)));
                case "modulo": {
                    if (ast.args.size() != 2) {
                        throw unsupported("modulo takes 2 arguments");
                    }
                    KeyNode a = integer(ast.args.get(0));
                    KeyNode b = integer(ast.args.get(1));
                    if (b instanceof KeyNode.Literal && b.eval(null) == 0) {
                        throw unsupported("division by zero");
                    }
                    return new KeyNode.Modulo(a, b, dialect.moduloType(a.type(), b.type()));
                }
                case "rand":
                case "rand64":
                    if (ast.args.size() > 1) {
                        throw unsupported(f + " takes at most one (ignored) argument");
                    }
                    return new KeyNode.Rand("rand".equals(f) ? IntType.UINT32 : IntType.UINT64);
                default:
                    IntType target = conversionTarget(f);
                    if (target != null) {
                        return new KeyNode.Convert(target, numeric(single(ast)));
                    }
                    throw unsupported("function " + f + " is not supported");
            }
        }

        private KeyNode hashCall(HashFunction hash, ExpressionAst ast) {
            if (ast.args.isEmpty()) {
                throw unsupported(hash.sqlName() + " without arguments is not supported");
            }
            if (!hash.acceptsSeveralArguments() && ast.args.size() != 1) {
                throw unsupported(hash.sqlName() + " takes exactly one argument (the server cannot combine it)");
            }
            HashArgument[] args = new HashArgument[ast.args.size()];
            for (int k = 0; k < args.length; k++) {
                args[k] = hashArgument(hash, ast.args.get(k));
            }
            return new KeyNode.Hash(hash, args, dialect);
        }

        private HashArgument hashArgument(HashFunction hash, ExpressionAst arg) {
            if (arg.kind == ExpressionAst.Kind.STRING) {
                return HashArgument.bytes(arg.bytes);
            }
            if (arg.kind == ExpressionAst.Kind.IDENTIFIER) {
                int i = column(arg.name);
                ClickHouseType type = valueType(i);
                if (dialect == ServerDialect.LEGACY && type.kind() == ClickHouseTypeKind.UUID) {
                    throw unsupported("ClickHouse before 21.x cannot hash UUID columns (18.16: \"Unexpected type UUID\")");
                }
                HashArgumentEncoder encoder;
                try {
                    encoder = HashArgumentEncoder.forType(columns.get(i).type());
                } catch (UnsupportedShardingExpressionException e) {
                    throw unsupported(e.getMessage());
                }
                if (hash == HashFunction.JAVA_HASH) {
                    checkJavaHashArgument(type);
                }
                return HashArgument.column(i, encoder);
            }
            KeyNode n = integer(arg);
            if (hash == HashFunction.JAVA_HASH && !n.type().isSigned()) {
                throw unsupported("javaHash does not accept unsigned " + n.type().typeName() + " (the server refuses it)");
            }
            return HashArgument.integer(n);
        }

        private void checkJavaHashArgument(ClickHouseType type) {
            ClickHouseTypeKind k = type.kind();
            IntType t = IntType.of(k);
            boolean unsigned = (t != null && !t.isSigned()) || k == ClickHouseTypeKind.DATE
                    || k == ClickHouseTypeKind.DATETIME || k == ClickHouseTypeKind.BOOL;
            if (unsigned) {
                throw unsupported("javaHash does not accept unsigned " + type + " (the server refuses it)");
            }
        }

        /** Integer context that also takes Date/DateTime columns as their day/second numbers. */
        private KeyNode numeric(ExpressionAst ast) {
            if (ast.kind == ExpressionAst.Kind.IDENTIFIER) {
                int i = column(ast.name);
                ClickHouseType type = valueType(i);
                if (type.kind() == ClickHouseTypeKind.DATE || type.kind() == ClickHouseTypeKind.DATETIME) {
                    HashArgumentEncoder e = HashArgumentEncoder.forType(type);
                    return new KeyNode.NumericColumn(i, e, e.numericType());
                }
            }
            return integer(ast);
        }

        private ExpressionAst single(ExpressionAst call) {
            if (call.args.size() != 1) {
                throw unsupported(call.name + " takes exactly one argument");
            }
            return call.args.get(0);
        }

        private int column(String name) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(name)) {
                    referenced.add(i);
                    ClickHouseType t = columns.get(i).type();
                    if (t.kind() == ClickHouseTypeKind.NULLABLE
                            || (t.kind() == ClickHouseTypeKind.LOW_CARDINALITY && t.wrappedType().isNullable())) {
                        throw unsupported("column " + name + " is " + t + "; Nullable sharding keys are not supported");
                    }
                    return i;
                }
            }
            throw unsupported("unknown column " + name);
        }

        private ClickHouseType valueType(int i) {
            ClickHouseType t = columns.get(i).type();
            return t.kind() == ClickHouseTypeKind.LOW_CARDINALITY ? t.wrappedType() : t;
        }

        private static IntType conversionTarget(String f) {
            switch (f) {
                case "toUInt8":
                    return IntType.UINT8;
                case "toUInt16":
                    return IntType.UINT16;
                case "toUInt32":
                    return IntType.UINT32;
                case "toUInt64":
                    return IntType.UINT64;
                case "toInt8":
                    return IntType.INT8;
                case "toInt16":
                    return IntType.INT16;
                case "toInt32":
                    return IntType.INT32;
                case "toInt64":
                    return IntType.INT64;
                default:
                    return null;
            }
        }

        /** A negative literal gets the narrowest signed type holding it ({@code toTypeName(-1) = Int8}). */
        private static IntType signedLiteralType(long v) {
            if (v >= Byte.MIN_VALUE) {
                return IntType.INT8;
            } else if (v >= Short.MIN_VALUE) {
                return IntType.INT16;
            } else if (v >= Integer.MIN_VALUE) {
                return IntType.INT32;
            }
            return IntType.INT64;
        }

        private UnsupportedShardingExpressionException unsupported(String reason) {
            return UnsupportedShardingExpressionException.of(expression, reason);
        }
    }
}
