package io.chpack.runner.log;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chpack.runner.security.SecretMasker;

/**
 * The runner's own logger: every line is masked before it reaches slf4j, so secrets stay out of the
 * output whatever logging backend and layout the home is configured with. Exceptions are rendered
 * here (masked) instead of being handed to the backend, for the same reason.
 */
public final class MaskedLog {
    private final Logger logger;
    private final SecretMasker masker;

    private MaskedLog(Logger logger, SecretMasker masker) {
        this.logger = logger;
        this.masker = masker;
    }

    public static MaskedLog of(Class<?> owner, SecretMasker masker) {
        return new MaskedLog(LoggerFactory.getLogger(owner), masker);
    }

    public SecretMasker masker() {
        return this.masker;
    }

    public void info(String format, Object... args) {
        if (this.logger.isInfoEnabled()) {
            this.logger.info(this.masker.mask(format(format, args)));
        }
    }

    public void debug(String format, Object... args) {
        if (this.logger.isDebugEnabled()) {
            this.logger.debug(this.masker.mask(format(format, args)));
        }
    }

    public void warn(String format, Object... args) {
        this.logger.warn(this.masker.mask(format(format, args)));
    }

    public void warn(Throwable error, String format, Object... args) {
        this.logger.warn(this.masker.mask(format(format, args) + "\n" + stackTrace(error)));
    }

    public void error(String format, Object... args) {
        this.logger.error(this.masker.mask(format(format, args)));
    }

    public void error(Throwable error, String format, Object... args) {
        this.logger.error(this.masker.mask(format(format, args) + "\n" + stackTrace(error)));
    }

    private static String format(String format, Object... args) {
        return args.length == 0 ? format : String.format(format, args);
    }

    public static String stackTrace(Throwable error) {
        if (error == null) {
            return "";
        }
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString().trim();
    }
}
