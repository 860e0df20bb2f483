package io.chpack.memcachedwriter;

/** Why one record could not be written; becomes the dirty record's message. No stack trace (it is data). */
final class DirtyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DirtyException(String message) {
        super(message, null, false, false);
    }
}
