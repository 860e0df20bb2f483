package io.chpack.memcachedwriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.Record;
import io.chpack.common.convert.ColumnConversionException;
import io.chpack.common.json.JsonStrings;

/**
 * Record → (key, value bytes, flags, expiry): the key template or stock indexes, key validation and
 * long-key hashing, the json / text / raw value, compression, and the TTL rules. Throws {@link DirtyException}
 * with the reason for a record that cannot be written. Not thread-safe: one per task.
 */
final class RecordEncoder {
    /** spymemcached SerializingTranscoder flags: 0 = String (UTF-8), 2 = gzip-compressed, 8<<8 = byte[]. */
    static final int FLAG_STRING = 0;
    static final int FLAG_COMPRESSED = 2;
    static final int FLAG_BYTES = 8 << 8;
    static final int LONG_KEY_PREFIX_BYTES = 209;

    private final MemcachedConfig c;
    private final ColumnText text;
    private final KeyTemplate template;
    private final String keyHead;
    private final byte[] fieldDelimiter;
    private final int[] valueColumns; // null = all
    private final List<Integer> keyColumns;

    RecordEncoder(MemcachedConfig c) {
        this.c = c;
        this.text = new ColumnText(c.timeZone);
        this.template = c.keyTemplate == null ? null : KeyTemplate.compile(c.keyTemplate, c.columnNames);
        this.keyColumns = template != null ? template.columnIndexes() : c.indexes;
        StringBuilder head = new StringBuilder(c.keyPrefix);
        if (c.atomicWarmup) {
            head.append(c.versionPrefix());
        } else if (!c.namespace.isEmpty()) {
            head.append(c.namespace).append(':');
        }
        this.keyHead = head.toString();
        this.fieldDelimiter = c.fieldDelimiter.getBytes(StandardCharsets.UTF_8);
        if (c.valueColumns != null) {
            valueColumns = new int[c.valueColumns.size()];
            for (int i = 0; i < valueColumns.length; i++) {
                valueColumns[i] = c.valueColumns.get(i).index;
            }
        } else if (c.excludeKeyColumns) {
            List<Integer> keep = new ArrayList<>();
            int n = Math.max(c.columnNames.size(), 0);
            for (int i = 0; i < n; i++) {
                if (!keyColumns.contains(i)) {
                    keep.add(i);
                }
            }
            valueColumns = n == 0 ? null : keep.stream().mapToInt(Integer::intValue).toArray();
        } else {
            valueColumns = null;
        }
    }

    String keyHead() {
        return keyHead;
    }

    // ------------------------------------------------------------------------------------------------ key

    String key(Record r) {
        StringBuilder sb = new StringBuilder(keyHead);
        if (template != null) {
            for (KeyTemplate.Part p : template.parts) {
                if (p.literal != null) {
                    sb.append(p.literal);
                } else {
                    sb.append(keyPart(r, p.column.index, p.column.label));
                }
            }
        } else {
            int start = sb.length();
            boolean first = true;
            for (int i : c.indexes) {
                if (!first) {
                    sb.append(c.keyDelimiter);
                }
                first = false;
                sb.append(keyPart(r, i, "#" + i));
            }
            if (sb.substring(start).trim().isEmpty()) {
                throw new DirtyException("the key built from indexes " + c.indexes + " is empty");
            }
        }
        return checkKey(sb.toString());
    }

    private String keyPart(Record r, int index, String label) {
        if (index >= r.getColumnNumber()) {
            throw new DirtyException("the key needs column " + label + " (index " + index + ") but the record has "
                    + r.getColumnNumber() + " columns");
        }
        Column col = r.getColumn(index);
        if (ColumnText.isNull(col)) {
            throw new DirtyException("key column " + label + " is NULL");
        }
        byte[] b = render(col, label);
        if (col.getType() == Column.Type.BYTES) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
            } catch (CharacterCodingException e) {
                throw new DirtyException("key column " + label + " holds bytes that are not UTF-8 text");
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Length and character rules; long keys hashed when {@code longKeys = hash}. */
    String checkKey(String key) {
        byte[] b = key.getBytes(StandardCharsets.UTF_8);
        if (b.length == 0) {
            throw new DirtyException("the key is empty");
        }
        if (c.keyCheck == MemcachedConfig.KeyCheck.STRICT) {
            for (int i = 0; i < b.length; i++) {
                int v = b[i] & 0xFF;
                if (v <= 0x20 || v == 0x7F) {
                    throw new DirtyException("key " + shown(key) + " has a space or control character (0x"
                            + String.format("%02x", v) + ") at byte " + i + ", which memcached's text protocol cannot carry");
                }
            }
        }
        if (b.length > MemcachedConfig.MAX_KEY_BYTES) {
            if (c.longKeys == MemcachedConfig.LongKeys.HASH) {
                return hashLongKey(key);
            }
            throw new DirtyException("key " + shown(key) + " takes " + b.length + " bytes, more than memcached's "
                    + MemcachedConfig.MAX_KEY_BYTES + " (longKeys hash shortens such keys)");
        }
        return key;
    }

    /**
     * {@code longKeys = hash}: the longest prefix of the key that fits in 209 UTF-8 bytes (never splitting a
     * character), then {@code #}, then the 40 hex digits of SHA-1 over the key's full UTF-8 bytes: at most 250.
     */
    static String hashLongKey(String key) {
        byte[] all = key.getBytes(StandardCharsets.UTF_8);
        int bytes = 0;
        int end = 0;
        while (end < key.length()) {
            int cp = key.codePointAt(end);
            int len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + len > LONG_KEY_PREFIX_BYTES) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return key.substring(0, end) + "#" + sha1Hex(all);
    }

    static String sha1Hex(byte[] data) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(data);
            StringBuilder sb = new StringBuilder(40);
            for (byte x : d) {
                sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shown(String key) {
        String k = key.length() > 80 ? key.substring(0, 80) + "…" : key;
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < k.length(); i++) {
            char ch = k.charAt(i);
            if (ch < 0x20 || ch == 0x7F) {
                sb.append(String.format("\\x%02x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('\'').toString();
    }

    // ------------------------------------------------------------------------------------------------ value

    /** Value bytes plus flags: {@code [0]} = flags in a holder, returned separately by {@link #flagsOf}. */
    Value value(Record r) {
        byte[] data;
        int flags;
        switch (c.format) {
            case JSON:
                data = json(r);
                flags = FLAG_STRING;
                break;
            case RAW: {
                int i = c.rawColumn.index;
                Column col = i < r.getColumnNumber() ? r.getColumn(i) : null;
                if (i >= r.getColumnNumber()) {
                    throw new DirtyException("rawColumn " + c.rawColumn.label + " (index " + i + ") is missing: the record has "
                            + r.getColumnNumber() + " columns");
                }
                if (ColumnText.isNull(col)) {
                    throw new DirtyException("rawColumn " + c.rawColumn.label + " is NULL");
                }
                data = render(col, c.rawColumn.label);
                flags = col.getType() == Column.Type.BYTES ? FLAG_BYTES : FLAG_STRING;
                break;
            }
            default:
                data = text(r);
                flags = FLAG_STRING;
        }
        if (c.compressThreshold >= 0 && data.length > c.compressThreshold) {
            byte[] z = gzip(data);
            if (z.length < data.length) { // as spymemcached: keep the plain value when gzip does not help
                data = z;
                flags |= FLAG_COMPRESSED;
            }
        }
        return new Value(data, flags);
    }

    static final class Value {
        final byte[] data;
        final int flags;

        Value(byte[] data, int flags) {
            this.data = data;
            this.flags = flags;
        }
    }

    private int[] columnsOf(Record r) {
        if (valueColumns != null) {
            return valueColumns;
        }
        int n = r.getColumnNumber();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        return all;
    }

    private byte[] text(Record r) {
        Buf out = new Buf();
        int[] cols = columnsOf(r);
        for (int k = 0; k < cols.length; k++) {
            int i = cols[k];
            if (k > 0) {
                out.write(fieldDelimiter, 0, fieldDelimiter.length);
            }
            String label = label(i);
            if (i >= r.getColumnNumber()) {
                throw new DirtyException("value column " + label + " is missing: the record has " + r.getColumnNumber() + " columns");
            }
            Column col = r.getColumn(i);
            byte[] b = ColumnText.isNull(col) ? c.nullText.getBytes(StandardCharsets.UTF_8) : render(col, label);
            if (indexOf(b, fieldDelimiter) >= 0) {
                throw new DirtyException("value column " + label + " contains the fieldDelimiter "
                        + escape(c.fieldDelimiter) + ", which would make the text value ambiguous");
            }
            out.write(b, 0, b.length);
        }
        return out.toByteArray();
    }

    private byte[] json(Record r) {
        int[] cols = columnsOf(r);
        if (valueColumns == null && r.getColumnNumber() != c.columnNames.size()) {
            throw new DirtyException("the record has " + r.getColumnNumber() + " columns but parameter.column names "
                    + c.columnNames.size());
        }
        StringBuilder sb = new StringBuilder(64 + 16 * cols.length).append('{');
        for (int k = 0; k < cols.length; k++) {
            int i = cols[k];
            if (k > 0) {
                sb.append(',');
            }
            String name = i < c.columnNames.size() ? c.columnNames.get(i) : Integer.toString(i);
            JsonStrings.appendQuoted(sb, name).append(':');
            if (i >= r.getColumnNumber()) {
                throw new DirtyException("value column " + label(i) + " is missing: the record has " + r.getColumnNumber() + " columns");
            }
            Column col = r.getColumn(i);
            if (ColumnText.isNull(col)) {
                sb.append("null");
                continue;
            }
            switch (col.getType()) {
                case LONG:
                case INT:
                    sb.append(col.getRawData().toString());
                    break;
                case DOUBLE: {
                    String t = col.getRawData().toString();
                    if (isJsonNumber(t)) {
                        sb.append(t);
                    } else {
                        JsonStrings.appendQuoted(sb, t); // NaN, Infinity, -Infinity
                    }
                    break;
                }
                case BOOL:
                    sb.append(((Boolean) col.getRawData()) ? "true" : "false");
                    break;
                case BYTES: {
                    byte[] b = (byte[]) col.getRawData();
                    switch (c.bytesInJson) {
                        case HEX:
                            JsonStrings.appendQuoted(sb, hex(b));
                            break;
                        case UTF8:
                            try {
                                JsonStrings.appendQuoted(sb, StandardCharsets.UTF_8.newDecoder()
                                        .onMalformedInput(CodingErrorAction.REPORT)
                                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)));
                            } catch (CharacterCodingException e) {
                                throw new DirtyException("column " + label(i) + " holds bytes that are not UTF-8 (bytesInJson utf8)");
                            }
                            break;
                        default:
                            JsonStrings.appendQuoted(sb, Base64.getEncoder().encodeToString(b));
                    }
                    break;
                }
                default: // STRING, DATE
                    JsonStrings.appendQuoted(sb, new String(render(col, label(i)), StandardCharsets.UTF_8));
            }
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private String label(int i) {
        return i < c.columnNames.size() ? "'" + c.columnNames.get(i) + "'" : "#" + i;
    }

    private byte[] render(Column col, String label) {
        try {
            return text.bytes(col);
        } catch (ColumnConversionException e) {
            throw new DirtyException("column " + label + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new DirtyException("column " + label + ": " + e);
        }
    }

    static boolean isJsonNumber(String t) {
        return t.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    }

    // ------------------------------------------------------------------------------------------------ TTL

    /**
     * The exptime sent: 0 never expires; up to 30 days relative; longer durations as the absolute unix time
     * {@code now + ttl} (memcached reads any value above 30 days as absolute); values from 1,000,000,000 on are
     * absolute unix times already (the stock ocswriter passed expireTime verbatim). Jitter (± ttlJitter, derived
     * from the key so reruns agree, never below 1 s) applies to relative TTLs only.
     */
    int expiry(Record r, String key, long nowSeconds) {
        long ttl = c.expireTime;
        if (c.ttlColumn != null) {
            int i = c.ttlColumn.index;
            Column col = i < r.getColumnNumber() ? r.getColumn(i) : null;
            if (ColumnText.isNull(col)) {
                if (col == null) {
                    throw new DirtyException("ttlColumn " + c.ttlColumn.label + " is missing: the record has "
                            + r.getColumnNumber() + " columns");
                }
                // NULL: the fixed expireTime applies
            } else {
                String t = new String(render(col, c.ttlColumn.label), StandardCharsets.UTF_8).trim();
                try {
                    ttl = new java.math.BigDecimal(t).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new DirtyException("ttlColumn " + c.ttlColumn.label + " value '" + t + "' is not a whole number of seconds");
                }
                if (ttl < 0) {
                    throw new DirtyException("ttlColumn " + c.ttlColumn.label + " value " + ttl + " is negative");
                }
            }
        }
        return expiry(ttl, c.ttlJitter, key, nowSeconds);
    }

    static int expiry(long ttl, int jitter, String key, long nowSeconds) {
        if (ttl == 0) {
            return 0;
        }
        if (ttl >= MemcachedConfig.ABSOLUTE_FROM) {
            if (ttl > Integer.MAX_VALUE) {
                throw new DirtyException("expiry " + ttl + " is beyond memcached's 32-bit exptime");
            }
            return (int) ttl;
        }
        if (jitter > 0) {
            int h = key.hashCode() * 0x9E3779B1;
            long offset = Math.floorMod((long) h, 2L * jitter + 1) - jitter;
            ttl = Math.max(1, ttl + offset);
        }
        if (ttl <= MemcachedConfig.THIRTY_DAYS) {
            return (int) ttl;
        }
        long abs = nowSeconds + ttl;
        if (abs > Integer.MAX_VALUE) {
            throw new DirtyException("TTL " + ttl + " s ends after 2038-01-19, beyond memcached's 32-bit exptime");
        }
        return (int) abs;
    }

    // ------------------------------------------------------------------------------------------------ partition

    /** {@code distribution = partition}: an integer picks {@code servers[value mod n]}; text equal to a server picks it. */
    int partition(Record r, List<String> servers) {
        int i = c.partitionColumn.index;
        Column col = i < r.getColumnNumber() ? r.getColumn(i) : null;
        if (ColumnText.isNull(col)) {
            throw new DirtyException("partitionColumn " + c.partitionColumn.label + (col == null ? " is missing" : " is NULL"));
        }
        String t = new String(render(col, c.partitionColumn.label), StandardCharsets.UTF_8).trim();
        int s = servers.indexOf(t);
        if (s >= 0) {
            return s;
        }
        try {
            return (int) Math.floorMod(new java.math.BigInteger(t).mod(java.math.BigInteger.valueOf(servers.size())).longValue(),
                    (long) servers.size());
        } catch (NumberFormatException e) {
            throw new DirtyException("partitionColumn " + c.partitionColumn.label + " value '" + t
                    + "' is neither an integer nor one of the servers " + servers);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 32);
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                gz.write(data);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char ch : s.toCharArray()) {
            sb.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
        }
        return sb.append('\'').toString();
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }

    /** A growable byte buffer without synchronisation. */
    private static final class Buf {
        byte[] buf = new byte[128];
        int len;

        void write(byte[] b, int off, int n) {
            if (buf.length - len < n) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, len);
        }
    }
}
