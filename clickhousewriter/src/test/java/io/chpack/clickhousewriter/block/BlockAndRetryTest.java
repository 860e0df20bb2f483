package io.chpack.clickhousewriter.block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;

import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.convert.RowEncoder;

class BlockAndRetryTest {
    private static final ConversionOptions UTC = ConversionOptions.builder(ZoneId.of("UTC")).build();

    @Test
    void backoffGrowsIsCappedJitteredAndDoubledForTooManyParts() {
        RetryPolicy p = new RetryPolicy(5, 100, 1000, new Random(1));
        for (int i = 0; i < 50; i++) {
            long first = p.pauseMs(0, false);
            assertTrue(first >= 50 && first <= 100, "pause " + first);
            long late = p.pauseMs(10, false);
            assertTrue(late >= 500 && late <= 1000, "pause " + late);
            long parts = p.pauseMs(0, true);
            assertTrue(parts >= 100 && parts <= 200, "pause " + parts);
        }
    }

    @Test
    void blocksCutAtRowsAndPartitionsDeterministically() throws Exception {
        List<ClickHouseType> types = List.of(ClickHouseType.parse("UInt64"), ClickHouseType.parse("Date"));
        RowEncoder enc = new RowEncoder(List.of("id", "d"), types, UTC);
        PartitionKey pk = PartitionKey.parse("toYYYYMM(d)", List.of("id", "d"), types, UTC).key;
        BlockAssembler a = new BlockAssembler(enc, pk, 3, 1 << 20, 2);
        String[] dates = {"2024-01-01", "2024-02-01", "2024-01-02", "2024-03-01", "2024-03-02", "2024-03-03",
            "2024-03-04"};
        StringBuilder cuts = new StringBuilder();
        for (int i = 0; i < dates.length; i++) {
            PartitionKeyTest.TestRecord r = new PartitionKeyTest.TestRecord(List.of(new LongColumn(i),
                    new StringColumn(dates[i])));
            String p = a.partitionOf(r);
            if (a.mustCutBefore(p)) {
                cuts.append(a.rows()).append(' ');
                a.finish(0);
                a.reset();
            }
            a.append(r, p);
            if (a.full()) {
                cuts.append(a.rows()).append(' ');
                Block b = a.finish(0);
                assertEquals(a.rows(), b.rows);
                assertEquals(b.rows * 10, b.length); // UInt64 + Date
                a.reset();
            }
        }
        // [Jan, Feb, Jan] full at 3; [Mar, Mar, Mar] full at 3; [Mar]
        assertEquals("3 3 ", cuts.toString());
        assertEquals(1, a.rows());
    }

    @Test
    void splitHalvesCoverTheBlock() {
        byte[] bytes = new byte[50];
        Block b = new Block(7, "7", bytes, 0, 50, 5, new int[] {10, 20, 30, 40, 50});
        Block first = b.firstHalf();
        Block second = b.secondHalf();
        assertEquals(2, first.rows);
        assertEquals(20, first.length);
        assertEquals(3, second.rows);
        assertEquals(20, second.offset);
        assertEquals(30, second.length);
        assertEquals("7a", first.label);
        assertEquals("7b", second.label);
        Block quarter = second.firstHalf();
        assertEquals(1, quarter.rows);
        assertEquals(20, quarter.offset);
        assertEquals(10, quarter.length);
    }
}
