package io.chpack.common.convert;

/**
 * Internal signal of a value that cannot be converted, thrown by the per-type writers and readers and
 * turned into a {@link ColumnConversionException} (with column name, type and value) by the column-level
 * encoder/decoder. No stack trace: bad values are data, and a job may reject millions of them.
 */
final class Reject extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Reject(String reason) {
        super(reason, null, false, false);
    }

    Reject(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    /** The same rejection with an element position in front, e.g. {@code element [3]: …}. */
    Reject within(String where) {
        return new Reject(where + ": " + getMessage(), getCause());
    }
}
