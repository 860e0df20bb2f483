package io.chpack.runner.builtin;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TimeZone;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.BytesColumn;
import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

/** One configured column of {@link StreamReader}: its type and how each value is produced. */
final class StreamColumnSpec {
    static final String SLICE_KEY = "__chpackSlice";
    private static final String PARAM = "job.content[0].reader.parameter.";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    enum Kind { LONG, DOUBLE, STRING, DATE, BOOL, BYTES }

    enum Mode { CONSTANT, RANDOM, INCR }

    final Kind kind;
    final Mode mode;
    /** A CONSTANT column's value, parsed once at init: BigInteger, String, Long, Boolean, byte[] or null. */
    final Object constant;
    final long low;
    final long high;
    final double lowD;
    final double highD;

    private StreamColumnSpec(Kind kind, Mode mode, Object constant, long low, long high, double lowD, double highD) {
        this.kind = kind;
        this.mode = mode;
        this.constant = constant;
        this.low = low;
        this.high = high;
        this.lowD = lowD;
        this.highD = highD;
    }

    static long requireSliceRecordCount(Configuration parameter) {
        String raw = parameter.getString("sliceRecordCount");
        if (raw == null) {
            throw config("sliceRecordCount", "is required: the number of records each task generates");
        }
        try {
            long count = Long.parseLong(raw.trim());
            if (count < 0) {
                throw config("sliceRecordCount", "must be >= 0, got " + raw);
            }
            return count;
        } catch (NumberFormatException e) {
            throw config("sliceRecordCount", "must be a whole number, got '" + raw + "'");
        }
    }

    static List<StreamColumnSpec> parseAll(Configuration parameter) {
        List<Configuration> raw = parameter.getListConfiguration("column");
        if (raw == null || raw.isEmpty()) {
            throw config("column", "is required: a list of {\"type\": ..., \"value\": ...} objects");
        }
        List<StreamColumnSpec> specs = new ArrayList<StreamColumnSpec>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            specs.add(parse(raw.get(i), "column[" + i + "]"));
        }
        return Collections.unmodifiableList(specs);
    }

    private static StreamColumnSpec parse(Configuration column, String path) {
        String type = column.getString("type", "string").trim().toLowerCase(Locale.ROOT);
        Kind kind;
        try {
            kind = Kind.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw config(path + ".type", "must be one of long, double, string, date, bool, bytes; got '" + type + "'");
        }
        String random = column.getString("random");
        String incr = column.getString("incr");
        if (random != null) {
            String[] bounds = bounds(random, path + ".random");
            if (kind == Kind.DOUBLE) {
                return new StreamColumnSpec(kind, Mode.RANDOM, null, 0, 0,
                        number(bounds[0], path + ".random").doubleValue(), number(bounds[1], path + ".random").doubleValue());
            }
            if (kind == Kind.DATE) {
                return new StreamColumnSpec(kind, Mode.RANDOM, null, date(bounds[0], path + ".random"),
                        date(bounds[1], path + ".random"), 0, 0);
            }
            long lo = number(bounds[0], path + ".random").longValue();
            long hi = number(bounds[1], path + ".random").longValue();
            if (lo > hi || lo < 0 && kind == Kind.STRING) {
                throw config(path + ".random", "needs min <= max (and lengths >= 0), got '" + random + "'");
            }
            return new StreamColumnSpec(kind, Mode.RANDOM, null, lo, hi, 0, 0);
        }
        if (incr != null) {
            if (kind != Kind.LONG) {
                throw config(path + ".incr", "applies to type long only, not " + type);
            }
            String[] parts = incr.split(",");
            long start = number(parts[0], path + ".incr").longValue();
            long step = parts.length > 1 ? number(parts[1], path + ".incr").longValue() : 1;
            return new StreamColumnSpec(kind, Mode.INCR, null, start, step, 0, 0);
        }
        String value = column.getString("value");
        return new StreamColumnSpec(kind, Mode.CONSTANT, parseConstant(kind, value, path + ".value"), 0, 0, 0, 0);
    }

    /** Parsed once so that generating a record costs a Column allocation, not a parse. */
    private static Object parseConstant(Kind kind, String value, String path) {
        if (value == null) {
            return null;
        }
        switch (kind) {
            case LONG:
                try {
                    return new BigDecimal(value.trim()).toBigIntegerExact();
                } catch (NumberFormatException | ArithmeticException e) {
                    throw config(path, "is not a whole number: '" + value + "'");
                }
            case DOUBLE:
                return number(value, path).toString();
            case DATE:
                return date(value, path);
            case BOOL:
                if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
                    throw config(path, "must be true or false, got '" + value + "'");
                }
                return Boolean.valueOf(value);
            case BYTES:
                return value.getBytes(StandardCharsets.UTF_8);
            default:
                return value;
        }
    }

    private static String[] bounds(String random, String path) {
        String[] parts = random.split(",");
        if (parts.length != 2) {
            throw config(path, "must be \"min,max\", got '" + random + "'");
        }
        return parts;
    }

    private static BigDecimal number(String text, String path) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw config(path, "expects numbers, got '" + text + "'");
        }
    }

    private static long date(String text, String path) {
        try {
            return utcFormat().parse(text.trim()).getTime();
        } catch (ParseException e) {
            throw config(path, "expects dates as yyyy-MM-dd HH:mm:ss (UTC), got '" + text + "'");
        }
    }

    private static SimpleDateFormat utcFormat() {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        format.setLenient(false);
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
        return format;
    }

    static DataXException config(String key, String problem) {
        return DataXException.asDataXException(CommonErrorCode.CONFIG_ERROR, PARAM + key + " " + problem);
    }

    /** Produces the records of one task; seeded by the slice so reruns are identical. */
    static final class Generator {
        private final List<StreamColumnSpec> specs;
        private final Random random;

        Generator(List<StreamColumnSpec> specs, int slice) {
            this.specs = specs;
            this.random = new Random(0x5eedL * 31 + slice);
        }

        void fill(Record record, long index) {
            for (int i = 0; i < specs.size(); i++) {
                record.addColumn(column(i, index));
            }
        }

        Column column(int i, long index) {
            StreamColumnSpec spec = specs.get(i);
            switch (spec.mode) {
                case INCR:
                    return new LongColumn(spec.low + spec.high * index);
                case RANDOM:
                    return randomColumn(spec);
                default:
                    return constantColumn(spec);
            }
        }

        private Column randomColumn(StreamColumnSpec spec) {
            switch (spec.kind) {
                case DOUBLE:
                    return new DoubleColumn(spec.lowD + random.nextDouble() * (spec.highD - spec.lowD));
                case STRING:
                    return new StringColumn(randomText((int) between(spec.low, spec.high)));
                case DATE:
                    return new DateColumn(between(spec.low, spec.high));
                case BOOL:
                    return new BoolColumn(random.nextBoolean());
                case BYTES:
                    return new BytesColumn(randomText((int) between(spec.low, spec.high)).getBytes(StandardCharsets.UTF_8));
                default:
                    return new LongColumn(between(spec.low, spec.high));
            }
        }

        private long between(long lo, long hi) {
            long span = hi - lo + 1;
            return span <= 0 ? lo + (random.nextLong() & Long.MAX_VALUE) : lo + (long) (random.nextDouble() * span);
        }

        private String randomText(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
            }
            return text.toString();
        }

        private static Column constantColumn(StreamColumnSpec spec) {
            Object raw = spec.constant;
            switch (spec.kind) {
                case LONG:
                    return new LongColumn((BigInteger) raw);
                case DOUBLE:
                    return new DoubleColumn((String) raw);
                case DATE:
                    return new DateColumn((Long) raw);
                case BOOL:
                    return new BoolColumn((Boolean) raw);
                case BYTES:
                    // A copy per record: a writer may keep or change the array it was handed.
                    return new BytesColumn(raw == null ? null : ((byte[]) raw).clone());
                default:
                    return new StringColumn((String) raw);
            }
        }
    }
}
