package io.chpack.clickhousereader.task;

/** The result stream stopped being rows: an error the server appended to a 200 response, or corruption. */
final class MidStreamException extends Exception {
    private static final long serialVersionUID = 1L;

    final String tail;
    final long offset;

    MidStreamException(String message, String tail, long offset) {
        super(message);
        this.tail = tail;
        this.offset = offset;
    }
}
