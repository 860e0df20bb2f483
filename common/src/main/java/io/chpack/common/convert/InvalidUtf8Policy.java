package io.chpack.common.convert;

/**
 * What a String / FixedString value that is not valid UTF-8 becomes when read into a DataX StringColumn
 * (job key {@code invalidUtf8}). ClickHouse Strings are arbitrary bytes, Java Strings are not.
 */
public enum InvalidUtf8Policy {
    /**
     * A BytesColumn with the exact bytes (default: lossless; a chpack ClickHouse writer writes them back
     * unchanged). Inside Array/Map/Tuple JSON text, where bytes cannot be represented, this acts as
     * {@link #ERROR}.
     */
    BYTES("bytes"),
    /** A StringColumn with each malformed sequence replaced by U+FFFD (lossy, never fails). */
    REPLACE("replace"),
    /** The value fails with a {@link ColumnConversionException} (a dirty record on the reader side). */
    ERROR("error");

    private final String key;

    InvalidUtf8Policy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
