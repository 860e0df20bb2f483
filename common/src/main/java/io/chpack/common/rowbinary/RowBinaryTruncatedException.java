package io.chpack.common.rowbinary;

import java.io.EOFException;

/**
 * The input ended inside a value (as opposed to cleanly between rows, which
 * {@link RowBinaryInput#hasMore()} reports). Names what was being read and the byte offset.
 */
public class RowBinaryTruncatedException extends EOFException {
    private static final long serialVersionUID = 1L;

    public RowBinaryTruncatedException(String message) {
        super(message);
    }

    static RowBinaryTruncatedException of(String what, long needed, long got, long offset) {
        return new RowBinaryTruncatedException("RowBinary input ends inside " + what + ": needed " + needed
                + " byte(s) at offset " + offset + ", only " + got + " available");
    }
}
