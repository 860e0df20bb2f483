package io.chpack.clickhousewriter.block;

/**
 * One INSERT's worth of RowBinary rows: a view on a byte range. Retries resend exactly these bytes.
 */
public final class Block {
    /** 0-based number of the block within its task (stable across reruns of the same slice). */
    public final long number;
    /** The number, plus {@code a}/{@code b} per split for halves of a block the server refused as too wide. */
    public final String label;
    public final byte[] bytes;
    public final int offset;
    public final int length;
    public final int rows;
    /** Row end offsets relative to {@link #bytes}, for splitting; length = rows. */
    final int[] rowEnds;
    /**
     * Non-null for a block cut at a source block key (records carrying {@link SourceBlockKey#META_KEY}): the token
     * part derived from that key, with the same a/b/sN suffixes as {@link #label}; see {@link BlockNaming}.
     */
    public final String sourceLabel;

    public Block(long number, String label, byte[] bytes, int offset, int length, int rows, int[] rowEnds) {
        this(number, label, bytes, offset, length, rows, rowEnds, null);
    }

    public Block(long number, String label, byte[] bytes, int offset, int length, int rows, int[] rowEnds,
            String sourceLabel) {
        this.sourceLabel = sourceLabel;
        this.number = number;
        this.label = label;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.rows = rows;
        this.rowEnds = rowEnds;
    }

    /** Builds a block over the whole buffer. */
    public static Block of(long number, BlockBuffer buffer) {
        return of(number, buffer, null);
    }

    /** Builds a block over the whole buffer, cut at a source block key when sourceLabel is non-null. */
    public static Block of(long number, BlockBuffer buffer, String sourceLabel) {
        int[] ends = new int[buffer.rows()];
        for (int i = 0; i < ends.length; i++) {
            ends[i] = buffer.rowEnd(i);
        }
        return new Block(number, Long.toString(number), buffer.array(), 0, buffer.size(), buffer.rows(), ends,
                sourceLabel);
    }

    /** This block's sourceLabel with a suffix appended (null stays null). */
    public String sourceLabel(String suffix) {
        return sourceLabel == null ? null : sourceLabel + suffix;
    }

    /** The first half of the rows (at least one). */
    public Block firstHalf() {
        int half = rows / 2;
        int end = rowEnds[half - 1];
        int[] ends = java.util.Arrays.copyOfRange(rowEnds, 0, half);
        return new Block(number, label + "a", bytes, offset, end - offset, half, ends, sourceLabel("a"));
    }

    /** The remaining rows. */
    public Block secondHalf() {
        int half = rows / 2;
        int start = rowEnds[half - 1];
        int[] ends = java.util.Arrays.copyOfRange(rowEnds, half, rows);
        return new Block(number, label + "b", bytes, start, offset + length - start, rows - half, ends,
                sourceLabel("b"));
    }
}
