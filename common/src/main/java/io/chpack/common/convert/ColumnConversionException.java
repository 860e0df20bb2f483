package io.chpack.common.convert;

/**
 * A value that cannot be converted between a DataX Column and a ClickHouse column: out of range,
 * unparsable, lossy, NULL where the column is not Nullable, … Unchecked, because it is a data problem a
 * plugin turns into a DataX dirty record ({@code collectDirtyRecord(record, e)}), not a task failure.
 * The message names the column, the ClickHouse type, the DataX Column class, the offending value
 * (truncated to about 100 characters; bytes as a hex prefix) and the reason, e.g.
 * {@code column 'age' (UInt8): cannot write LongColumn 300: 300 is out of range [0, 255]}.
 */
public class ColumnConversionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String columnName;
    private final String clickHouseType;
    private final String dataXColumnType;
    private final String value;
    private final String reason;

    ColumnConversionException(String verb, String columnName, String clickHouseType, String dataXColumnType,
            String value, String reason, Throwable cause) {
        super("column '" + columnName + "' (" + clickHouseType + "): cannot " + verb + " " + dataXColumnType
                + (value == null ? "" : " " + value) + ": " + reason, cause);
        this.columnName = columnName;
        this.clickHouseType = clickHouseType;
        this.dataXColumnType = dataXColumnType;
        this.value = value;
        this.reason = reason;
    }

    /** The ClickHouse column's name. */
    public String columnName() {
        return columnName;
    }

    /** The ClickHouse column's type, as the server spells it. */
    public String clickHouseType() {
        return clickHouseType;
    }

    /**
     * The DataX Column class involved: the source (e.g. {@code LongColumn}) when writing, the target when
     * reading.
     */
    public String dataXColumnType() {
        return dataXColumnType;
    }

    /** The offending value, truncated; null when the value could not be described (e.g. unreadable). */
    public String value() {
        return value;
    }

    /** Why it failed, without the column/type/value prefix. */
    public String reason() {
        return reason;
    }
}
