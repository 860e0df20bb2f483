package io.chpack.common.rowbinary;

/**
 * A value that cannot be encoded as the target ClickHouse type: out of range, wrong Java class, too long
 * for a FixedString, not an Enum entry, more fraction digits than the Decimal scale, … Unchecked, because
 * it is a data problem the caller turns into a dirty record, not an I/O failure. Nothing was written for
 * the failing value, but earlier values of the same row may have been: discard the row's bytes.
 */
public class RowBinaryValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RowBinaryValueException(String message) {
        super(message);
    }

    public RowBinaryValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
