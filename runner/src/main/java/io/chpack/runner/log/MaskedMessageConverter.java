package io.chpack.runner.log;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.chpack.runner.security.SecretMasker;

/**
 * {@code %maskedMsg} in conf/logback.xml: the log message with the running jobs' secrets scrubbed out.
 * The runner masks its own lines already; this also covers plugins' log lines, which the runner
 * cannot see before they are printed.
 */
public class MaskedMessageConverter extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasker.maskActive(event.getFormattedMessage());
    }
}
