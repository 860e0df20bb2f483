package io.chpack.common.convert;

/** The Column a ClickHouse FixedString(N) value is read into (job key {@code fixedStringAs}). */
public enum FixedStringReadMode {
    /** BytesColumn of exactly N bytes, padding included (default: lossless for binary data such as hashes). */
    BYTES("bytes"),
    /** StringColumn of all N bytes decoded as UTF-8, trailing NUL padding kept. */
    STRING("string"),
    /** StringColumn with the trailing NUL bytes (the server's padding) removed before decoding. */
    TRIMMED_STRING("trimmed_string");

    private final String key;

    FixedStringReadMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
