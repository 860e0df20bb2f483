package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryInput;

import java.io.IOException;

/**
 * Reader direction for one source column: compiled once from (name, ClickHouse type, options), then
 * {@link #decode} reads one RowBinary value and returns the DataX Column (mapping tabled in
 * {@code docs/type-mapping.md} and on each reader class). Stateless and thread-safe.
 */
public final class ColumnDecoder {
    private final String name;
    private final ClickHouseType type;
    private final ValueReader reader;
    private final String columnClass;

    private ColumnDecoder(String name, ClickHouseType type, ValueReader reader) {
        this.name = name;
        this.type = type;
        this.reader = reader;
        this.columnClass = reader.nullColumn().getClass().getSimpleName();
    }

    /** @throws IllegalArgumentException for a type with no conversion or a zone the JVM does not know */
    public static ColumnDecoder compile(String name, ClickHouseType type, ConversionOptions options) {
        return new ColumnDecoder(name, type, ValueReaders.forType(type, options));
    }

    public String name() {
        return name;
    }

    public ClickHouseType type() {
        return type;
    }

    /**
     * The next value. Malformed input raises the RowBinary exceptions; a well-formed value with no
     * lossless Column form (e.g. invalid UTF-8 under {@code invalidUtf8 = error}) raises
     * {@link ColumnConversionException} after its bytes are consumed.
     */
    public Column decode(RowBinaryInput in) throws IOException {
        try {
            return reader.read(in);
        } catch (Reject r) {
            throw new ColumnConversionException("read", name, type.toString(), columnClass, null, r.getMessage(), null);
        }
    }

    /** A NULL Column of the class this decoder produces (what a NULL of a Nullable column becomes). */
    public Column nullColumn() {
        return reader.nullColumn();
    }
}
