package io.chpack.kafkareader.codec;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.alibaba.datax.common.element.Column;

import io.chpack.kafkareader.config.ColumnSpec;

/**
 * format csv: the value is one delimited line (RFC 4180 quoting with {@code quoteChar}, doubled quotes inside
 * quotes; quoting off when quoteChar is empty). Fields by 0-based index; a field equal to {@code nullFormat} is NULL.
 */
final class CsvCodec implements MessageCodec {
    private final List<ColumnSpec> columns;
    private final Values values;
    private final char delimiter;
    private final char quote;
    private final String nullFormat;
    private final boolean missingAsNull;
    private final boolean skipTombstones;
    private final List<String> fields = new ArrayList<String>();
    private final StringBuilder field = new StringBuilder();

    CsvCodec(List<ColumnSpec> columns, Values values, char delimiter, char quote, String nullFormat,
            boolean missingAsNull, boolean skipTombstones) {
        this.columns = columns;
        this.values = values;
        this.delimiter = delimiter;
        this.quote = quote;
        this.nullFormat = nullFormat;
        this.missingAsNull = missingAsNull;
        this.skipTombstones = skipTombstones;
    }

    @Override
    public boolean decode(ConsumerRecord<byte[], byte[]> m, Column[] out) throws DirtyMessageException {
        if (m.value() == null) {
            if (skipTombstones) {
                return false;
            }
            throw new DirtyMessageException("the message has no value (a tombstone)");
        }
        split(values.decode(m.value(), "the value"));
        for (int i = 0; i < out.length; i++) {
            ColumnSpec c = columns.get(i);
            if (c.meta != null) {
                out[i] = values.meta(c, m);
                continue;
            }
            if (c.index >= fields.size()) {
                if (!missingAsNull) {
                    throw new DirtyMessageException("column " + c.name + ": the line has " + fields.size()
                            + " fields, no field " + c.index);
                }
                out[i] = Values.nullOf(c.type);
                continue;
            }
            String f = fields.get(c.index);
            out[i] = values.fromText(c, nullFormat != null && nullFormat.equals(f) ? null : f, f);
        }
        return true;
    }

    /** Splits one line into {@link #fields}. */
    void split(String s) throws DirtyMessageException {
        fields.clear();
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '\n') {
            n--;
            if (n > 0 && s.charAt(n - 1) == '\r') {
                n--;
            }
        }
        int i = 0;
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (i < n) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == quote) {
                    if (i + 1 < n && s.charAt(i + 1) == quote) {
                        field.append(quote);
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    if (i < n && s.charAt(i) != delimiter) {
                        throw new DirtyMessageException("the line has text after a closing quote at character " + i
                                + ": " + Values.abbreviate(s));
                    }
                    continue;
                }
                field.append(ch);
                i++;
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                i++;
            } else if (quote != 0 && ch == quote && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                i++;
            } else {
                field.append(ch);
                i++;
            }
        }
        if (quoted) {
            throw new DirtyMessageException("the line has an unclosed quote: " + Values.abbreviate(s));
        }
        fields.add(field.toString());
    }

    List<String> fields() {
        return fields;
    }
}
