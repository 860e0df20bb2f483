package io.chpack.clickhousewriter.block;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * The bytes of one block: a growable array that is reset, not reallocated, between blocks, so a task holds one
 * block's worth of memory however long it runs. Row boundaries are recorded so a block can be split in halves
 * when the server refuses it for having too many partitions.
 */
public final class BlockBuffer extends OutputStream {
    private byte[] bytes;
    private int size;
    private int[] rowEnds = new int[1024];
    private int rows;

    public BlockBuffer(int initialCapacity) {
        bytes = new byte[Math.max(1024, initialCapacity)];
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    private void ensure(int n) {
        if (bytes.length - size < n) {
            long want = Math.max((long) bytes.length * 2, (long) size + n);
            if (want > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a block cannot exceed 2 GiB; lower batchByteSize");
            }
            bytes = Arrays.copyOf(bytes, (int) want);
        }
    }

    /** Marks the end of a complete row at {@code end} bytes. */
    public void rowEndsAt(int end) {
        if (rows == rowEnds.length) {
            rowEnds = Arrays.copyOf(rowEnds, rows * 2);
        }
        rowEnds[rows++] = end;
    }

    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    public int rows() {
        return rows;
    }

    /** Byte offset where row {@code i} ends. */
    public int rowEnd(int i) {
        return rowEnds[i];
    }

    public void reset() {
        size = 0;
        rows = 0;
    }
}
