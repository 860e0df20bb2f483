package io.chpack.clickhousewriter.client;

/** How the writer reacts to a failed request. */
public enum ErrorClass {
    /** Worth resending the identical request after a pause (network, overload, replica/keeper trouble). */
    TRANSIENT,
    /** The same request will fail again (types, syntax, unknown table/column/setting, auth): fail fast. */
    FATAL
}
