package io.chpack.clickhousewriter.block;

import java.io.IOException;
import java.io.OutputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.alibaba.datax.common.element.Record;

import io.chpack.clickhousewriter.meta.Identifiers;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;
import io.chpack.common.convert.ColumnEncoder;
import io.chpack.common.convert.ConversionOptions;
import io.chpack.common.rowbinary.RowBinaryOutput;

/**
 * The table's partition key evaluated in Java, so a block can be kept within the server's
 * partitions-per-insert limit without asking the server. Understood: no key / {@code tuple()}, a plain column,
 * and {@code toYYYYMM}, {@code toYYYYMMDD}, {@code toDate}, {@code toStartOfMonth}, {@code toMonday},
 * {@code toYear} of a Date, Date32, DateTime or DateTime64 column, and tuples of those. The value is computed
 * from the column's RowBinary encoding (the same conversion the row gets), in the column's own zone, else the
 * server's, as ClickHouse does. Anything else is {@linkplain #parse unknown}: the caller then cuts blocks
 * smaller and relies on split-and-retry.
 */
public final class PartitionKey {
    /** Functions of one Date/DateTime column that the writer evaluates itself. */
    enum Fn {
        IDENTITY, TO_YYYYMM, TO_YYYYMMDD, TO_DATE, TO_START_OF_MONTH, TO_MONDAY, TO_YEAR
    }

    static final class Element {
        final int column;
        final Fn fn;
        final ClickHouseType type;
        final ZoneId zone;
        final ColumnEncoder encoder;

        Element(int column, Fn fn, ClickHouseType type, ZoneId zone, ColumnEncoder encoder) {
            this.column = column;
            this.fn = fn;
            this.type = type;
            this.zone = zone;
            this.encoder = encoder;
        }
    }

    /** The outcome of parsing: a key, "unpartitioned", or unknown with the reason. */
    public static final class Parsed {
        public final PartitionKey key;
        public final boolean unpartitioned;
        public final String unknownReason;

        Parsed(PartitionKey key, boolean unpartitioned, String unknownReason) {
            this.key = key;
            this.unpartitioned = unpartitioned;
            this.unknownReason = unknownReason;
        }

        public boolean known() {
            return unknownReason == null;
        }
    }

    private final List<Element> elements;
    private final String expression;
    private final Scratch scratch = new Scratch();
    private final RowBinaryOutput out = new RowBinaryOutput(scratch, 256);

    private PartitionKey(String expression, List<Element> elements) {
        this.expression = expression;
        this.elements = elements;
    }

    public String expression() {
        return expression;
    }

    /**
     * @param expression {@code system.tables.partition_key}
     * @param names the columns the job writes, in record order
     * @param types their types
     */
    public static Parsed parse(String expression, List<String> names, List<ClickHouseType> types,
            ConversionOptions options) {
        String e = expression == null ? "" : expression.trim();
        if (e.isEmpty() || e.equals("tuple()")) {
            return new Parsed(null, true, null);
        }
        List<String> parts = splitTuple(e);
        List<Element> elements = new ArrayList<Element>();
        for (String part : parts) {
            String p = part.trim();
            Fn fn = Fn.IDENTITY;
            String column = p;
            int open = p.indexOf('(');
            if (open > 0 && p.endsWith(")")) {
                fn = function(p.substring(0, open).trim());
                if (fn == null) {
                    return unknown("function " + p.substring(0, open).trim() + " is not evaluated by the writer");
                }
                column = p.substring(open + 1, p.length() - 1).trim();
            }
            column = Identifiers.unquote(column);
            if (!column.matches("[^(),\\s]+")) {
                return unknown("'" + p + "' is not a column or a function of one column");
            }
            int index = names.indexOf(column);
            if (index < 0) {
                return unknown("partition column '" + column + "' is not among the written columns (its default "
                        + "value may be an expression)");
            }
            ClickHouseType type = types.get(index);
            ClickHouseType value = type.valueType();
            if (fn != Fn.IDENTITY && !isTemporal(value.kind())) {
                return unknown(p + " applies to " + type + ", not a date or date-time");
            }
            ZoneId zone = options.zoneFor(type);
            elements.add(new Element(index, fn, type, zone, ColumnEncoder.compile(column, type, options)));
        }
        return new Parsed(new PartitionKey(e, Collections.unmodifiableList(elements)), false, null);
    }

    private static Parsed unknown(String why) {
        return new Parsed(null, false, why);
    }

    private static boolean isTemporal(ClickHouseTypeKind k) {
        return k == ClickHouseTypeKind.DATE || k == ClickHouseTypeKind.DATE32 || k == ClickHouseTypeKind.DATETIME
                || k == ClickHouseTypeKind.DATETIME64;
    }

    private static Fn function(String name) {
        switch (name) {
            case "toYYYYMM": return Fn.TO_YYYYMM;
            case "toYYYYMMDD": return Fn.TO_YYYYMMDD;
            case "toDate": return Fn.TO_DATE;
            case "toStartOfMonth": return Fn.TO_START_OF_MONTH;
            case "toMonday": return Fn.TO_MONDAY;
            case "toYear": return Fn.TO_YEAR;
            default: return null;
        }
    }

    /** {@code (a, f(b))} → [a, f(b)]; anything else → [itself]. */
    static List<String> splitTuple(String e) {
        List<String> out = new ArrayList<String>();
        String body = e;
        if (e.startsWith("(") && e.endsWith(")") && matchingClose(e) == e.length() - 1) {
            body = e.substring(1, e.length() - 1);
        } else if (e.startsWith("tuple(") && e.endsWith(")")) {
            body = e.substring("tuple(".length(), e.length() - 1);
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
        }
        out.add(body.substring(start));
        return out;
    }

    private static int matchingClose(String e) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            if (e.charAt(i) == '(') {
                depth++;
            } else if (e.charAt(i) == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The record's partition as a comparable string.
     *
     * @throws io.chpack.common.convert.ColumnConversionException when the partition column's value is bad (the
     *         whole row would be rejected anyway)
     */
    public String of(Record record) throws IOException {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < elements.size(); i++) {
            Element el = elements.get(i);
            scratch.reset();
            out.beginRow();
            boolean done = false;
            try {
                el.encoder.encode(record.getColumn(el.column), out);
                done = true;
            } finally {
                if (done) {
                    out.endRow();
                } else {
                    out.rollbackRow(); // leaves no half value behind for the next record
                }
            }
            out.flush();
            if (i > 0) {
                key.append('\u0001');
            }
            if (el.fn == Fn.IDENTITY) {
                for (int b = 0; b < scratch.size; b++) {
                    key.append((char) (scratch.bytes[b] & 0xFF));
                }
            } else {
                key.append(evaluate(el, scratch.bytes, scratch.size));
            }
        }
        return key.toString();
    }

    /** Applies the function to one encoded Date/DateTime value (with its Nullable prefix, if any). */
    static String evaluate(Element el, byte[] b, int size) {
        return evaluate(el.fn, el.type, el.zone, b, size);
    }

    static String evaluate(Fn fn, ClickHouseType type, ZoneId zone, byte[] b, int size) {
        int pos = 0;
        ClickHouseType t = type.unwrapLowCardinality();
        if (t.isNullable()) {
            if (b[0] == 1) {
                return "NULL";
            }
            pos = 1;
        }
        ClickHouseTypeKind kind = type.valueType().kind();
        LocalDate date;
        switch (kind) {
            case DATE:
                date = LocalDate.ofEpochDay(le(b, pos, 2));
                break;
            case DATE32:
                date = LocalDate.ofEpochDay((int) le(b, pos, 4));
                break;
            case DATETIME:
                date = Instant.ofEpochSecond(le(b, pos, 4)).atZone(zone).toLocalDate();
                break;
            case DATETIME64: {
                long ticks = le(b, pos, 8);
                long scale = 1;
                for (int i = 0; i < type.valueType().dateTime64Precision(); i++) {
                    scale *= 10;
                }
                date = Instant.ofEpochSecond(Math.floorDiv(ticks, scale)).atZone(zone).toLocalDate();
                break;
            }
            default:
                throw new IllegalStateException("not temporal: " + type);
        }
        switch (fn) {
            case TO_YYYYMM:
                return Integer.toString(date.getYear() * 100 + date.getMonthValue());
            case TO_YYYYMMDD:
                return Integer.toString(date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth());
            case TO_DATE:
                return date.toString();
            case TO_START_OF_MONTH:
                return date.withDayOfMonth(1).toString();
            case TO_MONDAY:
                return date.with(DayOfWeek.MONDAY).toString();
            case TO_YEAR:
                return Integer.toString(date.getYear());
            default:
                throw new IllegalStateException(fn.toString());
        }
    }

    /** Little-endian; unsigned for widths below 8 (Date is UInt16, DateTime UInt32), two's complement for 8. */
    private static long le(byte[] b, int pos, int width) {
        long v = 0;
        for (int i = width - 1; i >= 0; i--) {
            v = (v << 8) | (b[pos + i] & 0xFF);
        }
        return v;
    }

    /** A reusable byte sink for one encoded value. */
    private static final class Scratch extends OutputStream {
        byte[] bytes = new byte[64];
        int size;

        @Override
        public void write(int b) {
            if (size == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (bytes.length - size < len) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + len));
            }
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void reset() {
            size = 0;
        }
    }
}
