package io.chpack.clickhousewriter.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.clickhousewriter.block.Block;
import io.chpack.clickhousewriter.sharding.ServerDialect;
import io.chpack.clickhousewriter.sharding.ShardRouter;
import io.chpack.clickhousewriter.sharding.ShardingColumn;
import io.chpack.clickhousewriter.sharding.ShardingRow;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.rowbinary.RowBinaryOutput;
import io.chpack.common.rowbinary.RowBinaryRowCodec;

/** Plan hand-over, option errors, row splitting and the deterministic random shard, without a server. */
class ClusterPlanTest {
    private static final List<ClickHouseType> TYPES = List.of(ClickHouseType.parse("UInt64"),
            ClickHouseType.parse("String"), ClickHouseType.parse("Int32"));

    @Test
    void planSurvivesTheTaskConfiguration() {
        ClusterPlan p = new ClusterPlan("c", "db", "t_local", "cityHash64(s)", new int[] {1, 3}, true,
                List.of(List.of("h1:8123", "h2:8123"), List.of("h3:8124")));
        Configuration c = Configuration.from("{}");
        p.writeTo(c);
        ClusterPlan q = ClusterPlan.readFrom(Configuration.from(c.toJSON()));
        assertEquals(p.toString(), q.toString());
        assertArrayEquals(new int[] {1, 3}, q.weights);
        assertEquals("h3:8124", q.stagingHost(1).toString());
    }

    @Test
    void optionErrorsNameTheKey() {
        DataXException e = assertThrows(DataXException.class, () -> ClusterOptions.parse(Configuration.from(
                "{\"internalReplication\":\"maybe\"}")));
        assertTrue(e.getMessage().contains("parameter.internalReplication"), e.getMessage());
        e = assertThrows(DataXException.class, () -> ClusterOptions.parse(Configuration.from(
                "{\"shardingKey\":\"rand()\"}")));
        assertTrue(e.getMessage().contains("parameter.cluster"), e.getMessage());
        e = assertThrows(DataXException.class, () -> ClusterOptions.parse(Configuration.from(
                "{\"clusterHttpEndpoints\":{\"h:9000\":\"nohttpport\"}}")));
        assertTrue(e.getMessage().contains("parameter.clusterHttpEndpoints"), e.getMessage());
    }

    @Test
    void rowsAreSplitAtTheirBoundariesToTheRoutersShard() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (long i = 0; i < 50; i++) {
            rows.add(new Object[] {i, "s" + i * 7919, (long) (i * 31 - 700)});
        }
        Block b = block(rows);
        ShardRouter router = ShardRouter.create("i % 3", columns(), new int[] {1, 1, 1}, ServerDialect.CURRENT);
        RowRouter rr = new RowRouter(router, TYPES, 1);
        List<int[]> seen = new ArrayList<>();
        rr.route(b, (shard, start, end) -> seen.add(new int[] {shard, start, end}));
        assertEquals(50, seen.size());
        int prev = b.offset;
        for (int k = 0; k < seen.size(); k++) {
            assertEquals(prev, seen.get(k)[1]);
            prev = seen.get(k)[2];
            assertEquals(router.shardIndex(ShardingRow.of(rows.get(k))), seen.get(k)[0]);
        }
        assertEquals(b.offset + b.length, prev);
    }

    @Test
    void randomKeysSendAWholeBlockToAShardDrawnByWeightAndRepeatable() throws IOException {
        ShardRouter router = ShardRouter.create("rand()", columns(), new int[] {1, 3}, ServerDialect.LEGACY);
        RowRouter a = new RowRouter(router, TYPES, 42);
        RowRouter again = new RowRouter(router, TYPES, 42);
        int[] perShard = new int[2];
        for (long n = 0; n < 4000; n++) {
            assertEquals(a.randomShard(n), again.randomShard(n));
            perShard[a.randomShard(n)]++;
        }
        double ratio = perShard[1] / (double) perShard[0];
        assertTrue(ratio > 2.6 && ratio < 3.4, ratio + " " + perShard[0] + ":" + perShard[1]);
        List<Integer> shards = new ArrayList<>();
        a.route(block(List.of(new Object[] {1L, "x", 1L}, new Object[] {2L, "y", 2L})), (s, x, y) -> shards.add(s));
        assertEquals(shards.get(0), shards.get(1));
    }

    @Test
    void pathTemplatesMatchOneSegmentPerMacro() {
        String re = ZooKeeperReplicas.segmentRegex("s{shard}_x");
        assertTrue("s01_x".matches(re));
        assertTrue(!"s01/x_x".matches(re) && !"t01_x".matches(re));
        assertEquals(Map.of("host", "h", "tcp_port", "9000"), ZooKeeperReplicas.fields("host: h\ntcp_port: 9000\n"));
        assertEquals("/chpack/locks/db.a%2Fb%20c", CommitLock.path("/chpack/locks", "db", "a/b c"));
    }

    private static List<ShardingColumn> columns() {
        return List.of(new ShardingColumn("i", TYPES.get(0)), new ShardingColumn("s", TYPES.get(1)),
                new ShardingColumn("k", TYPES.get(2)));
    }

    private static Block block(List<Object[]> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[] {9, 9, 9}); // the block starts at an offset
        RowBinaryRowCodec codec = new RowBinaryRowCodec(TYPES);
        int[] ends = new int[rows.size()];
        try (RowBinaryOutput out = new RowBinaryOutput(bytes, 1024)) {
            for (int i = 0; i < rows.size(); i++) {
                codec.encodeRow(rows.get(i), out);
                out.flush();
                ends[i] = bytes.size();
            }
        }
        byte[] b = bytes.toByteArray();
        return new Block(0, "0", b, 3, b.length - 3, rows.size(), ends);
    }
}
