package io.chpack.memcachedwriter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A key template such as {@code user:{id}:{region}}: literal text and {@code {column}} placeholders naming a
 * column of {@code parameter.column} or a 0-based index ({@code {0}}); {@code {{} and {@code }}} are literal
 * braces. Compiled once; unknown names are configuration errors naming the key and the known columns.
 */
final class KeyTemplate {
    /** Literal text (column < 0) or a column reference. */
    static final class Part {
        final String literal;
        final MemcachedConfig.ColumnRef column;

        Part(String literal, MemcachedConfig.ColumnRef column) {
            this.literal = literal;
            this.column = column;
        }
    }

    final List<Part> parts;

    private KeyTemplate(List<Part> parts) {
        this.parts = Collections.unmodifiableList(parts);
    }

    static KeyTemplate compile(String template, List<String> columnNames) {
        List<Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int n = template.length();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            char c = template.charAt(i);
            if (c == '{') {
                if (i + 1 < n && template.charAt(i + 1) == '{') {
                    lit.append('{');
                    i++;
                    continue;
                }
                int end = template.indexOf('}', i + 1);
                if (end < 0) {
                    throw MemcachedConfig.config("key", "has an unclosed '{' at position " + i + " in '" + template + "'");
                }
                String name = template.substring(i + 1, end).trim();
                if (name.isEmpty()) {
                    throw MemcachedConfig.config("key", "has an empty placeholder {} in '" + template + "'");
                }
                if (lit.length() > 0) {
                    parts.add(new Part(lit.toString(), null));
                    lit.setLength(0);
                }
                parts.add(new Part(null, MemcachedConfig.ColumnRef.parse(name, "key", columnNames)));
                any = true;
                i = end;
            } else if (c == '}') {
                if (i + 1 < n && template.charAt(i + 1) == '}') {
                    lit.append('}');
                    i++;
                    continue;
                }
                throw MemcachedConfig.config("key", "has an unmatched '}' at position " + i + " (write '}}' for a literal brace)");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) {
            parts.add(new Part(lit.toString(), null));
        }
        if (!any) {
            throw MemcachedConfig.config("key", "'" + template + "' has no {column} placeholder: every record would write the same key");
        }
        return new KeyTemplate(parts);
    }

    List<Integer> columnIndexes() {
        List<Integer> out = new ArrayList<>();
        for (Part p : parts) {
            if (p.column != null && !out.contains(p.column.index)) {
                out.add(p.column.index);
            }
        }
        return out;
    }
}
