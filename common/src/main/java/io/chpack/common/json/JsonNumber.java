package io.chpack.common.json;

/** A JSON number as its exact source text (already checked against the RFC 8259 grammar). */
public final class JsonNumber {
    private final String text;
    private final boolean integer;

    JsonNumber(String text, boolean integer) {
        this.text = text;
        this.integer = integer;
    }

    /** The number exactly as written, e.g. {@code -0}, {@code 1.50}, {@code 1e400}. */
    public String text() {
        return text;
    }

    /** True when written without fraction or exponent ({@code -12}), false for {@code 1.0} or {@code 1e2}. */
    public boolean isIntegerLiteral() {
        return integer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber && ((JsonNumber) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
