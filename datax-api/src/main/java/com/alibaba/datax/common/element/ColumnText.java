package com.alibaba.datax.common.element;

import java.util.Base64;

/** Renders a column as JSON text without a JSON library (the module has no dependencies). */
final class ColumnText {

    private ColumnText() {
    }

    static String toJson(Column column) {
        StringBuilder sb = new StringBuilder("{\"byteSize\":").append(column.getByteSize());
        Object raw = column.getRawData();
        if (raw != null) {
            sb.append(",\"rawData\":");
            if (raw instanceof byte[]) {
                quote(sb, Base64.getEncoder().encodeToString((byte[]) raw));
            } else if (raw instanceof Number || raw instanceof Boolean) {
                sb.append(raw);
            } else {
                quote(sb, raw.toString());
            }
        }
        if (column instanceof DateColumn) {
            sb.append(",\"subType\":\"").append(((DateColumn) column).getSubType()).append('"');
        }
        if (column.getType() != null) {
            sb.append(",\"type\":\"").append(column.getType().name()).append('"');
        }
        return sb.append('}').toString();
    }

    private static void quote(StringBuilder sb, String text) {
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
