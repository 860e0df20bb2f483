package io.chpack.common.chtype;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser for ClickHouse type strings as the server prints them (18.16 and 26.x),
 * tolerant of extra whitespace and of the shorthand spellings users write (Decimal32(S), Decimal(P),
 * Enum without values). One instance per string; not thread-safe, use {@link #parse(String)}.
 */
final class ClickHouseTypeParser {
    private static final List<String> JSON_AS_STRING_SETTINGS = Collections.unmodifiableList(Arrays.asList(
            "output_format_binary_write_json_as_string=1", "input_format_binary_read_json_as_string=1"));
    private static final String CAST_REMEDY = "Read it with CAST(col AS String) (or a function that returns a "
            + "supported type) in the reader's querySql; write it through a column of a supported type";

    private final String s;
    private int pos;

    private ClickHouseTypeParser(String s) {
        this.s = s;
    }

    static ClickHouseType parse(String typeString) {
        if (typeString == null) {
            throw new IllegalArgumentException("ClickHouse type string is null");
        }
        ClickHouseTypeParser p = new ClickHouseTypeParser(typeString);
        ClickHouseType t = p.type();
        p.skipSpaces();
        if (p.pos != typeString.length()) {
            throw p.syntax("unexpected '" + typeString.charAt(p.pos) + "' after the type");
        }
        return t;
    }

    private ClickHouseType type() {
        skipSpaces();
        int start = pos;
        if (atEnd()) {
            throw syntax("expected a type name but reached the end");
        }
        if (!isIdentStart(s.charAt(pos))) {
            throw syntax("expected a type name but found '" + s.charAt(pos) + "'");
        }
        String name = identifier();
        int afterName = pos;
        skipSpaces();
        boolean hasArgs = peek('(');
        if (!hasArgs) {
            pos = afterName; // keep trailing spaces for the caller
        }
        try {
            return typeNamed(name, hasArgs, start);
        } catch (IllegalArgumentException e) {
            if (e instanceof ClickHouseTypeSyntaxException || e instanceof UnsupportedClickHouseTypeException) {
                throw e;
            }
            // invalid parameters (Decimal(80, 2), duplicate enum values, …) reported at the type's start
            throw new ClickHouseTypeSyntaxException(s, start, e.getMessage());
        }
    }

    private ClickHouseType typeNamed(String name, boolean hasArgs, int start) {
        switch (name) {
            case "Int8": return simple(ClickHouseTypeKind.INT8, hasArgs);
            case "Int16": return simple(ClickHouseTypeKind.INT16, hasArgs);
            case "Int32": return simple(ClickHouseTypeKind.INT32, hasArgs);
            case "Int64": return simple(ClickHouseTypeKind.INT64, hasArgs);
            case "Int128": return simple(ClickHouseTypeKind.INT128, hasArgs);
            case "Int256": return simple(ClickHouseTypeKind.INT256, hasArgs);
            case "UInt8": return simple(ClickHouseTypeKind.UINT8, hasArgs);
            case "UInt16": return simple(ClickHouseTypeKind.UINT16, hasArgs);
            case "UInt32": return simple(ClickHouseTypeKind.UINT32, hasArgs);
            case "UInt64": return simple(ClickHouseTypeKind.UINT64, hasArgs);
            case "UInt128": return simple(ClickHouseTypeKind.UINT128, hasArgs);
            case "UInt256": return simple(ClickHouseTypeKind.UINT256, hasArgs);
            case "Float32": return simple(ClickHouseTypeKind.FLOAT32, hasArgs);
            case "Float64": return simple(ClickHouseTypeKind.FLOAT64, hasArgs);
            case "BFloat16": return simple(ClickHouseTypeKind.BFLOAT16, hasArgs);
            case "Bool": return simple(ClickHouseTypeKind.BOOL, hasArgs);
            case "String": return simple(ClickHouseTypeKind.STRING, hasArgs);
            case "UUID": return simple(ClickHouseTypeKind.UUID, hasArgs);
            case "Date": return simple(ClickHouseTypeKind.DATE, hasArgs);
            case "Date32": return simple(ClickHouseTypeKind.DATE32, hasArgs);
            case "IPv4": return simple(ClickHouseTypeKind.IPV4, hasArgs);
            case "IPv6": return simple(ClickHouseTypeKind.IPV6, hasArgs);
            case "Nothing": return simple(ClickHouseTypeKind.NOTHING, hasArgs);
            case "FixedString": return fixedString(hasArgs);
            case "DateTime": return dateTime(hasArgs);
            case "DateTime64": return dateTime64(hasArgs);
            case "Decimal": return decimal(hasArgs);
            case "Decimal32": return decimalN(hasArgs, 9);
            case "Decimal64": return decimalN(hasArgs, 18);
            case "Decimal128": return decimalN(hasArgs, 38);
            case "Decimal256": return decimalN(hasArgs, 76);
            case "Enum8": return enumType(hasArgs, ClickHouseTypeKind.ENUM8);
            case "Enum16": return enumType(hasArgs, ClickHouseTypeKind.ENUM16);
            case "Enum": return enumType(hasArgs, null);
            case "Nullable": return ClickHouseType.nullable(single(hasArgs, name));
            case "LowCardinality": return ClickHouseType.lowCardinality(single(hasArgs, name));
            case "Array": return ClickHouseType.array(single(hasArgs, name));
            case "Map": return map(hasArgs);
            case "Tuple": return tuple(hasArgs);
            case "Nested": return nested(hasArgs);
            case "SimpleAggregateFunction": return simpleAggregateFunction(hasArgs);
            default: throw unsupported(name, hasArgs, start);
        }
    }

    // ---------------------------------------------------------------- per type

    private ClickHouseType simple(ClickHouseTypeKind kind, boolean hasArgs) {
        if (hasArgs) {
            throw syntax(kind.typeName() + " takes no parameters");
        }
        return ClickHouseType.of(kind);
    }

    private ClickHouseType fixedString(boolean hasArgs) {
        requireArgs(hasArgs, "FixedString(N)");
        expect('(');
        int n = (int) integer(1, Integer.MAX_VALUE, "FixedString length");
        expect(')');
        return ClickHouseType.fixedString(n);
    }

    private ClickHouseType dateTime(boolean hasArgs) {
        if (!hasArgs) {
            return ClickHouseType.dateTime(null);
        }
        expect('(');
        skipSpaces();
        String tz = null;
        if (!peek(')')) {
            tz = timeZone();
        }
        expect(')');
        return ClickHouseType.dateTime(tz);
    }

    private ClickHouseType dateTime64(boolean hasArgs) {
        requireArgs(hasArgs, "DateTime64(precision[, 'zone'])");
        expect('(');
        int p = (int) integer(0, ClickHouseType.MAX_DATETIME64_PRECISION, "DateTime64 precision");
        String tz = null;
        skipSpaces();
        if (peek(',')) {
            pos++;
            tz = timeZone();
        }
        expect(')');
        return ClickHouseType.dateTime64(p, tz);
    }

    private String timeZone() {
        skipSpaces();
        int at = pos;
        String tz = quoted('\'');
        if (tz.isEmpty()) {
            throw new ClickHouseTypeSyntaxException(s, at, "empty time zone name");
        }
        return tz;
    }

    private ClickHouseType decimal(boolean hasArgs) {
        if (!hasArgs) {
            return ClickHouseType.decimal(10, 0); // the server's default for a bare Decimal
        }
        expect('(');
        int p = (int) integer(1, ClickHouseType.MAX_DECIMAL_PRECISION, "Decimal precision");
        int scale = 0;
        skipSpaces();
        if (peek(',')) {
            pos++;
            scale = (int) integer(0, p, "Decimal scale");
        }
        expect(')');
        return ClickHouseType.decimal(p, scale);
    }

    private ClickHouseType decimalN(boolean hasArgs, int precision) {
        requireArgs(hasArgs, "Decimal" + (precision == 9 ? 32 : precision == 18 ? 64 : precision == 38 ? 128 : 256)
                + "(scale)");
        expect('(');
        int scale = (int) integer(0, precision, "Decimal scale");
        expect(')');
        return ClickHouseType.decimal(precision, scale);
    }

    /** Enum8/Enum16 ('name' = value, …); plain Enum also accepts names without values (numbered from 1). */
    private ClickHouseType enumType(boolean hasArgs, ClickHouseTypeKind kind) {
        requireArgs(hasArgs, "Enum('name' = value, ...)");
        expect('(');
        Map<String, Integer> entries = new LinkedHashMap<>();
        Boolean explicitValues = null;
        int next = 1;
        do {
            skipSpaces();
            int at = pos;
            String name = quoted('\'');
            skipSpaces();
            boolean hasValue = peek('=');
            if (explicitValues != null && explicitValues != hasValue) {
                throw new ClickHouseTypeSyntaxException(s, at, "Enum entries must all have values or none");
            }
            if (hasValue && explicitValues == null) {
                explicitValues = true;
            } else if (!hasValue) {
                if (kind != null) {
                    throw syntax("expected '=' and a value after Enum name '" + name + "'");
                }
                explicitValues = false;
            }
            int value;
            if (hasValue) {
                pos++;
                value = (int) integer(Short.MIN_VALUE, Short.MAX_VALUE, "Enum value");
            } else {
                value = next++;
            }
            if (entries.put(name, value) != null) {
                throw new ClickHouseTypeSyntaxException(s, at, "Enum name '" + name + "' is used twice");
            }
            skipSpaces();
        } while (consume(','));
        expect(')');
        if (kind == null) {
            kind = ClickHouseTypeKind.ENUM8;
            for (int v : entries.values()) {
                if (v < Byte.MIN_VALUE || v > Byte.MAX_VALUE) {
                    kind = ClickHouseTypeKind.ENUM16;
                }
            }
        }
        return kind == ClickHouseTypeKind.ENUM8 ? ClickHouseType.enum8(entries) : ClickHouseType.enum16(entries);
    }

    private ClickHouseType single(boolean hasArgs, String name) {
        requireArgs(hasArgs, name + "(T)");
        expect('(');
        ClickHouseType t = type();
        expect(')');
        return t;
    }

    private ClickHouseType map(boolean hasArgs) {
        requireArgs(hasArgs, "Map(K, V)");
        expect('(');
        ClickHouseType k = type();
        expect(',');
        ClickHouseType v = type();
        expect(')');
        return ClickHouseType.map(k, v);
    }

    private ClickHouseType tuple(boolean hasArgs) {
        requireArgs(hasArgs, "Tuple(T, ...)");
        expect('(');
        skipSpaces();
        if (consume(')')) {
            return ClickHouseType.tuple(Collections.<ClickHouseType>emptyList());
        }
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        elements(names, types, false);
        if (names.isEmpty()) {
            return ClickHouseType.tuple(types);
        }
        return ClickHouseType.namedTuple(names, types);
    }

    private ClickHouseType nested(boolean hasArgs) {
        requireArgs(hasArgs, "Nested(name T, ...)");
        expect('(');
        List<String> names = new ArrayList<>();
        List<ClickHouseType> types = new ArrayList<>();
        elements(names, types, true);
        return ClickHouseType.nested(names, types);
    }

    /** {@code [name] T, …)}: names all present or all absent; required for Nested. */
    private void elements(List<String> names, List<ClickHouseType> types, boolean namesRequired) {
        Boolean named = null;
        do {
            skipSpaces();
            int at = pos;
            String name = elementName();
            boolean hasName = name != null;
            if (named != null && named != hasName) {
                throw new ClickHouseTypeSyntaxException(s, at, "tuple elements must be all named or all unnamed");
            }
            if (namesRequired && !hasName) {
                throw new ClickHouseTypeSyntaxException(s, at, "Nested elements need names: Nested(name Type, ...)");
            }
            named = hasName;
            if (hasName) {
                names.add(name);
            }
            types.add(type());
            skipSpaces();
        } while (consume(','));
        expect(')');
    }

    /** An element name before its type, or null (position unchanged) when the element is just a type. */
    private String elementName() {
        if (peek('`') || peek('"')) {
            String name = quoted(s.charAt(pos));
            if (!atEnd() && !Character.isWhitespace(s.charAt(pos))) {
                throw syntax("expected a space and a type after the element name '" + name + "'");
            }
            return name;
        }
        if (atEnd() || !isIdentStart(s.charAt(pos))) {
            return null;
        }
        int save = pos;
        String ident = identifier();
        int afterIdent = pos;
        skipSpaces();
        if (afterIdent < pos && !atEnd() && isIdentStart(s.charAt(pos))) {
            return ident; // "name Type"
        }
        pos = save; // it was the type itself
        return null;
    }

    /** SimpleAggregateFunction(f, T): values travel exactly as T, so T is what we model. */
    private ClickHouseType simpleAggregateFunction(boolean hasArgs) {
        requireArgs(hasArgs, "SimpleAggregateFunction(function, T)");
        expect('(');
        skipSpaces();
        if (atEnd() || !isIdentStart(s.charAt(pos))) {
            throw syntax("expected an aggregate function name");
        }
        identifier();
        skipSpaces();
        if (peek('(')) {
            skipBalanced(); // parametric function, e.g. groupArrayArray(10)
        }
        expect(',');
        ClickHouseType t = type();
        expect(')');
        return t;
    }

    private UnsupportedClickHouseTypeException unsupported(String name, boolean hasArgs, int start) {
        if (hasArgs) {
            skipBalanced();
        }
        String part = s.substring(start, pos).trim();
        switch (name) {
            case "JSON":
                return new UnsupportedClickHouseTypeException(s, part, "JSON values have a path-by-path binary "
                        + "layout in RowBinary", "Read it with toJSONString(col) or CAST(col AS String) in querySql; "
                        + "on ClickHouse 24.x+ the settings output_format_binary_write_json_as_string=1 and "
                        + "input_format_binary_read_json_as_string=1 make JSON travel as a String, so the column "
                        + "can be declared as String", JSON_AS_STRING_SETTINGS);
            case "Object":
                return new UnsupportedClickHouseTypeException(s, part, "the experimental Object('json') type has no "
                        + "stable RowBinary form", "Read it with toJSONString(col) or CAST(col AS String) in querySql, "
                        + "or migrate the column to String or JSON", Collections.<String>emptyList());
            case "Variant":
            case "Dynamic":
                return new UnsupportedClickHouseTypeException(s, part, name + " values carry a per-value type tag",
                        "Read it with CAST(col AS String) (or toString(col)) in querySql; to write, load a String "
                        + "column and convert on the server", Collections.<String>emptyList());
            case "AggregateFunction":
                return new UnsupportedClickHouseTypeException(s, part, "aggregate states are opaque and have no "
                        + "length prefix", "Read finalizeAggregation(col) or the -Merge combinator in querySql; write "
                        + "via INSERT … SELECT with -State functions, or use SimpleAggregateFunction",
                        Collections.<String>emptyList());
            default:
                return new UnsupportedClickHouseTypeException(s, part, "chpack does not support the ClickHouse type '"
                        + name + "'", CAST_REMEDY, Collections.<String>emptyList());
        }
    }

    // ---------------------------------------------------------------- lexing

    private void requireArgs(boolean hasArgs, String form) {
        if (!hasArgs) {
            throw syntax("expected '(' : the type is written " + form);
        }
    }

    private long integer(long min, long max, String what) {
        skipSpaces();
        int start = pos;
        if (!atEnd() && (s.charAt(pos) == '-' || s.charAt(pos) == '+')) {
            pos++;
        }
        while (!atEnd() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        String digits = s.substring(start, pos);
        if (digits.isEmpty() || digits.equals("-") || digits.equals("+")) {
            pos = start;
            throw syntax("expected " + what + " (an integer)");
        }
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new ClickHouseTypeSyntaxException(s, start, what + " " + digits + " is too large");
        }
        if (v < min || v > max) {
            throw new ClickHouseTypeSyntaxException(s, start, what + " " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    private String identifier() {
        int start = pos;
        while (!atEnd() && isIdentPart(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    /**
     * A quoted string starting at pos with the given quote; escapes decoded as the server reads them.
     * Bytes from {@code \xHH} and the UTF-8 of other characters are collected together so that an escaped
     * multi-byte sequence decodes correctly.
     */
    private String quoted(char quote) {
        if (!peek(quote)) {
            throw syntax("expected " + quote + "-quoted name");
        }
        int start = pos;
        pos++;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder run = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new ClickHouseTypeSyntaxException(s, start, "unterminated quoted name");
            }
            char c = s.charAt(pos++);
            if (c == quote) {
                if (peek(quote)) { // SQL-style doubled quote
                    pos++;
                    run.append(quote);
                    continue;
                }
                break;
            }
            if (c != '\\') {
                run.append(c);
                continue;
            }
            if (atEnd()) {
                throw new ClickHouseTypeSyntaxException(s, start, "unterminated quoted name");
            }
            char e = s.charAt(pos++);
            if (e == 'x' || e == 'X') {
                if (pos + 2 > s.length() || hex(s.charAt(pos)) < 0 || hex(s.charAt(pos + 1)) < 0) {
                    throw new ClickHouseTypeSyntaxException(s, pos - 2, "\\x must be followed by two hex digits");
                }
                flush(run, bytes);
                bytes.write(hex(s.charAt(pos)) * 16 + hex(s.charAt(pos + 1)));
                pos += 2;
            } else {
                run.append(QuotedNames.unescape(e));
            }
        }
        flush(run, bytes);
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static void flush(StringBuilder run, ByteArrayOutputStream bytes) {
        if (run.length() > 0) {
            byte[] b = run.toString().getBytes(StandardCharsets.UTF_8);
            bytes.write(b, 0, b.length);
            run.setLength(0);
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    /** Skips a parenthesised argument list (quotes respected), starting at '('. */
    private void skipBalanced() {
        int start = pos;
        int depth = 0;
        while (!atEnd()) {
            char c = s.charAt(pos);
            if (c == '\'' || c == '`' || c == '"') {
                quoted(c);
                continue;
            }
            pos++;
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return;
                }
            }
        }
        throw new ClickHouseTypeSyntaxException(s, start, "unbalanced parentheses");
    }

    private void expect(char c) {
        skipSpaces();
        if (atEnd()) {
            throw syntax("expected '" + c + "' but reached the end");
        }
        if (s.charAt(pos) != c) {
            throw syntax("expected '" + c + "' but found '" + s.charAt(pos) + "'");
        }
        pos++;
    }

    private boolean consume(char c) {
        skipSpaces();
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private boolean atEnd() {
        return pos >= s.length();
    }

    private void skipSpaces() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }

    private ClickHouseTypeSyntaxException syntax(String problem) {
        return new ClickHouseTypeSyntaxException(s, pos, problem);
    }
}
