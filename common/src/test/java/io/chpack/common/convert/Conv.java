package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryCodecs;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryOutput;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Test helpers: encode a Column to hex, decode hex to a Column. */
final class Conv {
    static final ZoneId UTC = ZoneId.of("UTC");
    static final ConversionOptions OPTS = ConversionOptions.builder(UTC).build();

    private Conv() {
    }

    static ConversionOptions.Builder opts() {
        return ConversionOptions.builder(UTC);
    }

    static String hex(String type, Column c) {
        return hex(type, c, OPTS);
    }

    static String hex(String type, Column c, ConversionOptions o) {
        ColumnEncoder e = ColumnEncoder.compile("c", ClickHouseType.parse(type), o);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            e.encode(c, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return HexFormat.of().formatHex(bos.toByteArray());
    }

    static ColumnConversionException reject(String type, Column c) {
        return reject(type, c, OPTS);
    }

    static ColumnConversionException reject(String type, Column c, ConversionOptions o) {
        return assertThrows(ColumnConversionException.class, () -> hex(type, c, o), () -> type + " accepted " + ValueText.of(c));
    }

    /** RowBinary of a codec-model value (the codec is tested elsewhere). */
    static byte[] codecBytes(String type, Object value) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos)) {
            RowBinaryCodecs.forType(type).encode(value, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bos.toByteArray();
    }

    static Column read(String type, byte[] bytes) {
        return read(type, bytes, OPTS);
    }

    static Column read(String type, byte[] bytes, ConversionOptions o) {
        ColumnDecoder d = ColumnDecoder.compile("c", ClickHouseType.parse(type), o);
        try {
            RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes));
            Column c = d.decode(in);
            assertFalse(in.hasMore(), "decoder left bytes unread");
            return c;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Column readValue(String type, Object codecValue) {
        return read(type, codecBytes(type, codecValue), OPTS);
    }

    static Column readValue(String type, Object codecValue, ConversionOptions o) {
        return read(type, codecBytes(type, codecValue), o);
    }

    static byte[] unhex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
