package io.chpack.clickhousereader.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import io.chpack.common.convert.ColumnConversionException;
import io.chpack.common.convert.RowDecoder;
import io.chpack.common.rowbinary.RowBinaryInput;
import io.chpack.common.rowbinary.RowBinaryTruncatedException;

/**
 * Decodes a streamed {@code SELECT toUInt8(1) AS __chpack_row, ... FORMAT RowBinary} into records while it
 * arrives, with one row of look-ahead, so memory stays bounded by one read buffer and one record.
 *
 * <p>Why the marker column: once ClickHouse has sent the 200 header it can only report a later error by
 * appending its text to the body (18.16: {@code Code: 395, e.displayText() = ...}; 2x: a similar text after
 * an exception tag). Decoded as RowBinary that text could turn into plausible rows. The server writes whole
 * rows per block and fails between blocks (checked on 18.16: the text starts exactly at a row boundary), so
 * every row here starts with the byte 0x01 and anything else at a row boundary is the server's error (or a
 * corrupt stream): the rest is read (at most 64 KiB) and reported. A row is handed to the writer only after
 * the next row's marker (or the clean end) has been seen, so a row that an error cut into is never sent.
 * The alternative, {@code wait_end_of_query=1}, makes the server buffer the whole result before the first
 * byte: no streaming, and temp disk space the size of the split.
 */
public final class RowStreamReader {
    public static final int MARKER = 1;
    public static final String MARKER_COLUMN = "__chpack_row";
    private static final int TAIL_LIMIT = 64 * 1024;

    private final RowDecoder decoder;
    private final RecordSender sender;
    private final TaskPluginCollector collector;
    private long rowsDelivered;
    private long dirtyRows;
    private long bytes;

    public RowStreamReader(RowDecoder decoder, RecordSender sender, TaskPluginCollector collector) {
        this.decoder = decoder;
        this.sender = sender;
        this.collector = collector;
    }

    /** Rows handed on so far: sent to the writer or to the dirty-record collector. */
    public long rowsDelivered() {
        return rowsDelivered;
    }

    public long dirtyRows() {
        return dirtyRows;
    }

    public long bytes() {
        return bytes;
    }

    /**
     * Reads to the end of the stream.
     *
     * @throws MidStreamException when something other than a row marker is found at a row boundary
     * @throws IOException when the stream breaks (connection lost) or ends inside a row
     */
    void read(InputStream stream) throws IOException, MidStreamException {
        RowBinaryInput in = new RowBinaryInput(stream, 256 * 1024);
        Record pending = null;
        ColumnConversionException pendingError = null;
        try {
            while (in.hasMore()) {
                long rowStart = in.offset();
                int marker = in.readUInt8();
                if (marker != MARKER) {
                    throw midStream(in, marker, rowStart);
                }
                if (pending != null) {
                    deliver(pending, pendingError);
                }
                pending = sender.createRecord();
                pendingError = null;
                try {
                    if (!decoder.readRow(in, pending)) {
                        throw new RowBinaryTruncatedException("the stream ended after a row marker at offset " + rowStart);
                    }
                } catch (ColumnConversionException e) {
                    pendingError = e; // the row was consumed whole; it becomes a dirty record
                }
            }
            if (pending != null) {
                deliver(pending, pendingError);
            }
        } finally {
            bytes = in.offset();
        }
    }

    private void deliver(Record r, ColumnConversionException error) {
        if (error == null) {
            sender.sendToWriter(r);
        } else {
            collector.collectDirtyRecord(r, error, error.getMessage());
            dirtyRows++;
        }
        rowsDelivered++;
    }

    private MidStreamException midStream(RowBinaryInput in, int first, long offset) throws IOException {
        StringBuilder raw = new StringBuilder();
        byte[] buf = new byte[TAIL_LIMIT];
        int n = 0;
        buf[n++] = (byte) first;
        while (n < TAIL_LIMIT && in.hasMore()) {
            buf[n++] = (byte) in.readUInt8();
        }
        raw.append(new String(buf, 0, n, StandardCharsets.UTF_8).trim());
        String text = raw.toString();
        String message = text.contains("Code:") || text.contains("Exception")
                ? "ClickHouse reported an error in the middle of the result: " + text
                : "the result stream is corrupt at byte " + offset + ": expected a row marker, got 0x"
                        + Integer.toHexString(first & 0xFF);
        return new MidStreamException(message, text, offset);
    }
}
