package io.chpack.common.chtype;

import java.util.Collections;
import java.util.List;

/**
 * A well-formed ClickHouse type that chpack cannot carry through RowBinary (JSON, Object('json'), Variant,
 * Dynamic, AggregateFunction, Time, Interval, geo types, or a name it does not know). The message names
 * the type and what to do instead, usually {@code CAST(col AS String)} in a reader's querySql.
 */
public final class UnsupportedClickHouseTypeException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String typeString;
    private final String unsupportedPart;
    private final List<String> stringPassThroughSettings;

    UnsupportedClickHouseTypeException(String typeString, String unsupportedPart, String reason, String remedy,
            List<String> stringPassThroughSettings) {
        super(message(typeString, unsupportedPart, reason, remedy));
        this.typeString = typeString;
        this.unsupportedPart = unsupportedPart;
        this.stringPassThroughSettings = Collections.unmodifiableList(stringPassThroughSettings);
    }

    private static String message(String typeString, String part, String reason, String remedy) {
        StringBuilder sb = new StringBuilder("unsupported ClickHouse type '").append(part).append('\'');
        if (!part.equals(typeString)) {
            sb.append(" inside '").append(typeString).append('\'');
        }
        return sb.append(": ").append(reason).append(". ").append(remedy).toString();
    }

    /** The whole type string that was being parsed. */
    public String typeString() {
        return typeString;
    }

    /** The part of it that is unsupported, e.g. {@code JSON} in {@code Array(JSON)}. */
    public String unsupportedPart() {
        return unsupportedPart;
    }

    /**
     * Server settings (ClickHouse 24.x and later) under which values of this type travel as a plain
     * RowBinary String, so a column declared as String can pass the text through; empty when there are
     * none. Only JSON has them.
     */
    public List<String> stringPassThroughSettings() {
        return stringPassThroughSettings;
    }
}
