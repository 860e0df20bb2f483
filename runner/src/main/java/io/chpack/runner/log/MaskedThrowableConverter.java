package io.chpack.runner.log;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.chpack.runner.security.SecretMasker;

/** {@code %maskedEx}: stack traces carry exception messages, which often quote connection strings. */
public class MaskedThrowableConverter extends ThrowableProxyConverter {
    @Override
    public String convert(ILoggingEvent event) {
        return SecretMasker.maskActive(super.convert(event));
    }
}
