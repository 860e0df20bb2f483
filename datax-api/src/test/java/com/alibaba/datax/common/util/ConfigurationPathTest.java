package com.alibaba.datax.common.util;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigurationPathTest {

    private static final String JOB = "{\"job\":{\"content\":[{\"reader\":{\"name\":\"mysqlreader\","
            + "\"parameter\":{\"column\":[\"id\",\"name\"],\"connection\":[{\"jdbcUrl\":[\"jdbc:a\",\"jdbc:b\"],"
            + "\"table\":[\"t1\"]}]}}}],\"setting\":{\"speed\":{\"channel\":4}}}}";

    @Test
    void getWalksMapsAndListIndexes() {
        Configuration conf = Configuration.from(JOB);
        assertEquals("mysqlreader", conf.getString("job.content[0].reader.name"));
        assertEquals("jdbc:b", conf.getString("job.content[0].reader.parameter.connection[0].jdbcUrl[1]"));
        assertEquals(4, conf.get("job.setting.speed.channel"));
        assertEquals(Integer.valueOf(4), conf.getInt("job.setting.speed.channel"));
        assertSame(conf.getInternal(), conf.get(""));
    }

    @Test
    void missingOrMistypedStepsGiveNull() {
        Configuration conf = Configuration.from(JOB);
        assertNull(conf.get("job.nothing.here"));
        assertNull(conf.get("job.content[5].reader"));
        assertNull(conf.get("job.content.reader"), "map step on a list");
        assertNull(conf.get("job.setting[0]"), "index step on a map");
        assertNull(conf.get("job.content[x]"));
        assertEquals("fallback", conf.getString("job.nope", "fallback"));
        assertThrows(IllegalArgumentException.class, () -> conf.get(null));
    }

    @Test
    void topLevelListIsAddressedByIndex() {
        Configuration conf = Configuration.from("[{\"a\":1},{\"a\":[10,20]}]");
        assertEquals(1, conf.get("[0].a"));
        assertEquals(20, conf.get("[1].a[1]"));
        conf.set("[2].b", "x");
        assertEquals("[{\"a\":1},{\"a\":[10,20]},{\"b\":\"x\"}]", conf.toJSON());
    }

    @Test
    void setCreatesIntermediateNodesAndPadsLists() {
        Configuration conf = Configuration.newDefault();
        assertNull(conf.set("a.b[2].c", "v"));
        assertEquals("{\"a\":{\"b\":[null,null,{\"c\":\"v\"}]}}", conf.toJSON());
        assertEquals(Arrays.asList(null, null), conf.getList("a.b").subList(0, 2));

        Object previous = conf.set("a.b[2].c", 7);
        assertEquals("v", previous);
        assertEquals(7, conf.get("a.b[2].c"));
    }

    @Test
    void setReplacesNodesOfTheWrongKind() {
        Configuration conf = Configuration.from("{\"a\":\"scalar\",\"l\":{\"k\":1}}");
        conf.set("a.b", 1);
        conf.set("l[1]", "x");
        assertEquals("{\"a\":{\"b\":1},\"l\":[null,\"x\"]}", conf.toJSON());
    }

    @Test
    void setRootToScalarIsRejected() {
        Configuration conf = Configuration.newDefault();
        DataXException e = assertThrows(DataXException.class, () -> conf.set("", "x"));
        assertEquals(CommonErrorCode.RUNTIME_ERROR, e.getErrorCode());
    }

    @Test
    void setCopiesContainersAndUnwrapsConfigurations() {
        Configuration conf = Configuration.newDefault();
        List<Object> columns = new ArrayList<>(Arrays.asList("id", "name"));
        conf.set("column", columns);
        columns.add("late");
        assertEquals(Arrays.asList("id", "name"), conf.getList("column"));

        Configuration sub = Configuration.from("{\"x\":{\"y\":true}}");
        conf.set("sub", sub);
        conf.set("subs", Arrays.asList(sub, sub));
        conf.set("arr", new int[] {1, 2});
        conf.set("immutable", Collections.singletonMap("k", "v"));
        conf.set("immutable.k2", "v2");
        assertEquals(Boolean.TRUE, conf.getBool("sub.x.y"));
        assertEquals(Boolean.TRUE, conf.getBool("subs[1].x.y"));
        assertEquals(2, conf.get("arr[1]"));
        assertEquals("v2", conf.getString("immutable.k2"));
        sub.set("x.y", false);
        assertEquals(Boolean.TRUE, conf.getBool("sub.x.y"), "the stored copy is independent");
    }

    @Test
    void getConfigurationIsADeepCopy() {
        Configuration conf = Configuration.from(JOB);
        Configuration reader = conf.getConfiguration("job.content[0].reader");
        assertEquals("mysqlreader", reader.getString("name"));
        reader.set("name", "changed");
        assertEquals("mysqlreader", conf.getString("job.content[0].reader.name"));
        assertNull(conf.getConfiguration("job.none"));
    }

    @Test
    void listAndMapAccessors() {
        Configuration conf = Configuration.from(JOB);
        assertEquals(Arrays.asList("id", "name"),
                conf.getList("job.content[0].reader.parameter.column", String.class));
        List<Configuration> connections =
                conf.getListConfiguration("job.content[0].reader.parameter.connection");
        assertEquals(1, connections.size());
        assertEquals(Arrays.asList("jdbc:a", "jdbc:b"), connections.get(0).getList("jdbcUrl", String.class));
        assertNull(conf.getListConfiguration("job.none"));

        Map<String, Object> speed = conf.getMap("job.setting.speed");
        assertEquals(Collections.singletonMap("channel", 4), speed);
        assertEquals(4, conf.getMap("job.setting.speed", Integer.class).get("channel"));
        assertEquals(4, conf.getMapConfiguration("job.setting").get("speed").getInt("channel"));

        List<Object> fallback = new ArrayList<>();
        assertSame(fallback, conf.getList("job.none", fallback));
        Map<String, Object> fallbackMap = new LinkedHashMap<>();
        assertSame(fallbackMap, conf.getMap("job.none", fallbackMap));
        assertThrows(ClassCastException.class, () -> conf.getList("job.setting"));
    }

    @Test
    void getListReturnsTheLiveNode() {
        Configuration conf = Configuration.from("{\"l\":[1]}");
        conf.getList("l").add(2);
        assertEquals("{\"l\":[1,2]}", conf.toJSON());
    }

    @Test
    void removeDeletesEntriesAndNullsListElements() {
        Configuration conf = Configuration.from("{\"a\":{\"b\":1,\"c\":2},\"l\":[\"x\",\"y\",\"z\"]}");
        assertEquals(1, conf.remove("a.b"));
        assertEquals("y", conf.remove("l[1]"));
        assertEquals("{\"a\":{\"c\":2},\"l\":[\"x\",null,\"z\"]}", conf.toJSON());
        assertFalse(conf.getMap("a").containsKey("b"));
        assertEquals("z", conf.getString("l[2]"), "siblings keep their index");

        DataXException e = assertThrows(DataXException.class, () -> conf.remove("a.missing"));
        assertEquals(CommonErrorCode.RUNTIME_ERROR, e.getErrorCode());
        assertTrue(e.getMessage().contains("a.missing"), e.getMessage());
    }

    @Test
    void getKeysListsEveryLeafPath() {
        Configuration conf = Configuration.from(
                "{\"a\":{\"b\":{\"c\":[0,1]}},\"x\":\"y\",\"empty\":{},\"none\":[],\"n\":null}");
        Set<String> expected = new TreeSet<>(Arrays.asList("a.b.c[0]", "a.b.c[1]", "x", "n"));
        assertEquals(expected, new TreeSet<>(conf.getKeys()));
        assertEquals(new TreeSet<>(Arrays.asList("[0]", "[1].k")),
                new TreeSet<>(Configuration.from("[1,{\"k\":2}]").getKeys()));
    }

    @Test
    void mergeHonoursTheConflictPolicy() {
        String base = "{\"a\":1,\"b\":{\"c\":2},\"l\":[1]}";
        String other = "{\"a\":10,\"b\":{\"d\":3},\"l\":[5,6]}";

        Configuration keep = Configuration.from(base);
        assertSame(keep, keep.merge(Configuration.from(other), false));
        assertEquals("{\"a\":1,\"b\":{\"c\":2,\"d\":3},\"l\":[1,6]}", keep.toJSON());

        Configuration update = Configuration.from(base).merge(Configuration.from(other), true);
        assertEquals("{\"a\":10,\"b\":{\"c\":2,\"d\":3},\"l\":[5,6]}", update.toJSON());
    }

    @Test
    void cloneIsDeepAndKeepsSecretPaths() {
        Configuration conf = Configuration.from(JOB);
        conf.addSecretKeyPath("job.content[0].reader.parameter.password");
        conf.addSecretKeyPath("  ");
        Configuration copy = conf.clone();
        assertNotSame(conf, copy);
        assertEquals(conf.toJSON(), copy.toJSON());
        copy.set("job.setting.speed.channel", 1);
        assertEquals(4, conf.get("job.setting.speed.channel"));
        assertTrue(copy.isSecretPath("job.content[0].reader.parameter.password"));
        assertEquals(1, copy.getSecretKeyPathSet().size());
    }

    @Test
    void fromMapAndListCopyTheInput() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("k", new ArrayList<>(Arrays.asList(1, 2)));
        Configuration conf = Configuration.from(map);
        map.put("k", "changed");
        assertEquals("[1,2]", conf.getString("k"));
        assertEquals(2, Configuration.from(Arrays.<Object>asList("a", "b")).getList("").size());
    }
}
