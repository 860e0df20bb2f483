package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.chpack.common.rowbinary.Bin.hex;
import static org.junit.jupiter.api.Assertions.*;

/** RowBinaryOutput / RowBinaryInput mechanics: varints, buffering, EOF handling, row rollback. */
class RowBinaryStreamTest {

    private static byte[] write(IoAction a) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos, 64)) {
            a.run(out);
        }
        return bos.toByteArray();
    }

    interface IoAction {
        void run(RowBinaryOutput out) throws IOException;
    }

    @Test
    void varUIntIsUnsignedLeb128() throws IOException {
        assertEquals("00", Bin.hex(write(o -> o.writeVarUInt(0))));
        assertEquals("7f", Bin.hex(write(o -> o.writeVarUInt(127))));
        assertEquals("80 01", Bin.hex(write(o -> o.writeVarUInt(128))));
        assertEquals("ac 02", Bin.hex(write(o -> o.writeVarUInt(300))));
        assertEquals("80 80 01", Bin.hex(write(o -> o.writeVarUInt(16384))));
        assertEquals("ff ff ff ff ff ff ff ff 7f", Bin.hex(write(o -> o.writeVarUInt(Long.MAX_VALUE))));
        assertEquals("ff ff ff ff ff ff ff ff ff 01", Bin.hex(write(o -> o.writeVarUInt(-1L))));
        for (long v : new long[] {0, 1, 127, 128, 255, 16383, 16384, 1L << 35, Long.MAX_VALUE, -1L}) {
            assertEquals(v, Bin.input(write(o -> o.writeVarUInt(v))).readVarUInt());
        }
    }

    @Test
    void lowLevelWritesRangeCheck() {
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeUInt8(256)));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeInt8(-129)));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeUInt16(-1)));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeInt32(1L << 31)));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeUInt32(1L << 32)));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeUInt64(-1)));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeInt128(BigInteger.ONE.shiftLeft(127))));
        assertThrows(RowBinaryValueException.class, () -> write(o -> o.writeFixedString(new byte[4], 3)));
    }

    @Test
    void lowLevelReadsMirrorWrites() throws IOException {
        BigInteger big = new BigInteger("-123456789012345678901234567890");
        byte[] b = write(o -> {
            o.writeInt8(-5);
            o.writeUInt8(250);
            o.writeInt16(-300);
            o.writeUInt16(60000);
            o.writeInt32(-70000);
            o.writeUInt32(4000000000L);
            o.writeInt64(Long.MIN_VALUE);
            o.writeUInt64Bits(-1L);
            o.writeInt128(big);
            o.writeUInt256(BigInteger.TWO.pow(200));
            o.writeFloat32(-1.5f);
            o.writeFloat64(Math.PI);
            o.writeBool(true);
            o.writeString("héllo");
            o.writeUuid(0x0102030405060708L, 0x090a0b0c0d0e0f10L);
        });
        RowBinaryInput in = Bin.input(b);
        assertEquals(-5, in.readInt8());
        assertEquals(250, in.readUInt8());
        assertEquals(-300, in.readInt16());
        assertEquals(60000, in.readUInt16());
        assertEquals(-70000, in.readInt32());
        assertEquals(4000000000L, in.readUInt32());
        assertEquals(Long.MIN_VALUE, in.readInt64());
        assertEquals(new BigInteger("18446744073709551615"), in.readUInt64());
        assertEquals(big, in.readInt128());
        assertEquals(BigInteger.TWO.pow(200), in.readUInt256());
        assertEquals(-1.5f, in.readFloat32());
        assertEquals(Math.PI, in.readFloat64());
        assertTrue(in.readBool());
        assertEquals("héllo", new String(in.readString(), java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new UUID(0x0102030405060708L, 0x090a0b0c0d0e0f10L), in.readUuid());
        assertFalse(in.hasMore());
        assertEquals(b.length, in.offset());
    }

    @Test
    void truncatedValuesNameWhatWasBeingRead() {
        RowBinaryTruncatedException e = assertThrows(RowBinaryTruncatedException.class,
                () -> Bin.decode("Int32", hex("01 02")));
        assertTrue(e.getMessage().contains("Int32") && e.getMessage().contains("needed 4") && e.getMessage().contains("only 2"),
                e.getMessage());
        RowBinaryTruncatedException s = assertThrows(RowBinaryTruncatedException.class,
                () -> Bin.decode("String", hex("05 61 62")));
        assertTrue(s.getMessage().contains("String"), s.getMessage());
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("String", hex("80")));
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("UUID", hex("00".repeat(15))));
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("Nullable(Int64)", hex("00 01")));
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("Array(UInt8)", hex("03 01 02")));
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("Map(UInt8, String)", hex("01 01")));
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("Decimal(76, 2)", hex("00".repeat(31))));
        assertThrows(RowBinaryTruncatedException.class, () -> Bin.decode("FixedString(3)", hex("")));
        // a long string that ends early, read through the chunked path (larger than the 64-byte buffer)
        byte[] longTruncated = new byte[2 + 100];
        longTruncated[0] = (byte) 0xc8;
        longTruncated[1] = 0x01; // 200
        RowBinaryTruncatedException l = assertThrows(RowBinaryTruncatedException.class,
                () -> Bin.decode("String", longTruncated));
        assertTrue(l.getMessage().contains("needed 200"), l.getMessage());
    }

    @Test
    void rowsEndCleanlyOrReportRowAndColumn() throws IOException {
        RowBinaryRowCodec rows = new RowBinaryRowCodec(Arrays.asList("id", "name"),
                Arrays.asList(ClickHouseType.parse("UInt32"), ClickHouseType.parse("String")));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos, 64)) {
            rows.encodeRow(new Object[] {1L, "a"}, out);
            rows.encodeRow(List.of(2L, "bb"), out);
        }
        byte[] all = bos.toByteArray();
        assertEquals("01 00 00 00 01 61 02 00 00 00 02 62 62", Bin.hex(all));

        RowBinaryInput in = Bin.input(all);
        assertEquals(1L, rows.decodeRow(in)[0]);
        assertArrayEquals("bb".getBytes(), (byte[]) rows.decodeRow(in)[1]);
        assertNull(rows.decodeRow(in));
        assertEquals(2, rows.rowsDecoded());

        assertNull(new RowBinaryRowCodec(rows.types()).decodeRow(Bin.input(new byte[0])));

        byte[] cut = Arrays.copyOf(all, all.length - 1);
        RowBinaryRowCodec again = new RowBinaryRowCodec(Arrays.asList("id", "name"), rows.types());
        RowBinaryInput in2 = Bin.input(cut);
        again.decodeRow(in2);
        RowBinaryTruncatedException e = assertThrows(RowBinaryTruncatedException.class, () -> again.decodeRow(in2));
        assertTrue(e.getMessage().contains("row 2") && e.getMessage().contains("column 2 'name' (String)"), e.getMessage());

        byte[] cutInFirstColumn = Arrays.copyOf(all, 2);
        RowBinaryTruncatedException f = assertThrows(RowBinaryTruncatedException.class,
                () -> new RowBinaryRowCodec(rows.types()).decodeRow(Bin.input(cutInFirstColumn)));
        assertTrue(f.getMessage().contains("row 1, column 1 (UInt32)"), f.getMessage());
    }

    @Test
    void aBadValueRollsTheWholeRowBack() throws IOException {
        RowBinaryRowCodec rows = new RowBinaryRowCodec(Arrays.asList("n", "s", "a"), Arrays.asList(
                ClickHouseType.parse("Nullable(UInt8)"), ClickHouseType.parse("String"), ClickHouseType.parse("Array(UInt8)")));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(bos, 64);
        rows.encodeRow(new Object[] {1L, "ok", List.of()}, out);
        RowBinaryValueException e = assertThrows(RowBinaryValueException.class,
                () -> rows.encodeRow(new Object[] {2L, "x".repeat(500), List.of(1L, 999L)}, out));
        assertTrue(e.getMessage().startsWith("column 3 'a' (Array(UInt8)): element 1"), e.getMessage());
        assertThrows(RowBinaryValueException.class, () -> rows.encodeRow(new Object[] {300L, "y", List.of()}, out));
        assertThrows(RowBinaryValueException.class, () -> rows.encodeRow(new Object[] {1L, null, List.of()}, out));
        assertThrows(RowBinaryValueException.class, () -> rows.encodeRow(new Object[] {1L, "y"}, out));
        rows.encodeRow(new Object[] {null, "z", List.of(7L)}, out);
        out.close();
        assertEquals("00 01 02 6f 6b 00 01 01 7a 01 07", Bin.hex(bos.toByteArray()));
    }

    @Test
    void largeValuesPassThroughSmallBuffers() throws IOException {
        byte[] big = new byte[5000];
        new java.util.Random(1).nextBytes(big);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        RowBinaryOutput out = new RowBinaryOutput(bos, 64);
        out.writeString(big);
        out.beginRow();
        out.writeString(big); // inside a row the buffer grows instead of sending
        out.writeInt8(1);
        out.endRow();
        out.flush();
        assertEquals(2 * (2 + 5000) + 1, out.bytesWritten());
        RowBinaryInput in = Bin.input(bos.toByteArray());
        assertArrayEquals(big, in.readString());
        assertArrayEquals(big, in.readString());
        assertEquals(1, in.readInt8());
        assertFalse(in.hasMore());
    }

    @Test
    void readsAcrossTrickleInput() throws IOException {
        byte[] data = write(o -> {
            o.writeInt64(0x1122334455667788L);
            o.writeString("abcdefghijklmnopqrstuvwxyz".repeat(5));
        });
        InputStream oneByteAtATime = new InputStream() {
            int i;

            @Override
            public int read() {
                return i < data.length ? data[i++] & 0xFF : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= data.length) {
                    return -1;
                }
                b[off] = data[i++];
                return 1;
            }
        };
        RowBinaryInput in = new RowBinaryInput(oneByteAtATime, 64);
        assertEquals(0x1122334455667788L, in.readInt64());
        assertEquals(130, in.readString().length);
        assertFalse(in.hasMore());
    }

    @Test
    void skipMovesPastValues() throws IOException {
        RowBinaryRowCodec rows = new RowBinaryRowCodec(Arrays.asList(ClickHouseType.parse("Array(Nullable(String))"),
                ClickHouseType.parse("Map(String, Array(Int32))"), ClickHouseType.parse("Tuple(UInt8, String)"),
                ClickHouseType.parse("Int16")));
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (RowBinaryOutput out = new RowBinaryOutput(bos, 64)) {
            rows.encodeRow(new Object[] {Arrays.asList("a", null), java.util.Map.of("k", List.of(1, 2)), List.of(1, "t"), 77}, out);
        }
        RowBinaryInput in = Bin.input(bos.toByteArray());
        for (int i = 0; i < 3; i++) {
            rows.codec(i).skip(in);
        }
        assertEquals(77, rows.codec(3).decodeLong(in));
        assertFalse(in.hasMore());
    }
}
