package io.chpack.aurorareader.task;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.config.ReadMode;
import io.chpack.aurorareader.plan.TablePlanner;

/**
 * Which {@link JobMode} and {@link ModeReader} serve a {@link ReadMode}. CDC lives in package
 * {@code io.chpack.aurorareader.cdc} and is found by class name ({@value #CDC_JOB} and {@value #CDC_TASK}),
 * so this package needs no compile-time dependency on it.
 */
public final class ModeRegistry {
    static final String CDC_JOB = "io.chpack.aurorareader.cdc.CdcJobMode";
    static final String CDC_TASK = "io.chpack.aurorareader.cdc.CdcTaskReader";

    private ModeRegistry() {
    }

    public static JobMode jobMode(ReadMode mode) {
        switch (mode) {
            case FULL:
            case WATERMARK:
                return new TablePlanner();
            default:
                return instantiate(CDC_JOB, JobMode.class, mode);
        }
    }

    public static ModeReader taskReader(ReadMode mode) {
        switch (mode) {
            case FULL:
            case WATERMARK:
                return new ChunkedTableReader();
            default:
                return instantiate(CDC_TASK, ModeReader.class, mode);
        }
    }

    private static <T> T instantiate(String className, Class<T> type, ReadMode mode) {
        try {
            Class<?> c = Class.forName(className, true, ModeRegistry.class.getClassLoader());
            return type.cast(c.getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "parameter.mode " + mode.key()
                    + " is not available in this build (" + className + " is missing)");
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw DataXException.asDataXException(AuroraErrorCode.CONFIG_ERROR, "cannot start mode " + mode.key()
                    + ": " + e, e);
        }
    }
}
