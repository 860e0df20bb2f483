package io.chpack.shaded.org.slf4j.event;

/**
 * Stand-in for {@code org.slf4j.event.Level} (slf4j 1.7.15+), which kafka-clients 3.9 uses when it closes a
 * consumer. DataX's lib/ carries slf4j-api 1.7.10 without it; the plugin jar relocates kafka-clients' references
 * to this enum (see the shade relocations in kafkareader/pom.xml). Same constants, same order.
 */
public enum Level {
    ERROR(40, "ERROR"), WARN(30, "WARN"), INFO(20, "INFO"), DEBUG(10, "DEBUG"), TRACE(0, "TRACE");

    private final int levelInt;
    private final String levelStr;

    Level(int i, String s) {
        levelInt = i;
        levelStr = s;
    }

    public int toInt() {
        return levelInt;
    }

    @Override
    public String toString() {
        return levelStr;
    }
}
