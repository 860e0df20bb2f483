package io.chpack.common.mapping;

import java.util.List;

import io.chpack.common.json.JsonStrings;

/** Writes nested lists of element texts as JSON arrays (the form ClickHouse Array columns are written from). */
final class JsonText {
    private JsonText() {
    }

    /** How a leaf's text is written: as a JSON number, a JSON boolean, or a JSON string. */
    enum Leaf {
        NUMBER, BOOLEAN, STRING
    }

    static String array(List<Object> items, Leaf leaf) {
        StringBuilder sb = new StringBuilder();
        append(sb, items, leaf);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void append(StringBuilder sb, List<Object> items, Leaf leaf) {
        sb.append('[');
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            Object o = items.get(i);
            if (o == null) {
                sb.append("null");
            } else if (o instanceof List) {
                append(sb, (List<Object>) o, leaf);
            } else {
                leaf(sb, (String) o, leaf);
            }
        }
        sb.append(']');
    }

    private static void leaf(StringBuilder sb, String v, Leaf leaf) {
        if (leaf == Leaf.NUMBER && isJsonNumber(v)) {
            sb.append(v);
        } else if (leaf == Leaf.BOOLEAN && (v.equals("t") || v.equals("f"))) {
            sb.append(v.equals("t") ? "true" : "false");
        } else {
            JsonStrings.appendQuoted(sb, v); // NaN, Infinity and everything that is not a number stay strings
        }
    }

    static boolean isJsonNumber(String v) {
        return v.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    }

}
