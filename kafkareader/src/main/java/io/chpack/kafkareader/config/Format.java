package io.chpack.kafkareader.config;

/** How a message value becomes a row. */
public enum Format {
    JSON, CSV, RAW, DEBEZIUM;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
