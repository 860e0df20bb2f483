package com.alibaba.datax.common.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.fastjson2.JSONArray;
import com.alibaba.fastjson2.JSONObject;
import org.junit.jupiter.api.Test;

/** Stock DataX plugins cast Configuration nodes to fastjson2 types; the tree must hold those when it can. */
class JsonContainersTest {

    @Test
    void parsedObjectsAreFastjson2NodesSoStockPluginsCanCastThem() {
        Configuration job = Configuration.from(
                "{\"column\":[{\"type\":\"long\",\"value\":1},{\"type\":\"string\",\"value\":\"a\"}],\"m\":{\"k\":[1,2]}}");
        List<JSONObject> columns = job.getList("column", JSONObject.class);
        int seen = 0;
        for (JSONObject column : columns) { // the cast the stock streamreader performs
            assertTrue(column.containsKey("type"));
            seen++;
        }
        assertEquals(2, seen);
        assertSame(JSONObject.class, job.get("m").getClass());
        assertSame(JSONArray.class, job.get("m.k").getClass());
        assertSame(JSONArray.class, job.get("column").getClass());
    }

    @Test
    void nodesCreatedBySetAndCopiesAreFastjson2Too() {
        Configuration conf = Configuration.newDefault();
        conf.set("a.b[1].c", "x");
        assertSame(JSONObject.class, conf.get("a").getClass());
        assertSame(JSONArray.class, conf.get("a.b").getClass());
        Map<String, Object> plain = new LinkedHashMap<String, Object>();
        plain.put("k", new ArrayList<Object>());
        conf.set("p", plain);
        assertSame(JSONObject.class, conf.get("p").getClass());
        assertSame(JSONArray.class, conf.get("p.k").getClass());
        assertSame(JSONObject.class, conf.clone().get("a").getClass());
    }

    @Test
    void withoutFastjson2PlainCollectionsAreUsed() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            JsonContainers containers = JsonContainers.forClassLoader(bare);
            assertSame(LinkedHashMap.class, containers.newObject().getClass());
            assertSame(ArrayList.class, containers.newArray().getClass());
        }
    }
}
