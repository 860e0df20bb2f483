package io.chpack.common.chtype;

/** A type string that does not follow ClickHouse's type grammar; names the 0-based position. */
public final class ClickHouseTypeSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String typeString;
    private final int position;

    public ClickHouseTypeSyntaxException(String typeString, int position, String problem) {
        super("malformed ClickHouse type '" + typeString + "' at position " + position + ": " + problem);
        this.typeString = typeString;
        this.position = position;
    }

    public String typeString() {
        return typeString;
    }

    /** 0-based index into the type string where parsing stopped. */
    public int position() {
        return position;
    }
}
