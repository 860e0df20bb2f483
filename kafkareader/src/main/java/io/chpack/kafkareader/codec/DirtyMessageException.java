package io.chpack.kafkareader.codec;

/** A message that cannot become a row; the reason names the field and the problem. */
public final class DirtyMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public DirtyMessageException(String reason) {
        super(reason, null, false, false);
    }
}
