package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.IOException;

/**
 * A writer for a non-Nullable type: NULL becomes the type's default with {@link NullMode#DEFAULT} and a
 * rejection otherwise; real values go to {@link #writeValue}.
 */
abstract class TypedWriter extends ValueWriter {
    final ClickHouseType type;
    private final boolean nullAsDefault;

    TypedWriter(ClickHouseType type, ConversionOptions options) {
        this.type = type;
        this.nullAsDefault = options.nullMode() == NullMode.DEFAULT;
    }

    @Override
    final void write(Column c, RowBinaryOutput out) throws IOException {
        Object raw = c == null ? null : c.getRawData();
        if (raw != null) {
            writeValue(c, raw, out);
        } else if (nullAsDefault) {
            writeDefault(out);
        } else {
            throw new Reject("NULL cannot be written to non-Nullable " + type
                    + " (nullMode is error; nullMode default writes the type's default value instead)");
        }
    }

    /** Writes a non-NULL value; {@code raw} is {@code c.getRawData()}. */
    abstract void writeValue(Column c, Object raw, RowBinaryOutput out) throws IOException;

    /** The rejection for a source this type has no rule for. */
    final Reject noRule(Column c) {
        if (c instanceof JsonElementColumn) {
            return new Reject(((JsonElementColumn) c).description() + " cannot be converted to " + type);
        }
        return new Reject("no rule converts a " + c.getClass().getSimpleName() + " to " + type);
    }
}
