package io.chpack.runner.support;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

/**
 * Appender of src/test/resources/logback-test.xml: keeps every formatted line, laid out with the same
 * %maskedMsg / %maskedEx pattern as the shipped conf/logback.xml, so a test sees what a user would.
 */
public class LogCapture extends AppenderBase<ILoggingEvent> {
    private static final List<String> LINES = new ArrayList<>();
    private PatternLayout layout;
    private String pattern;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        this.layout = new PatternLayout();
        this.layout.setContext(getContext());
        this.layout.setPattern(this.pattern);
        this.layout.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        String line = this.layout.doLayout(event);
        synchronized (LINES) {
            LINES.add(line);
        }
    }

    public static void clear() {
        synchronized (LINES) {
            LINES.clear();
        }
    }

    public static String text() {
        synchronized (LINES) {
            return String.join("", LINES);
        }
    }
}
