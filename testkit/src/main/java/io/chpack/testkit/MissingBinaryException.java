package io.chpack.testkit;

/** A server binary the kit needs is not installed (or not where it was told to look). */
public final class MissingBinaryException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public MissingBinaryException(String message) {
        super(message);
    }
}
