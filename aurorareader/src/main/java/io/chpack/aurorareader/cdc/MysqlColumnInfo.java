package io.chpack.aurorareader.cdc;

import io.chpack.common.mapping.MysqlColumnType;

import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * One MySQL/MariaDB column's catalog facts (COLUMN_TYPE, CHARACTER_SET_NAME) and the conversion of its binlog
 * value (as {@link BinlogRowDeserializers} leaves it) into what the JDBC driver would have handed the full-load
 * reader: server text or bytes.
 */
final class MysqlColumnInfo {
    private final String name;
    private final MysqlColumnType type;
    private final Charset charset;

    MysqlColumnInfo(String name, String columnType, String charsetName) {
        this.name = name;
        this.type = MysqlColumnType.parse(columnType);
        this.charset = charsetName == null || charsetName.equalsIgnoreCase("binary") ? null : javaCharset(charsetName);
    }

    /** MySQL charset names → Java; latin1 is cp1252 in MySQL. */
    static Charset javaCharset(String mysql) {
        switch (mysql.toLowerCase(Locale.ROOT)) {
            case "utf8":
            case "utf8mb3":
            case "utf8mb4":
                return StandardCharsets.UTF_8;
            case "latin1":
                return Charset.forName("windows-1252");
            case "ascii":
                return StandardCharsets.US_ASCII;
            case "ucs2":
            case "utf16":
                return StandardCharsets.UTF_16BE;
            case "utf16le":
                return StandardCharsets.UTF_16LE;
            case "utf32":
                return Charset.forName("UTF-32BE");
            case "cp1250":
                return Charset.forName("windows-1250");
            case "cp1251":
                return Charset.forName("windows-1251");
            case "cp1256":
                return Charset.forName("windows-1256");
            case "cp1257":
                return Charset.forName("windows-1257");
            case "latin2":
                return Charset.forName("ISO-8859-2");
            case "greek":
                return Charset.forName("ISO-8859-7");
            case "hebrew":
                return Charset.forName("ISO-8859-8");
            case "latin5":
                return Charset.forName("ISO-8859-9");
            case "koi8r":
                return Charset.forName("KOI8-R");
            case "koi8u":
                return Charset.forName("KOI8-U");
            case "sjis":
                return Charset.forName("Shift_JIS");
            case "ujis":
                return Charset.forName("EUC-JP");
            case "euckr":
                return Charset.forName("EUC-KR");
            case "gb2312":
                return Charset.forName("GB2312");
            case "gbk":
                return Charset.forName("GBK");
            case "gb18030":
                return Charset.forName("GB18030");
            case "big5":
                return Charset.forName("Big5");
            case "cp932":
                return Charset.forName("windows-31j");
            case "eucjpms":
                return Charset.forName("x-eucJP-Open");
            default:
                return Charset.forName(mysql);
        }
    }

    String name() {
        return name;
    }

    MysqlColumnType type() {
        return type;
    }

    /**
     * @param v          the deserialized cell (never null here)
     * @param binlogType the TABLE_MAP column type code (245 = MySQL JSON)
     */
    Object toDriverValue(Object v, int binlogType, TimeZone sessionZone) {
        String t = type.name();
        switch (t) {
            case "tinyint":
            case "smallint":
            case "mediumint":
            case "int":
            case "bigint":
                return integer(((Number) v).longValue(), t);
            case "decimal":
                return ((java.math.BigDecimal) v).toPlainString();
            case "float":
                // The text protocol the full load reads prints FLOAT with 6 significant digits (MySQL and MariaDB
                // alike: 3.4028235E38 arrives as 3.40282e38); the binlog has the exact float. Print it the same
                // way so a snapshotted and a replayed row are the same Column.
                return new java.math.BigDecimal((double) (Float) v).round(new java.math.MathContext(6,
                        java.math.RoundingMode.HALF_EVEN)).toString();
            case "double":
                return Double.toString((Double) v);
            case "bit": {
                BitSet bits = (BitSet) v;
                BigInteger x = BigInteger.ZERO;
                for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
                    x = x.setBit(i);
                }
                int n = (type.intArg(0, 1) + 7) / 8;
                byte[] out = new byte[n];
                byte[] raw = x.toByteArray();
                for (int i = 0; i < Math.min(n, raw.length); i++) {
                    out[n - 1 - i] = raw[raw.length - 1 - i];
                }
                return out;
            }
            case "year": {
                int y = ((Number) v).intValue();
                return y == 1900 ? "0" : Integer.toString(y); // the library adds 1900 to the stored byte; 0 is YEAR 0
            }
            case "timestamp": {
                BinlogRowDeserializers.TimestampValue ts = (BinlogRowDeserializers.TimestampValue) v;
                if (ts.epochSecond == 0 && ts.micros == 0) {
                    return "0000-00-00 00:00:00";
                }
                java.time.LocalDateTime wall = java.time.LocalDateTime.ofEpochSecond(ts.epochSecond, ts.micros * 1000,
                        sessionZone.toZoneId().getRules().getOffset(java.time.Instant.ofEpochSecond(ts.epochSecond)));
                return String.format("%04d-%02d-%02d %02d:%02d:%02d", wall.getYear(), wall.getMonthValue(),
                        wall.getDayOfMonth(), wall.getHour(), wall.getMinute(), wall.getSecond())
                        + BinlogRowDeserializers.Cells.fraction(ts.micros, type.intArg(0, 0));
            }
            case "date":
            case "datetime":
            case "time":
                return v; // already MySQL text
            case "enum": {
                int index = ((Number) v).intValue();
                List<String> labels = type.args();
                return index >= 1 && index <= labels.size() ? labels.get(index - 1) : ""; // 0: the invalid ''
            }
            case "set": {
                long mask = ((Number) v).longValue();
                List<String> labels = type.args();
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < labels.size() && i < 64; i++) {
                    if ((mask & (1L << i)) != 0) {
                        if (sb.length() > 0) {
                            sb.append(',');
                        }
                        sb.append(labels.get(i));
                    }
                }
                return sb.toString();
            }
            case "json":
                if (binlogType == 245) { // MySQL 5.7+ binary JSON; MariaDB's JSON is LONGTEXT (text bytes)
                    try {
                        return com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary.parseAsString(
                                (byte[]) v);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("column '" + name + "': binary JSON unreadable: "
                                + e.getMessage(), e);
                    }
                }
                return new String((byte[]) v, charset != null ? charset : StandardCharsets.UTF_8);
            case "binary": {
                byte[] b = (byte[]) v;
                int n = Math.max(1, type.intArg(0, 1));
                if (b.length >= n) {
                    return b;
                }
                byte[] padded = new byte[n]; // the binlog drops BINARY(n)'s trailing 0x00 padding
                System.arraycopy(b, 0, padded, 0, b.length);
                return padded;
            }
            case "uuid":
                return uuidText(pad((byte[]) v, 16)); // fixed-size binary: the binlog drops trailing 0x00
            case "inet6":
                return inet6Text(pad((byte[]) v, 16));
            case "inet4":
                return inet4Text((byte[]) v);
            default:
                if (v instanceof byte[]) {
                    return charset == null ? v : new String((byte[]) v, charset);
                }
                return v;
        }
    }

    private static byte[] pad(byte[] b, int n) {
        if (b.length >= n) {
            return b;
        }
        byte[] out = new byte[n];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    private Object integer(long signed, String t) {
        if (!type.isUnsigned()) {
            return Long.toString(signed);
        }
        switch (t) {
            case "tinyint":
                return Long.toString(signed & 0xFFL);
            case "smallint":
                return Long.toString(signed & 0xFFFFL);
            case "mediumint":
                return Long.toString(signed & 0xFFFFFFL);
            case "int":
                return Long.toString(signed & 0xFFFFFFFFL);
            default:
                return Long.toUnsignedString(signed);
        }
    }

    /** MariaDB UUID: 16 bytes as stored; the text is the canonical 8-4-4-4-12 form. */
    static String uuidText(byte[] b) {
        StringBuilder sb = new StringBuilder(36);
        for (int i = 0; i < b.length; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                sb.append('-');
            }
            sb.append(Character.forDigit((b[i] >> 4) & 15, 16)).append(Character.forDigit(b[i] & 15, 16));
        }
        return sb.toString();
    }

    static String inet6Text(byte[] b) {
        try {
            String s = java.net.InetAddress.getByAddress(b).getHostAddress();
            return s;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String inet4Text(byte[] b) {
        return (b[0] & 255) + "." + (b[1] & 255) + "." + (b[2] & 255) + "." + (b[3] & 255);
    }
}
