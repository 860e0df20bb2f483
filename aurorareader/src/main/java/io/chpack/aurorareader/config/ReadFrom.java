package io.chpack.aurorareader.config;

import java.util.Locale;

/** Which cluster instances serve the reads after RDS discovery. */
public enum ReadFrom {
    /** Reader instances only (the writer only when the cluster has no available reader). */
    REPLICAS,
    /** The writer instance only (read-your-writes; loads the primary). */
    WRITER,
    /** Every available instance. */
    ANY;

    public static ReadFrom parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter.aurora.readFrom must be one of replicas, writer, any; got '"
                    + s + "'");
        }
    }
}
