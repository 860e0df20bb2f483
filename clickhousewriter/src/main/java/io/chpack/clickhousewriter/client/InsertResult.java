package io.chpack.clickhousewriter.client;

/** What the server said about one INSERT. */
public final class InsertResult {
    /** Rows the server reports as written (X-ClickHouse-Summary), or -1 when the server sends no summary (18.16). */
    public final long writtenRows;

    public InsertResult(long writtenRows) {
        this.writtenRows = writtenRows;
    }
}
