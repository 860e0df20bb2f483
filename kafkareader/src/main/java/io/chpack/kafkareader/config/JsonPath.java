package io.chpack.kafkareader.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.chpack.common.json.JsonObject;

/**
 * A small JSONPath subset: {@code $.a.b[0].c}, {@code a.b}, {@code $['a.b']}, {@code ["x"][1]}. Steps are member
 * names or array indexes; resolving follows them and says whether the value is missing (distinct from JSON null).
 */
public final class JsonPath {
    /** What {@link #resolve} returns for a missing member or index. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "<missing>";
        }
    };

    private final String text;
    /** String member names or Integer indexes. */
    private final List<Object> steps;

    private JsonPath(String text, List<Object> steps) {
        this.text = text;
        this.steps = steps;
    }

    public static JsonPath parse(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty JSON path");
        }
        List<Object> steps = new ArrayList<Object>();
        int i = 0;
        if (s.charAt(0) == '$') {
            i = 1;
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
            }
            if (i == s.length()) {
                return new JsonPath(text, Collections.emptyList());
            }
        }
        boolean expectName = s.charAt(i) != '[';
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '[') {
                int close = s.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("JSON path '" + text + "': unclosed [");
                }
                String inner = s.substring(i + 1, close).trim();
                if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
                        && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
                    steps.add(inner.substring(1, inner.length() - 1));
                } else {
                    try {
                        int idx = Integer.parseInt(inner);
                        if (idx < 0) {
                            throw new NumberFormatException();
                        }
                        steps.add(Integer.valueOf(idx));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("JSON path '" + text + "': [" + inner
                                + "] is neither an index nor a quoted name");
                    }
                }
                i = close + 1;
                if (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    if (i == s.length()) {
                        throw new IllegalArgumentException("JSON path '" + text + "' ends with '.'");
                    }
                }
                expectName = i < s.length() && s.charAt(i) != '[';
            } else if (expectName) {
                int end = i;
                while (end < s.length() && s.charAt(end) != '.' && s.charAt(end) != '[') {
                    end++;
                }
                if (end == i) {
                    throw new IllegalArgumentException("JSON path '" + text + "': empty member name");
                }
                steps.add(s.substring(i, end));
                i = end;
                if (i < s.length() && s.charAt(i) == '.') {
                    i++;
                    if (i == s.length()) {
                        throw new IllegalArgumentException("JSON path '" + text + "' ends with '.'");
                    }
                    expectName = s.charAt(i) != '[';
                } else {
                    expectName = false;
                }
            } else {
                throw new IllegalArgumentException("JSON path '" + text + "': unexpected '" + c + "'");
            }
        }
        return new JsonPath(text, Collections.unmodifiableList(steps));
    }

    /** The value at this path (null for JSON null), or {@link #MISSING}. */
    public Object resolve(Object root) {
        Object cur = root;
        for (Object step : steps) {
            if (step instanceof String) {
                if (!(cur instanceof JsonObject)) {
                    return MISSING;
                }
                JsonObject o = (JsonObject) cur;
                Object found = MISSING;
                String name = (String) step;
                for (int k = o.size() - 1; k >= 0; k--) { // last duplicate wins, as in most JSON libraries
                    if (o.nameAt(k).equals(name)) {
                        found = o.valueAt(k);
                        break;
                    }
                }
                if (found == MISSING) {
                    return MISSING;
                }
                cur = found;
            } else {
                if (!(cur instanceof List)) {
                    return MISSING;
                }
                List<?> l = (List<?>) cur;
                int idx = ((Integer) step).intValue();
                if (idx >= l.size()) {
                    return MISSING;
                }
                cur = l.get(idx);
            }
        }
        return cur;
    }

    public int depth() {
        return steps.size();
    }

    @Override
    public String toString() {
        return text;
    }
}
