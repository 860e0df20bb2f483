package io.chpack.common.chtype;

import java.util.List;

/** Writes a type in the server's canonical spelling (", " between arguments, names quoted as needed). */
final class TypeRenderer {
    private TypeRenderer() {
    }

    static String render(ClickHouseType t) {
        StringBuilder sb = new StringBuilder();
        append(sb, t);
        return sb.toString();
    }

    private static void append(StringBuilder sb, ClickHouseType t) {
        ClickHouseTypeKind kind = t.kind();
        switch (kind) {
            case DECIMAL:
                sb.append("Decimal(").append(t.rawPrecision()).append(", ").append(t.rawScale()).append(')');
                return;
            case FIXED_STRING:
                sb.append("FixedString(").append(t.rawLength()).append(')');
                return;
            case DATETIME:
                sb.append("DateTime");
                if (t.rawTimeZone() != null) {
                    sb.append('(');
                    QuotedNames.appendSingleQuoted(sb, t.rawTimeZone());
                    sb.append(')');
                }
                return;
            case DATETIME64:
                sb.append("DateTime64(").append(t.rawPrecision());
                if (t.rawTimeZone() != null) {
                    sb.append(", ");
                    QuotedNames.appendSingleQuoted(sb, t.rawTimeZone());
                }
                sb.append(')');
                return;
            case ENUM8:
            case ENUM16:
                sb.append(kind.typeName()).append('(').append(t.rawEnumValues()).append(')');
                return;
            case NULLABLE:
            case LOW_CARDINALITY:
            case ARRAY:
            case MAP:
            case TUPLE:
            case NESTED:
                sb.append(kind.typeName()).append('(');
                appendElements(sb, t.children(), t.rawElementNames());
                sb.append(')');
                return;
            default:
                sb.append(kind.typeName());
        }
    }

    private static void appendElements(StringBuilder sb, List<ClickHouseType> types, List<String> names) {
        for (int i = 0; i < types.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            if (names != null) {
                QuotedNames.appendElementName(sb, names.get(i));
                sb.append(' ');
            }
            sb.append(types.get(i).toString());
        }
    }
}
