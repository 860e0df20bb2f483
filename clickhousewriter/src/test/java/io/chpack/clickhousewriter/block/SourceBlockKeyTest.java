package io.chpack.clickhousewriter.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.RowEncoder;

/** Blocks cut at source block keys (record meta from kafkareader) and the tokens derived from them. */
class SourceBlockKeyTest {
    private static final ConversionOptions UTC = ConversionOptions.builder(ZoneId.of("UTC")).build();

    /** A record with DataX 2022's getMeta(), in a public class as an engine's or a reader's record would be. */
    public static final class MetaRecord implements Record {
        private final List<Column> cols;
        private final Map<String, String> meta;

        public MetaRecord(List<Column> cols, String key) {
            this.cols = new ArrayList<>(cols);
            this.meta = key == null ? null : Collections.singletonMap(SourceBlockKey.META_KEY, key);
        }

        public Map<String, String> getMeta() {
            return meta;
        }

        @Override
        public void addColumn(Column column) {
            cols.add(column);
        }

        @Override
        public void setColumn(int i, Column column) {
            cols.set(i, column);
        }

        @Override
        public Column getColumn(int i) {
            return i < cols.size() ? cols.get(i) : null;
        }

        @Override
        public int getColumnNumber() {
            return cols.size();
        }

        @Override
        public int getByteSize() {
            return 0;
        }

        @Override
        public int getMemorySize() {
            return 0;
        }
    }

    @Test
    void keyIsReadFromRecordMetaByReflectionAndAbsentOtherwise() {
        List<Column> cols = List.of(new LongColumn(1L));
        assertEquals("t/0/0-100", SourceBlockKey.of(new MetaRecord(cols, "t/0/0-100")));
        assertNull(SourceBlockKey.of(new MetaRecord(cols, null)), "getMeta() returning null");
        assertNull(SourceBlockKey.of(new PartitionKeyTest.TestRecord(cols)), "a record without getMeta()");
    }

    /**
     * Drives the assembler exactly as ClickHouseWriterTask does in dedup mode: cut where the key changes, and at
     * batchSize within a key. Labels are key + block number within the key, whatever came before.
     */
    @Test
    void blocksAreCutWhereTheKeyChangesAndNamedAfterIt() throws Exception {
        assertEquals(List.of("t/0/0-5.0:3", "t/0/0-5.1:2", "t/1/0-2.0:2", "t/0/5-7.0:2"),
                cut(new String[] {"t/0/0-5", "t/0/0-5", "t/0/0-5", "t/0/0-5", "t/0/0-5", "t/1/0-2", "t/1/0-2",
                    "t/0/5-7", "t/0/5-7"}, 3));
        // The same key range yields the same blocks whether other keys came first (another task layout) or not.
        assertEquals(List.of("t/1/0-2.0:2"), cut(new String[] {"t/1/0-2", "t/1/0-2"}, 3));
    }

    private static List<String> cut(String[] keys, int batchSize) throws Exception {
        RowEncoder enc = new RowEncoder(List.of("id"), List.of(ClickHouseType.parse("UInt64")), UTC);
        BlockAssembler a = new BlockAssembler(enc, null, batchSize, 1 << 20, 100);
        SourceBlockKey sk = new SourceBlockKey();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            MetaRecord r = new MetaRecord(List.of(new LongColumn((long) i)), keys[i]);
            String key = SourceBlockKey.of(r);
            if (sk.changes(key)) {
                flush(a, sk, out);
                sk.start(key);
            }
            a.append(r, a.partitionOf(r));
            if (a.full()) {
                flush(a, sk, out);
            }
        }
        flush(a, sk, out);
        return out;
    }

    private static void flush(BlockAssembler a, SourceBlockKey sk, List<String> out) throws Exception {
        Block b = a.finish(out.size(), sk.label());
        if (b != null) {
            out.add(b.sourceLabel + ":" + b.rows);
            sk.blockWritten();
        }
        a.reset();
    }

    @Test
    void tokensOfKeyedBlocksDependOnTableAndKeyOnly() {
        byte[] bytes = new byte[20];
        Block keyed = new Block(4, "4", bytes, 0, 20, 2, new int[] {10, 20}, "orders/3/1000-2000.0");
        Block plain = new Block(4, "4", bytes, 0, 20, 2, new int[] {10, 20});
        BlockNaming jobA = new BlockNaming("jobA", "dA", "events", 0);
        BlockNaming jobB = new BlockNaming("jobB", "dB", "events", 5);
        assertEquals("chpack-src-events-orders/3/1000-2000.0", jobA.dedupToken(keyed));
        assertEquals(jobA.dedupToken(keyed), jobB.dedupToken(keyed), "other job id and task: same token");
        assertEquals("chpack-dA-events-0-4", jobA.dedupToken(plain), "unchanged without a source key");
        assertNull(new BlockNaming("jobA", null, "events", 0).dedupToken(keyed), "tokens off: none");
        assertEquals("chpack-jobA-0-4-1", jobA.queryId(keyed, 1), "query ids unchanged");
        // Halves of a keyed block (server refused too many partitions) keep distinct, stable tokens.
        assertEquals("orders/3/1000-2000.0a", keyed.firstHalf().sourceLabel);
        assertEquals("orders/3/1000-2000.0b", keyed.secondHalf().sourceLabel);
        assertNull(plain.firstHalf().sourceLabel);
    }

    @Test
    void longOrUnusualKeysAreHashed() {
        String longKey = "x".repeat(300);
        String t = SourceBlockKey.text(longKey);
        assertTrue(t.matches("h[0-9a-f]{16}"), t);
        assertEquals(t, SourceBlockKey.text(longKey));
        assertTrue(SourceBlockKey.text("topic with space/0/0-1").startsWith("h"));
        assertEquals("plain/0/0-1", SourceBlockKey.text("plain/0/0-1"));
    }
}
