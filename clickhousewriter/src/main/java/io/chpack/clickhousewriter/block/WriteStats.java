package io.chpack.clickhousewriter.block;

/** Counters of one task (or, summed, of the job). Not thread-safe: one task thread updates its own. */
public final class WriteStats {
    public long rows;
    public long bytes;
    public long blocks;
    public long retries;
    /** Blocks the server reported as deduplicated (written_rows 0); not measurable on 18.16 (no summary header). */
    public long dedupHits;
    /** Blocks whose landing a check confirmed after an ambiguous failure (not resent). */
    public long landedAfterFailure;
    public long dirtyRows;
    public long splits;

    public void add(WriteStats o) {
        rows += o.rows;
        bytes += o.bytes;
        blocks += o.blocks;
        retries += o.retries;
        dedupHits += o.dedupHits;
        landedAfterFailure += o.landedAfterFailure;
        dirtyRows += o.dirtyRows;
        splits += o.splits;
    }

    @Override
    public String toString() {
        return "rows=" + rows + " bytes=" + bytes + " blocks=" + blocks + " retries=" + retries + " dedupHits="
                + dedupHits + " landedAfterFailure=" + landedAfterFailure + " splits=" + splits + " dirtyRows="
                + dirtyRows;
    }
}
