package io.chpack.clickhousewriter.sharding;

/**
 * The sharding key uses something chpack cannot evaluate bit-exactly in Java. The writer then refuses cluster
 * mode for the table, or inserts through the Distributed table when the user allowed that fallback.
 */
public class UnsupportedShardingExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnsupportedShardingExpressionException(String message) {
        super(message);
    }

    /** "unsupported sharding expression EXPR: REASON". */
    public static UnsupportedShardingExpressionException of(String expression, String reason) {
        return new UnsupportedShardingExpressionException("unsupported sharding expression " + expression + ": " + reason);
    }
}
