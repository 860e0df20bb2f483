package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;

/**
 * Writer direction for one target column: compiled once from (name, ClickHouse type, options), then
 * {@link #encode} converts each DataX Column straight into RowBinary with the rules of the type's writer
 * (tabled in {@code docs/type-mapping.md} and on each writer class). Stateless and thread-safe.
 *
 * <p>On a {@link ColumnConversionException} part of the value may already be written (a Nullable flag,
 * earlier array elements): use {@link RowEncoder}, which rolls the whole row back, or
 * {@link RowBinaryOutput#beginRow()} / {@link RowBinaryOutput#rollbackRow()} yourself.
 */
public final class ColumnEncoder {
    private final String name;
    private final ClickHouseType type;
    private final ValueWriter writer;

    private ColumnEncoder(String name, ClickHouseType type, ValueWriter writer) {
        this.name = name;
        this.type = type;
        this.writer = writer;
    }

    /**
     * @throws IllegalArgumentException for a type with no conversion or a zone the JVM does not know
     */
    public static ColumnEncoder compile(String name, ClickHouseType type, ConversionOptions options) {
        return new ColumnEncoder(name, type, ValueWriters.forType(type, options));
    }

    public String name() {
        return name;
    }

    public ClickHouseType type() {
        return type;
    }

    /**
     * Writes {@code column} (null or null raw data = NULL).
     *
     * @throws ColumnConversionException naming this column, its type, the Column and the value
     */
    public void encode(Column column, RowBinaryOutput out) throws IOException {
        try {
            writer.write(column, out);
        } catch (Reject r) {
            throw failure(column, r.getMessage(), r.getCause());
        } catch (ClassCastException e) { // a custom Column whose raw data does not match its type
            throw failure(column, "raw data of class " + column.getRawData().getClass().getName()
                    + " does not match Column type " + column.getType(), e);
        }
    }

    ColumnConversionException failure(Column column, String reason, Throwable cause) {
        return new ColumnConversionException("write", name, type.toString(), ValueText.columnType(column),
                ValueText.of(column), reason, cause);
    }
}
