package io.chpack.common.convert;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.DataXException;
import io.chpack.common.json.JsonNumber;
import io.chpack.common.json.JsonParser;
import io.chpack.common.json.JsonSyntaxException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * JSON text in a Column → a parsed tree, and JSON values → Columns for the element writers, so elements
 * follow exactly the rules of top-level values: a JSON integer literal is a LongColumn, any other number
 * (and {@code -0}, whose sign a Float keeps) a DoubleColumn (exact text), a string a StringColumn, true/false a BoolColumn, null a NULL, and nested
 * arrays/objects a {@link JsonElementColumn}.
 */
final class JsonValues {
    private JsonValues() {
    }

    /** The parsed JSON of a StringColumn, a BytesColumn holding UTF-8, or an already parsed element. */
    static Object tree(Column c, Object raw, String typeName) {
        if (c instanceof JsonElementColumn) {
            return raw;
        }
        String text;
        if (raw instanceof String && c.getType() == Column.Type.STRING) {
            text = (String) raw;
        } else if (raw instanceof byte[] && c instanceof BytesColumn) {
            byte[] b = (byte[]) raw;
            if (!Utf8Check.isValid(b, 0, b.length)) {
                throw new Reject("the bytes are not UTF-8, so not JSON text for " + typeName);
            }
            text = new String(b, StandardCharsets.UTF_8);
        } else {
            throw new Reject("no rule converts a " + ValueText.columnType(c) + " to " + typeName
                    + " (expected JSON text in a StringColumn or BytesColumn)");
        }
        try {
            return JsonParser.parse(text);
        } catch (JsonSyntaxException e) {
            throw new Reject("not valid JSON for " + typeName + ": " + e.getMessage());
        }
    }

    static Column column(Object node) {
        if (node == null) {
            return null;
        }
        if (node instanceof String) {
            return new StringColumn((String) node);
        }
        if (node instanceof Boolean) {
            return new BoolColumn((Boolean) node);
        }
        if (node instanceof JsonNumber) {
            JsonNumber n = (JsonNumber) node;
            if (n.isIntegerLiteral() && !"-0".equals(n.text())) { // -0 keeps its sign for float targets
                String t = n.text();
                return t.length() <= 18 ? new LongColumn(Long.parseLong(t)) : new LongColumn(new BigInteger(t));
            }
            try {
                return new DoubleColumn(n.text());
            } catch (DataXException e) { // exponent beyond int range
                throw new Reject("JSON number " + ValueText.truncate(n.text()) + " is out of any ClickHouse range");
            }
        }
        return new JsonElementColumn(node);
    }

    /** Short description of a JSON value for messages. */
    static String kind(Object node) {
        if (node == null) {
            return "null";
        }
        if (node instanceof String) {
            return "a JSON string";
        }
        if (node instanceof Boolean) {
            return "a JSON boolean";
        }
        if (node instanceof JsonNumber) {
            return "a JSON number";
        }
        return node instanceof java.util.List ? "a JSON array" : "a JSON object";
    }
}
