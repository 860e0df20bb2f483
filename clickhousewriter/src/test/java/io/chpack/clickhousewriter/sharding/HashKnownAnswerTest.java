package io.chpack.clickhousewriter.sharding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Known answers printed by the servers themselves (ClickHouse 18.16.1 via clickhouse-client and the 26.7
 * engine via chDB gave identical values for every function both have). The bulk comparisons over thousands
 * of generated inputs are in {@link HashConformance1816Test} and {@link HashConformance26Test}; these pin a
 * few values so a broken port fails without any server.
 */
class HashKnownAnswerTest {
    private static long u(String unsigned) {
        return Long.parseUnsignedLong(unsigned);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static long key(String expr, List<ShardingColumn> cols, Object... row) {
        return ShardingKey.compile(expr, cols, ServerDialect.CURRENT).evaluate(ShardingRow.of(row));
    }

    @Test
    void cityHash64OfStrings() {
        assertEquals(u("11160318154034397263"), CityHash102.cityHash64(b("")));
        assertEquals(u("2603192927274642682"), CityHash102.cityHash64(b("a")));
        assertEquals(u("174674430866144721"), CityHash102.cityHash64(new byte[] {'a', 0, 'b'}));
    }

    @Test
    void intHashes() {
        assertEquals(u("4761183170873013810"), IntHashes.intHash64(0));
        assertEquals(u("10577349846663553072"), IntHashes.intHash64(1));
        assertEquals(u("14600443904207254319"), IntHashes.intHash64(-1));
        assertEquals(4249604106L, IntHashes.intHash32(0));
        assertEquals(1343103100L, IntHashes.intHash32(1));
        assertEquals(3545659993L, IntHashes.intHash32(-1));
        assertEquals(4243176437L, IntHashes.intHash32(255));
    }

    @Test
    void byteHashesOfShortStrings() {
        assertEquals(u("2202906307356721367"), SipHash64.hash(b("")));
        assertEquals(0L, MurmurHash.murmur3x32(b(""), 0));
        assertEquals(0L, HashFunction.MURMUR_HASH3_64.hashString(b("")));
        assertEquals(u("17241709254077376921"), XxHash.xxHash64(b(""), 0));
        assertEquals(u("15154266338359012955"), XxHash.xxHash64(b("a"), 0));
        assertEquals(1426945110L, XxHash.xxHash32(b("a"), 0));
        assertEquals(97, JavaHash.hashBytes(b("a")));
        assertEquals(96254, JavaHash.hashBytes(new byte[] {'a', 'b', (byte) 0xFF}));
    }

    @Test
    void integerArgumentsFollowEachFunctionsRule() {
        List<ShardingColumn> cols = List.of(ShardingColumn.of("u8", "UInt8"), ShardingColumn.of("u64", "UInt64"),
                ShardingColumn.of("i8", "Int8"), ShardingColumn.of("i64", "Int64"));
        Object[] row = {1L, 1L, -1L, -1L};
        // cityHash64: intHash64 of the zero-extended value, so UInt8 1 and UInt64 1 agree; Int8 -1 is 255.
        assertEquals(u("10577349846663553072"), key("cityHash64(u8)", cols, row));
        assertEquals(u("10577349846663553072"), key("cityHash64(u64)", cols, row));
        assertEquals(u("8055013221972926055"), key("cityHash64(i8)", cols, row));
        // sipHash64 / murmur hash the value's bytes, so the width matters.
        assertEquals(u("7385293435322750976"), key("sipHash64(u8)", cols, row));
        assertEquals(u("9224715256000962398"), key("sipHash64(u64)", cols, row));
        assertEquals(3831157163L, key("murmurHash3_32(u8)", cols, row));
        assertEquals(1392991556L, key("murmurHash3_32(u64)", cols, row));
        assertEquals(0L, key("murmurHash2_32(u8)", cols, row));
        assertEquals(u("12725806677685968135"), key("murmurHash2_64(u8)", cols, row));
        assertEquals(u("10357027354812746030"), key("murmurHash2_64(u64)", cols, row));
        assertEquals(u("956517343494314387"), key("murmurHash3_64(u8)", cols, row));
        assertEquals(u("9962287286179718960"), key("xxHash64(u8)", cols, row));
        assertEquals(u("11468921228449061269"), key("xxHash64(u64)", cols, row));
        // javaHash(Int64 -1) is Long.hashCode(-1) = 0; intHash64 sign-extends.
        assertEquals(0L, key("javaHash(i64)", cols, row));
        assertEquals(u("14600443904207254319"), key("intHash64(i8)", cols, row));
    }

    @Test
    void severalArgumentsAreCombinedPerFunction() {
        List<ShardingColumn> cols = List.of(ShardingColumn.of("a", "String"), ShardingColumn.of("b", "String"));
        Object[] row = {"a", "b"};
        assertEquals(u("7468329322676821011"), key("cityHash64(a, b)", cols, row));
        assertEquals(u("1193743241355087095"), key("sipHash64(a, b)", cols, row));
        assertEquals(u("18305627054227103971"), key("murmurHash3_64(a, b)", cols, row));
        assertEquals(u("6575459576158992452"), key("murmurHash2_64(a, b)", cols, row));
        assertEquals(2171431463L, key("murmurHash2_32(a, b)", cols, row));
        assertEquals(914284213L, key("murmurHash3_32(a, b)", cols, row));
        assertEquals(u("14756808377901732262"), key("xxHash64(a, b)", cols, row));
        assertEquals(1353805580L, key("xxHash32(a, b)", cols, row));
    }

    @Test
    void literalsAndMixedTypes() {
        List<ShardingColumn> cols = List.of(ShardingColumn.of("i", "Int32"), ShardingColumn.of("s", "String"),
                ShardingColumn.of("d", "Date"), ShardingColumn.of("f", "FixedString(4)"));
        Object[] row = {-7L, "x", java.time.LocalDate.of(2020, 1, 1), "ab"};
        assertEquals(u("16428235245343920895"), key("cityHash64(i, s, d)", cols, row));
        assertEquals(u("13081758195702844454"), key("sipHash64(i, s, d)", cols, row));
        assertEquals(u("6817702824740635125"), key("cityHash64(d)", cols, row));
        // FixedString hashes all N bytes, padding included: cityHash64(toFixedString('ab', 4)) = cityHash64('ab\0\0').
        assertEquals(u("17250913062071214179"), key("cityHash64(f)", cols, row));
        assertEquals(3410553472L, key("murmurHash3_32(1, 2)", cols, row));
        assertEquals(u("13747979201178469747"), key("sipHash64(1, 2)", cols, row));
    }
}
