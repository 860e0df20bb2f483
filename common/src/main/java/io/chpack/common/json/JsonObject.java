package io.chpack.common.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A JSON object as its members in source order. Duplicate names are kept (RFC 8259 only says they
 * SHOULD be unique); a consumer that needs unique names checks with {@link #firstDuplicateName()}.
 */
public final class JsonObject {
    private final List<String> names = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    void add(String name, Object value) {
        names.add(name);
        values.add(value);
    }

    public int size() {
        return names.size();
    }

    public String nameAt(int i) {
        return names.get(i);
    }

    /** The parsed value: null, Boolean, String, {@link JsonNumber}, List, or JsonObject. */
    public Object valueAt(int i) {
        return values.get(i);
    }

    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    /** The first name that occurs twice, or null when all names are distinct. */
    public String firstDuplicateName() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                return n;
            }
        }
        return null;
    }
}
