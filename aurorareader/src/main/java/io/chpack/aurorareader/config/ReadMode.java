package io.chpack.aurorareader.config;

import java.util.Locale;

/**
 * What a job reads. Each mode has its own task-side reader behind {@link io.chpack.aurorareader.task.ModeReader}:
 * FULL and WATERMARK are chunked keyset reads ({@code task.ChunkedTableReader}); CDC is served by the change
 * sources of package {@code io.chpack.aurorareader.cdc}, which register through
 * {@link io.chpack.aurorareader.task.ModeReaders}.
 */
public enum ReadMode {
    /** Every row, chunked by the primary key, resumable with a checkpoint store. */
    FULL,
    /** Rows whose watermark column is above the last committed watermark and at most its maximum at job start. */
    WATERMARK,
    /** Changes from the binlog / pgoutput between the saved position and the position at job start. */
    CDC;

    public static ReadMode parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter.mode must be one of full, watermark, cdc; got '" + s + "'");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
