package io.chpack.kafkareader.offsets;

/** One text document, read whole and replaced atomically. */
interface TextStore extends AutoCloseable {
    /** The document, or null when there is none yet. */
    String read();

    void write(String text);

    String describe();

    @Override
    void close();
}
