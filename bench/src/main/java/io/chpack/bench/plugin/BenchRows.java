package io.chpack.bench.plugin;

import java.util.UUID;

import com.alibaba.datax.common.element.BoolColumn;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.DoubleColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;

/**
 * The two row shapes of the plugin benchmarks, as DataX records a real source reader would produce (integers
 * as LongColumn, decimals and floats as their text in a DoubleColumn, dates as DateColumn, JSON text for
 * arrays), every value a pure function of the row index (splitmix64), limited to types ClickHouse 18.16 has.
 */
public final class BenchRows {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final String[] STATES = {"new", "paid", "shipped"};
    private static final String[] CITIES = {"Hangzhou", "Beijing", "Shanghai", "Shenzhen", "Chengdu", "Berlin", "Lisbon"};
    private static final long TS_BASE = 1_700_000_000_000L;
    private static final long DAY_BASE = 1_767_225_600_000L; // 2026-01-01 UTC

    private BenchRows() {
    }

    /** A row shape: columns, ClickHouse types and the records. */
    public abstract static class Schema {
        public final String name;
        public final String[][] columns;
        public final String engine;

        Schema(String name, String[][] columns, String engine) {
            this.name = name;
            this.columns = columns;
            this.engine = engine;
        }

        public abstract void fill(long index, Record r);

        public String ddl(String table) {
            StringBuilder b = new StringBuilder("CREATE TABLE ").append(table).append(" (");
            for (int i = 0; i < columns.length; i++) {
                b.append(i == 0 ? "" : ", ").append(columns[i][0]).append(' ').append(columns[i][1]);
            }
            return b.append(") ENGINE = ").append(engine).toString();
        }

        public String columnList() {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < columns.length; i++) {
                b.append(i == 0 ? "" : ", ").append(columns[i][0]);
            }
            return b.toString();
        }
    }

    public static Schema schema(String name) {
        switch (name) {
            case "narrow":
                return NARROW;
            case "wide":
                return WIDE;
            default:
                throw new IllegalArgumentException("schema " + name + " is not narrow or wide");
        }
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** "12345.67"-style text: {@code value / 10^scale} with exactly {@code scale} fraction digits. */
    static String decimal(long unscaled, int scale) {
        StringBuilder b = new StringBuilder(24);
        long whole = unscaled;
        long frac = 0;
        long pow = 1;
        for (int i = 0; i < scale; i++) {
            pow *= 10;
        }
        whole = unscaled / pow;
        frac = unscaled % pow;
        b.append(whole).append('.');
        String f = Long.toString(frac);
        for (int i = f.length(); i < scale; i++) {
            b.append('0');
        }
        return b.append(f).toString();
    }

    static final Schema NARROW = new Schema("narrow", new String[][] {
        {"id", "UInt64"}, {"qty", "Int32"}, {"score", "Float64"}, {"name", "String"}, {"ts", "DateTime"},
    }, "MergeTree ORDER BY id") {
        @Override
        public void fill(long i, Record r) {
            long h1 = mix(i * GOLDEN + 1);
            long h2 = mix(i * GOLDEN + 2);
            r.addColumn(new LongColumn(i));
            r.addColumn(new LongColumn((long) (int) h1));
            r.addColumn(new DoubleColumn(decimal((h1 >>> 33) % 100_000_000L, 2)));
            r.addColumn(new StringColumn("customer-" + (10_000_000_000L + (h2 >>> 1) % 1_000_000_000L)));
            r.addColumn(new DateColumn(TS_BASE + ((h2 >>> 20) % 100_000_000L) * 1000L));
        }
    };

    static final Schema WIDE = new Schema("wide", new String[][] {
        {"id", "UInt64"}, {"small", "Int8"}, {"port", "UInt16"}, {"qty", "Int32"}, {"big", "Int64"},
        {"ratio", "Float32"}, {"score", "Float64"}, {"price", "Decimal(18, 4)"}, {"amount", "Decimal(38, 10)"},
        {"name", "String"}, {"comment", "String"}, {"code", "FixedString(16)"}, {"uuid", "UUID"},
        {"day", "Date"}, {"ts", "DateTime"}, {"state", "Enum8('new' = 1, 'paid' = 2, 'shipped' = 3)"},
        {"maybe", "Nullable(Int32)"}, {"tags", "Array(Int32)"}, {"city", "String"}, {"flag", "UInt8"},
    }, "MergeTree PARTITION BY toYYYYMM(day) ORDER BY id") {
        @Override
        public void fill(long i, Record r) {
            long s = i * GOLDEN;
            long h1 = mix(s + 1);
            long h2 = mix(s + 2);
            long h3 = mix(s + 3);
            long h4 = mix(s + 4);
            long h5 = mix(s + 5);
            r.addColumn(new LongColumn(i));
            r.addColumn(new LongColumn((h1 & 0xFF) - 128));
            r.addColumn(new LongColumn((h1 >>> 8) & 0xFFFF));
            r.addColumn(new LongColumn((long) (int) (h1 >>> 24)));
            r.addColumn(new LongColumn(h2));
            r.addColumn(new DoubleColumn(decimal((h3 & 0xFFFF) % 10_000, 2)));
            r.addColumn(new DoubleColumn(decimal((h3 >>> 16) % 100_000_000L, 2)));
            r.addColumn(new DoubleColumn(decimal((h3 >>> 20) % 10_000_000_000L, 4)));
            r.addColumn(new DoubleColumn(decimal((h4 >>> 2) % 1_000_000_000_000_000L, 10)));
            r.addColumn(new StringColumn("user-" + (h4 >>> 40) % 100_000));
            r.addColumn(new StringColumn("a comment of moderate length with some text in it: " + (int) h5));
            String code = Long.toString((h5 >>> 24) % 10_000_000_000_000L);
            r.addColumn(new StringColumn("SKU" + "0000000000000".substring(code.length()) + code));
            r.addColumn(new StringColumn(new UUID(h2 ^ h5, h4 ^ h1).toString()));
            r.addColumn(new DateColumn(DAY_BASE + ((h5 >>> 3) % 120) * 86_400_000L));
            r.addColumn(new DateColumn(TS_BASE + ((h4 >>> 11) % 100_000_000L) * 1000L));
            r.addColumn(new StringColumn(STATES[(int) ((h5 >>> 13) % 3)]));
            r.addColumn((h5 & 3) == 0 ? new LongColumn((Long) null) : new LongColumn((long) (int) (h3 >>> 7)));
            r.addColumn(new StringColumn("[" + (h1 >>> 54) + "," + ((h2 >>> 44) & 1023) + "," + ((h3 >>> 34) & 1023) + "]"));
            r.addColumn(new StringColumn(CITIES[(int) ((h4 >>> 5) % CITIES.length)]));
            r.addColumn(new BoolColumn((h5 & 0x100) != 0));
        }
    };
}
