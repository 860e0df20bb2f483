package io.chpack.odpswriterext.codec;

/** A value MaxCompute cannot hold; the record becomes a dirty record with this message as the reason. */
public final class DirtyValueException extends Exception {
    private static final long serialVersionUID = 1L;

    public DirtyValueException(String message) {
        super(message);
    }
}
