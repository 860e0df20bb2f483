package io.chpack.kafkareader.codec;

import java.util.List;

import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonObject;
import io.chpack.common.json.JsonStrings;

/** Renders a parsed JSON value (from common's JsonParser) back to compact JSON text. */
final class JsonText {
    private JsonText() {
    }

    static String of(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.toString();
    }

    static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String) {
            JsonStrings.appendQuoted(sb, (String) v);
        } else if (v instanceof JsonNumber || v instanceof Boolean) {
            sb.append(v.toString());
        } else if (v instanceof List) {
            sb.append('[');
            List<?> l = (List<?>) v;
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                append(sb, l.get(i));
            }
            sb.append(']');
        } else if (v instanceof JsonObject) {
            JsonObject o = (JsonObject) v;
            sb.append('{');
            for (int i = 0; i < o.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                JsonStrings.appendQuoted(sb, o.nameAt(i)).append(':');
                append(sb, o.valueAt(i));
            }
            sb.append('}');
        } else {
            JsonStrings.appendQuoted(sb, v.toString());
        }
    }
}
