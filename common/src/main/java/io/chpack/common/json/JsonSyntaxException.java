package io.chpack.common.json;

/** Text that is not strict JSON; the message names the character offset and what was expected. */
public final class JsonSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    JsonSyntaxException(String message, int offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    /** 0-based char offset of the problem. */
    public int offset() {
        return offset;
    }
}
