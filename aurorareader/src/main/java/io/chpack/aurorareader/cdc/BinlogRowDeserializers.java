package io.chpack.aurorareader.cdc;

import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.DeleteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.EventHeaderV4Deserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.FormatDescriptionEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.MariadbGtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.GtidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.NullEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.QueryEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.RotateEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.TableMapEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.UpdateRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.WriteRowsEventDataDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.XidEventDataDeserializer;
import com.github.shyiko.mysql.binlog.io.ByteArrayInputStream;

import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Row-event deserializers that keep what the library's defaults lose. mysql-binlog-connector-java 0.30.1 turns
 * temporal values into epoch numbers or java.util.Date (through {@code asUnixTime}): the sign of TIME and hours
 * above 23 are lost, zero and partly-zero dates collapse into one marker, YEAR 0 becomes 1900, and CHAR/VARCHAR
 * are decoded with the platform charset. These subclasses return instead:
 * <ul>
 * <li>DATE, DATETIME(p), TIME(p): MySQL's own text ({@code 2024-02-29}, {@code 0000-00-00 00:00:00},
 * {@code -838:59:59.000000}) as {@link String}, exactly what the driver's getString would give;</li>
 * <li>TIMESTAMP(p): a {@link TimestampValue} (epoch seconds + microseconds), printed later in the session zone;</li>
 * <li>CHAR/VARCHAR/BINARY/VARBINARY: the raw bytes (decoded later with the column's charset).</li>
 * </ul>
 * Everything else stays the library's: integers as signed Java values (made unsigned later from the column
 * type), DECIMAL as BigDecimal, FLOAT/DOUBLE, BIT as BitSet, ENUM index (Integer), SET bitmask (Long),
 * BLOB/TEXT and JSON as bytes (MySQL binary JSON, parsed later with {@code JsonBinary}).
 */
final class BinlogRowDeserializers {
    private BinlogRowDeserializers() {
    }

    /** TIMESTAMP value from the binlog: UTC epoch seconds and microseconds. */
    static final class TimestampValue implements Serializable {
        private static final long serialVersionUID = 1L;
        final long epochSecond;
        final int micros;

        TimestampValue(long epochSecond, int micros) {
            this.epochSecond = epochSecond;
            this.micros = micros;
        }
    }

    /** An EventDeserializer with these row deserializers and the defaults for every other event CDC needs. */
    static EventDeserializer eventDeserializer() {
        Map<Long, TableMapEventData> tableMaps = new HashMap<>();
        Map<EventType, EventDataDeserializer> m = new IdentityHashMap<>();
        m.put(EventType.FORMAT_DESCRIPTION, new FormatDescriptionEventDataDeserializer());
        m.put(EventType.ROTATE, new RotateEventDataDeserializer());
        m.put(EventType.QUERY, new QueryEventDataDeserializer());
        m.put(EventType.TABLE_MAP, new TableMapEventDataDeserializer());
        m.put(EventType.XID, new XidEventDataDeserializer());
        m.put(EventType.GTID, new GtidEventDataDeserializer());
        m.put(EventType.MARIADB_GTID, new MariadbGtidEventDataDeserializer());
        m.put(EventType.WRITE_ROWS, new Write(tableMaps));
        m.put(EventType.UPDATE_ROWS, new Update(tableMaps));
        m.put(EventType.DELETE_ROWS, new Delete(tableMaps));
        m.put(EventType.EXT_WRITE_ROWS, new Write(tableMaps).setMayContainExtraInformation(true));
        m.put(EventType.EXT_UPDATE_ROWS, new Update(tableMaps).setMayContainExtraInformation(true));
        m.put(EventType.EXT_DELETE_ROWS, new Delete(tableMaps).setMayContainExtraInformation(true));
        return new EventDeserializer(new EventHeaderV4Deserializer(), new NullEventDataDeserializer(), m, tableMaps);
    }

    static final class Write extends WriteRowsEventDataDeserializer {
        Write(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return Cells.date(in);
        }

        @Override
        protected Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
            return Cells.timeV1(in);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.timeV2(meta, in);
        }

        @Override
        protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
            return Cells.datetimeV1(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.datetimeV2(meta, in);
        }

        @Override
        protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
            return Cells.timestampV1(in);
        }

        @Override
        protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.timestampV2(meta, in);
        }

        @Override
        protected Serializable deserializeString(int length, ByteArrayInputStream in) throws IOException {
            return Cells.string(length, in);
        }

        @Override
        protected Serializable deserializeVarString(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.varString(meta, in);
        }
    }

    static final class Update extends UpdateRowsEventDataDeserializer {
        Update(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return Cells.date(in);
        }

        @Override
        protected Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
            return Cells.timeV1(in);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.timeV2(meta, in);
        }

        @Override
        protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
            return Cells.datetimeV1(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.datetimeV2(meta, in);
        }

        @Override
        protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
            return Cells.timestampV1(in);
        }

        @Override
        protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.timestampV2(meta, in);
        }

        @Override
        protected Serializable deserializeString(int length, ByteArrayInputStream in) throws IOException {
            return Cells.string(length, in);
        }

        @Override
        protected Serializable deserializeVarString(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.varString(meta, in);
        }
    }

    static final class Delete extends DeleteRowsEventDataDeserializer {
        Delete(Map<Long, TableMapEventData> tableMaps) {
            super(tableMaps);
        }

        @Override
        protected Serializable deserializeDate(ByteArrayInputStream in) throws IOException {
            return Cells.date(in);
        }

        @Override
        protected Serializable deserializeTime(ByteArrayInputStream in) throws IOException {
            return Cells.timeV1(in);
        }

        @Override
        protected Serializable deserializeTimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.timeV2(meta, in);
        }

        @Override
        protected Serializable deserializeDatetime(ByteArrayInputStream in) throws IOException {
            return Cells.datetimeV1(in);
        }

        @Override
        protected Serializable deserializeDatetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.datetimeV2(meta, in);
        }

        @Override
        protected Serializable deserializeTimestamp(ByteArrayInputStream in) throws IOException {
            return Cells.timestampV1(in);
        }

        @Override
        protected Serializable deserializeTimestampV2(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.timestampV2(meta, in);
        }

        @Override
        protected Serializable deserializeString(int length, ByteArrayInputStream in) throws IOException {
            return Cells.string(length, in);
        }

        @Override
        protected Serializable deserializeVarString(int meta, ByteArrayInputStream in) throws IOException {
            return Cells.varString(meta, in);
        }
    }

    /** The decoding shared by the three row deserializers (formats from MySQL's sql/log_event.cc, my_time.c). */
    static final class Cells {
        private Cells() {
        }

        static String date(ByteArrayInputStream in) throws IOException {
            int v = in.readInteger(3);
            int day = v & 31;
            int month = (v >>> 5) & 15;
            int year = v >>> 9;
            return String.format("%04d-%02d-%02d", year, month, day);
        }

        /** Old TIME: a signed 3-byte integer HHMMSS. */
        static String timeV1(ByteArrayInputStream in) throws IOException {
            int v = (in.readInteger(3) << 8) >> 8;
            boolean neg = v < 0;
            v = Math.abs(v);
            return (neg ? "-" : "") + String.format("%02d:%02d:%02d", v / 10000, (v / 100) % 100, v % 100);
        }

        /** TIME2 (MySQL 5.6.4+ / MariaDB mysql56_temporal_format), decoded like my_time_packed_from_binary. */
        static String timeV2(int meta, ByteArrayInputStream in) throws IOException {
            long packed;
            long intpart;
            switch (meta) {
                case 0:
                    intpart = bigEndian(in.read(3)) - 0x800000L;
                    packed = intpart << 24;
                    break;
                case 1:
                case 2: {
                    intpart = bigEndian(in.read(3)) - 0x800000L;
                    int frac = in.read(1)[0] & 0xFF;
                    if (intpart < 0 && frac != 0) {
                        intpart++;
                        frac -= 0x100;
                    }
                    packed = (intpart << 24) + frac * 10000L;
                    break;
                }
                case 3:
                case 4: {
                    intpart = bigEndian(in.read(3)) - 0x800000L;
                    int frac = (int) bigEndian(in.read(2));
                    if (intpart < 0 && frac != 0) {
                        intpart++;
                        frac -= 0x10000;
                    }
                    packed = (intpart << 24) + frac * 100L;
                    break;
                }
                default:
                    packed = bigEndian(in.read(6)) - 0x800000000000L;
            }
            boolean neg = packed < 0;
            if (neg) {
                packed = -packed;
            }
            long hms = packed >> 24;
            long micros = packed % (1L << 24);
            long hour = (hms >> 12) % (1 << 10);
            long minute = (hms >> 6) % (1 << 6);
            long second = hms % (1 << 6);
            return (neg ? "-" : "") + String.format("%02d:%02d:%02d", hour, minute, second) + fraction(micros, meta);
        }

        /** Old DATETIME: 8-byte integer YYYYMMDDhhmmss. */
        static String datetimeV1(ByteArrayInputStream in) throws IOException {
            long v = in.readLong(8);
            long date = v / 1000000;
            long time = v % 1000000;
            return String.format("%04d-%02d-%02d %02d:%02d:%02d", date / 10000, (date / 100) % 100, date % 100,
                    time / 10000, (time / 100) % 100, time % 100);
        }

        static String datetimeV2(int meta, ByteArrayInputStream in) throws IOException {
            long v = bigEndian(in.read(5)) - 0x8000000000L;
            int micros = fractionMicros(meta, in);
            long ymdhms = v;
            long ymd = ymdhms >> 17;
            long ym = ymd >> 5;
            long hms = ymdhms % (1 << 17);
            return String.format("%04d-%02d-%02d %02d:%02d:%02d", ym / 13, ym % 13, ymd % (1 << 5), hms >> 12,
                    (hms >> 6) % (1 << 6), hms % (1 << 6)) + fraction(micros, meta);
        }

        static TimestampValue timestampV1(ByteArrayInputStream in) throws IOException {
            return new TimestampValue(in.readLong(4) & 0xFFFFFFFFL, 0);
        }

        static TimestampValue timestampV2(int meta, ByteArrayInputStream in) throws IOException {
            long seconds = bigEndian(in.read(4));
            return new TimestampValue(seconds, fractionMicros(meta, in));
        }

        static byte[] string(int length, ByteArrayInputStream in) throws IOException {
            int n = length < 256 ? in.readInteger(1) : in.readInteger(2);
            return in.read(n);
        }

        static byte[] varString(int meta, ByteArrayInputStream in) throws IOException {
            int n = meta < 256 ? in.readInteger(1) : in.readInteger(2);
            return in.read(n);
        }

        static int fractionMicros(int meta, ByteArrayInputStream in) throws IOException {
            int length = (meta + 1) / 2;
            if (length == 0) {
                return 0;
            }
            int fraction = (int) bigEndian(in.read(length));
            return fraction * (int) Math.pow(100, 3 - length);
        }

        /** {@code .ffffff} cut to {@code digits}, or nothing for 0 digits. */
        static String fraction(long micros, int digits) {
            if (digits <= 0) {
                return "";
            }
            String f = String.format("%06d", micros);
            return "." + f.substring(0, Math.min(6, digits));
        }

        private static long bigEndian(byte[] b) {
            long v = 0;
            for (byte x : b) {
                v = (v << 8) | (x & 0xFF);
            }
            return v;
        }
    }
}
