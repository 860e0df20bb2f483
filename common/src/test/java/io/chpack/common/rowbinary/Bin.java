package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/** Test helpers: hex literals and one-value encode/decode. */
final class Bin {
    private Bin() {
    }

    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }

    static String hex(byte[] b) {
        return HexFormat.ofDelimiter(" ").formatHex(b);
    }

    static byte[] encode(String type, Object value) {
        return encode(RowBinaryCodecs.forType(ClickHouseType.parse(type)), value);
    }

    static byte[] encode(RowBinaryCodec codec, Object value) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos, 64)) {
            codec.encode(value, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    static byte[] encodeLong(RowBinaryCodec codec, long value) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos, 64)) {
            codec.encodeLong(value, out);
        }
        return bos.toByteArray();
    }

    static Object decode(String type, byte[] bytes) throws IOException {
        return decode(RowBinaryCodecs.forType(ClickHouseType.parse(type)), bytes);
    }

    /** Decodes one value and checks that it used every byte. */
    static Object decode(RowBinaryCodec codec, byte[] bytes) throws IOException {
        RowBinaryInput in = new RowBinaryInput(new ByteArrayInputStream(bytes), 64);
        Object v = codec.decode(in);
        if (in.hasMore()) {
            throw new AssertionError("decoding " + codec.type() + " left bytes after offset " + in.offset());
        }
        return v;
    }

    static RowBinaryInput input(byte[] bytes) {
        return new RowBinaryInput(new ByteArrayInputStream(bytes), 64);
    }
}
