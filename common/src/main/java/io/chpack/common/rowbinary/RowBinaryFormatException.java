package io.chpack.common.rowbinary;

import java.io.IOException;

/** RowBinary input that is not a valid encoding of the expected type (bad null flag, unknown Enum value, …). */
public class RowBinaryFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public RowBinaryFormatException(String message) {
        super(message);
    }

    public RowBinaryFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
