package com.alibaba.datax.common.util;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the object and array nodes of a Configuration tree.
 *
 * <p>The real engine parses jobs with fastjson2, so its trees hold {@code com.alibaba.fastjson2.JSONObject}
 * and {@code JSONArray} nodes, and stock DataX plugins depend on that (e.g.
 * {@code getList("column", JSONObject.class)} and then iterating as JSONObject). When fastjson2 is on the
 * engine's classpath (the chpack runner's lib/ carries the same fastjson2 as DataX's), nodes are created
 * as those classes so such plugins run unchanged. They extend LinkedHashMap and ArrayList, so the rest
 * of this package never needs to know. Without fastjson2 (a plugin's unit tests), plain collections.
 */
final class JsonContainers {
    private static final String FASTJSON2_OBJECT = "com.alibaba.fastjson2.JSONObject";
    private static final String FASTJSON2_ARRAY = "com.alibaba.fastjson2.JSONArray";

    private static final JsonContainers DEFAULT = forClassLoader(JsonContainers.class.getClassLoader());

    private final Constructor<?> objectConstructor;
    private final Constructor<?> arrayConstructor;

    private JsonContainers(Constructor<?> objectConstructor, Constructor<?> arrayConstructor) {
        this.objectConstructor = objectConstructor;
        this.arrayConstructor = arrayConstructor;
    }

    static JsonContainers get() {
        return DEFAULT;
    }

    static JsonContainers forClassLoader(ClassLoader loader) {
        try {
            Class<?> object = Class.forName(FASTJSON2_OBJECT, false, loader);
            Class<?> array = Class.forName(FASTJSON2_ARRAY, false, loader);
            if (LinkedHashMap.class.isAssignableFrom(object) && ArrayList.class.isAssignableFrom(array)) {
                return new JsonContainers(object.getConstructor(), array.getConstructor());
            }
        } catch (ClassNotFoundException | NoSuchMethodException | LinkageError e) {
            // No (usable) fastjson2 here: plain collections.
        }
        return new JsonContainers(null, null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> newObject() {
        if (objectConstructor != null) {
            try {
                return (Map<String, Object>) objectConstructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + FASTJSON2_OBJECT, e);
            }
        }
        return new LinkedHashMap<String, Object>();
    }

    @SuppressWarnings("unchecked")
    List<Object> newArray() {
        if (arrayConstructor != null) {
            try {
                return (List<Object>) arrayConstructor.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot create " + FASTJSON2_ARRAY, e);
            }
        }
        return new ArrayList<Object>();
    }
}
