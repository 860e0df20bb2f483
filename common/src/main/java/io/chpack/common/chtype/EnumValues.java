package io.chpack.common.chtype;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries of an Enum8/Enum16 type: name ⇄ value, kept sorted by value the way the server stores
 * and reports them, so that a parsed type prints exactly like {@code system.columns.type}.
 */
public final class EnumValues {
    private final List<String> names;
    private final int[] values;
    private final Map<String, Integer> valueByName;
    private final Map<Integer, String> nameByValue;

    private EnumValues(List<String> names, int[] values) {
        this.names = Collections.unmodifiableList(names);
        this.values = values;
        this.valueByName = new HashMap<>();
        this.nameByValue = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            valueByName.put(names.get(i), values[i]);
            nameByValue.put(values[i], names.get(i));
        }
    }

    /**
     * Entries in any order; sorted by value here. Duplicate names or values are rejected, as the server
     * does.
     *
     * @throws IllegalArgumentException on an empty, duplicate or out-of-range entry list
     */
    public static EnumValues of(Map<String, Integer> entries, int min, int max) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("an Enum needs at least one entry");
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(entries.entrySet());
        sorted.sort(Map.Entry.comparingByValue());
        List<String> names = new ArrayList<>(sorted.size());
        int[] values = new int[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            Map.Entry<String, Integer> e = sorted.get(i);
            int v = e.getValue();
            if (v < min || v > max) {
                throw new IllegalArgumentException("Enum value " + v + " of '" + e.getKey() + "' is outside ["
                        + min + ", " + max + "]");
            }
            if (i > 0 && values[i - 1] == v) {
                throw new IllegalArgumentException("Enum value " + v + " is used by both '" + names.get(i - 1)
                        + "' and '" + e.getKey() + "'");
            }
            names.add(e.getKey());
            values[i] = v;
        }
        return new EnumValues(names, values);
    }

    public int size() {
        return values.length;
    }

    /** Entry names in ascending value order. */
    public List<String> names() {
        return names;
    }

    /** The i-th value in ascending order. */
    public int valueAt(int index) {
        return values[index];
    }

    public String nameAt(int index) {
        return names.get(index);
    }

    /** The value of a name, or null if the Enum has no such name. */
    public Integer valueOf(String name) {
        return valueByName.get(name);
    }

    /** The name of a value, or null if the Enum has no such value. */
    public String nameOf(int value) {
        return nameByValue.get(value);
    }

    public boolean containsValue(int value) {
        return nameByValue.containsKey(value);
    }

    /** Name → value in ascending value order (a copy). */
    public Map<String, Integer> asMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof EnumValues)) {
            return false;
        }
        EnumValues other = (EnumValues) o;
        return names.equals(other.names) && java.util.Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * names.hashCode() + java.util.Arrays.hashCode(values);
    }

    /** The server's spelling of the entry list: {@code 'a' = 1, 'b' = 2}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            QuotedNames.appendSingleQuoted(sb, names.get(i));
            sb.append(" = ").append(values[i]);
        }
        return sb.toString();
    }
}
