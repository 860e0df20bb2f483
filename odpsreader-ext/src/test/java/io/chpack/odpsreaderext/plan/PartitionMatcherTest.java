package io.chpack.odpsreaderext.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;

class PartitionMatcherTest {
    private static final List<String> KEYS = List.of("ds", "hh");

    private static Map<String, String> p(String ds, String hh) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ds", ds);
        m.put("hh", hh);
        return m;
    }

    private static final List<Map<String, String>> EXISTING = List.of(p("20260101", "00"), p("20260101", "01"),
            p("20260102", "00"), p("20260201", "10"), p("2026.01.01", "00"));

    private static List<String> select(String... patterns) {
        List<String> out = new ArrayList<>();
        for (Map<String, String> m : PartitionMatcher.select(List.of(patterns), KEYS, EXISTING)) {
            out.add(m.get("ds") + "/" + m.get("hh"));
        }
        return out;
    }

    @Test
    void listsWildcardsAndPrefixesOfKeys() {
        assertEquals(List.of("20260101/00", "20260101/01"), select("ds=20260101"));
        assertEquals(List.of("20260101/00", "20260101/01", "20260102/00"), select("ds=2026010*"));
        assertEquals(List.of("20260101/01"), select("ds='20260101',hh=?1", "hh=01"));
        assertEquals(List.of("20260101/00", "20260102/00", "2026.01.01/00"), select("hh=00"));
        assertEquals(5, select("*").size());
        assertEquals(List.of("2026.01.01/00"), select("ds=2026.01.*"), "'.' is literal");
        assertEquals(List.of("20260201/10"), select("DS=20260201/HH=10"));
    }

    @Test
    void patternsThatMatchNothingOrNameNoKeyFail() {
        DataXException none = assertThrows(DataXException.class, () -> select("ds=2026010*", "ds=2030*"));
        assertTrue(none.getMessage().contains("'ds=2030*' matches no partition"), none.getMessage());
        DataXException key = assertThrows(DataXException.class, () -> select("dt=1"));
        assertTrue(key.getMessage().contains("'dt', which is not a partition key"), key.getMessage());
        assertThrows(DataXException.class, () -> select("ds"));
        assertThrows(DataXException.class, () -> select("ds=1,ds=2"));
    }
}
