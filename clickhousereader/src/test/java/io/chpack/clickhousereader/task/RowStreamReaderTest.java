package io.chpack.clickhousereader.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.RowDecoder;
import io.chpack.common.rowbinary.RowBinaryTruncatedException;

class RowStreamReaderTest {
    private final List<Record> sent = new ArrayList<>();
    private final List<Record> dirty = new ArrayList<>();

    private RowStreamReader reader() {
        RowDecoder d = new RowDecoder(Arrays.asList("id", "s"), Arrays.asList(ClickHouseType.parse("UInt64"),
                ClickHouseType.parse("String")), ConversionOptions.builder(ZoneOffset.UTC).build());
        RecordSender sender = new RecordSender() {
            public Record createRecord() {
                return new ListRecord();
            }

            public void sendToWriter(Record r) {
                sent.add(r);
            }

            public void flush() {
            }

            public void terminate() {
            }

            public void shutdown() {
            }
        };
        TaskPluginCollector collector = new TaskPluginCollector() {
            public void collectDirtyRecord(Record r, Throwable t, String m) {
                dirty.add(r);
            }

            public void collectMessage(String k, String v) {
            }
        };
        return new RowStreamReader(d, sender, collector);
    }

    private static void row(ByteArrayOutputStream out, long id, String s) {
        out.write(RowStreamReader.MARKER);
        for (int i = 0; i < 8; i++) {
            out.write((int) (id >>> (8 * i)) & 0xFF);
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b.length);
        out.write(b, 0, b.length);
    }

    @Test
    void cleanStreamDeliversEveryRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 1000; i++) {
            row(out, i, "v" + i);
        }
        RowStreamReader r = reader();
        r.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(1000, sent.size());
        assertEquals(1000, r.rowsDelivered());
        assertEquals(out.size(), r.bytes());
        assertEquals("v999", sent.get(999).getColumn(1).asString());
    }

    @Test
    void errorTextAppendedAfterRowsIsDetectedAndNoGarbageRowIsSent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 10; i++) {
            row(out, i, "v" + i);
        }
        // What 18.16 appends to a 200 response when the query fails after the header was sent. Without the
        // marker, 'C' (0x43) would be read as the first byte of a UInt64 and the text would become rows.
        byte[] err = "Code: 241, e.displayText() = DB::Exception: Memory limit (for query) exceeded, e.what() = DB::Exception\n"
                .getBytes(StandardCharsets.UTF_8);
        out.write(err, 0, err.length);
        RowStreamReader r = reader();
        MidStreamException e = assertThrows(MidStreamException.class,
                () -> r.read(new ByteArrayInputStream(out.toByteArray())));
        assertTrue(e.getMessage().contains("Code: 241"), e.getMessage());
        assertTrue(e.getMessage().contains("in the middle of the result"), e.getMessage());
        // Rows 0..8 went out; row 9 was held back until the next boundary, which turned out to be the error.
        assertEquals(9, sent.size());
        for (Record rec : sent) {
            assertTrue(rec.getColumn(1).asString().startsWith("v"));
        }
    }

    @Test
    void streamCutInsideARowIsATruncation() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        row(out, 1, "abc");
        row(out, 2, "def");
        byte[] all = out.toByteArray();
        RowStreamReader r = reader();
        assertThrows(RowBinaryTruncatedException.class,
                () -> r.read(new ByteArrayInputStream(Arrays.copyOf(all, all.length - 2))));
        assertEquals(1, sent.size(), "the cut row is never sent");
    }

    @Test
    void invalidUtf8UnderErrorPolicyBecomesADirtyRecordAndReadingGoesOn() throws IOException, MidStreamException {
        RowDecoder d = new RowDecoder(Arrays.asList("id", "s"), Arrays.asList(ClickHouseType.parse("UInt64"),
                ClickHouseType.parse("String")), ConversionOptions.builder(ZoneOffset.UTC)
                .invalidUtf8(io.chpack.common.convert.InvalidUtf8Policy.ERROR).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        row(out, 1, "ok");
        out.write(RowStreamReader.MARKER);
        for (int i = 0; i < 8; i++) {
            out.write(i == 0 ? 2 : 0);
        }
        out.write(1);
        out.write(0xFF); // not UTF-8
        row(out, 3, "ok");
        RowStreamReader base = reader();
        RowStreamReader r = new RowStreamReader(d, senderOf(base), collectorOf());
        r.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(3, r.rowsDelivered());
        assertEquals(1, r.dirtyRows());
        assertEquals(2, sent.size());
        assertEquals(1, dirty.size());
    }

    private RecordSender senderOf(RowStreamReader unused) {
        return new RecordSender() {
            public Record createRecord() {
                return new ListRecord();
            }

            public void sendToWriter(Record r) {
                sent.add(r);
            }

            public void flush() {
            }

            public void terminate() {
            }

            public void shutdown() {
            }
        };
    }

    private TaskPluginCollector collectorOf() {
        return new TaskPluginCollector() {
            public void collectDirtyRecord(Record r, Throwable t, String m) {
                dirty.add(r);
            }

            public void collectMessage(String k, String v) {
            }
        };
    }

    /** Minimal Record for tests. */
    static final class ListRecord implements Record {
        private final List<Column> columns = new ArrayList<>();

        public void addColumn(Column c) {
            columns.add(c);
        }

        public void setColumn(int i, Column c) {
            while (columns.size() <= i) {
                columns.add(null);
            }
            columns.set(i, c);
        }

        public Column getColumn(int i) {
            return i < columns.size() ? columns.get(i) : null;
        }

        public int getColumnNumber() {
            return columns.size();
        }

        public int getByteSize() {
            return 0;
        }

        public int getMemorySize() {
            return 0;
        }

        @Override
        public String toString() {
            return columns.toString();
        }
    }
}
