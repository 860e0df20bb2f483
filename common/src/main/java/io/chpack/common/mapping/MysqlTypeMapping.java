package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

/**
 * MySQL/MariaDB column type → DataX Column (with a lossless {@link JdbcValueReader}) and the matching
 * ClickHouse type. The table of rules is in {@code docs/type-mapping.md}, section "MySQL/MariaDB → DataX".
 */
public final class MysqlTypeMapping {
    /** MySQL's limit for DECIMAL precision; ClickHouse Decimal goes to 76, so every DECIMAL fits. */
    static final int MAX_DECIMAL_PRECISION = 65;

    private final SourceReadOptions options;

    public MysqlTypeMapping(SourceReadOptions options) {
        this.options = options;
    }

    /**
     * @param columnName for readers' error messages
     * @param columnType COLUMN_TYPE text, e.g. {@code bigint(20) unsigned}
     * @throws UnsupportedSourceTypeException for spatial and unknown types, with the way out
     * @throws IllegalArgumentException       when the type text is malformed
     */
    public SourceColumnMapping map(String columnName, String columnType) {
        MysqlColumnType t;
        try {
            t = MysqlColumnType.parse(columnType);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + columnName + "': " + e.getMessage(), e);
        }
        return map(columnName, t);
    }

    public SourceColumnMapping map(String columnName, MysqlColumnType t) {
        ColumnRef ref = new ColumnRef(columnName, t.text());
        boolean u = t.isUnsigned();
        switch (t.name()) {
            case "tinyint":
                if (!u && t.intArg(0, 4) == 1 && options.tinyInt1AsBool()) {
                    return m(ref, Column.Type.BOOL, new CommonReaders.TinyIntBool(ref), ClickHouseTypeKind.BOOL);
                }
                return integer(ref, u ? ClickHouseTypeKind.UINT8 : ClickHouseTypeKind.INT8);
            case "smallint":
                return integer(ref, u ? ClickHouseTypeKind.UINT16 : ClickHouseTypeKind.INT16);
            case "mediumint":
                return integer(ref, u ? ClickHouseTypeKind.UINT32 : ClickHouseTypeKind.INT32);
            case "int":
                return integer(ref, u ? ClickHouseTypeKind.UINT32 : ClickHouseTypeKind.INT32);
            case "bigint":
                return u ? m(ref, Column.Type.LONG, new CommonReaders.IntegerText(ref), ClickHouseTypeKind.UINT64)
                        : integer(ref, ClickHouseTypeKind.INT64);
            case "decimal": {
                int p = t.intArg(0, 10);
                int s = t.intArg(1, 0);
                if (p < 1 || p > MAX_DECIMAL_PRECISION || s > p) {
                    throw new IllegalArgumentException("column '" + columnName + "': DECIMAL(" + p + "," + s
                            + ") is outside MySQL's limits");
                }
                return new SourceColumnMapping(ref.name, ref.sourceType, Column.Type.DOUBLE,
                        new CommonReaders.ExactDecimal(), ClickHouseType.decimal(p, s));
            }
            case "float":
                return m(ref, Column.Type.DOUBLE, new CommonReaders.Float32(), ClickHouseTypeKind.FLOAT32);
            case "double":
                return m(ref, Column.Type.DOUBLE, new CommonReaders.Float64(), ClickHouseTypeKind.FLOAT64);
            case "bit": {
                int bits = t.intArg(0, 1);
                if (bits < 1 || bits > 64) {
                    throw new IllegalArgumentException("column '" + columnName + "': BIT(" + bits + ") is outside 1..64");
                }
                if (bits == 1) {
                    return m(ref, Column.Type.BOOL, new MysqlReaders.Bit(1), ClickHouseTypeKind.BOOL);
                }
                ClickHouseTypeKind k = bits <= 8 ? ClickHouseTypeKind.UINT8 : bits <= 16 ? ClickHouseTypeKind.UINT16
                        : bits <= 32 ? ClickHouseTypeKind.UINT32 : ClickHouseTypeKind.UINT64;
                return m(ref, Column.Type.LONG, new MysqlReaders.Bit(bits), k);
            }
            case "year":
                return m(ref, Column.Type.LONG, new MysqlReaders.Year(ref), ClickHouseTypeKind.UINT16);
            case "date":
                return m(ref, Column.Type.DATE, new MysqlReaders.Date(ref, options), ClickHouseTypeKind.DATE32);
            case "datetime": {
                int p = fsp(t, columnName);
                return new SourceColumnMapping(ref.name, ref.sourceType, dateTimeType(p),
                        new MysqlReaders.DateTime(ref, options, p), ClickHouseType.dateTime64(p, null));
            }
            case "timestamp": {
                int p = fsp(t, columnName);
                return new SourceColumnMapping(ref.name, ref.sourceType, dateTimeType(p),
                        new MysqlReaders.Timestamp(ref, options, p),
                        p == 0 ? ClickHouseType.dateTime(null) : ClickHouseType.dateTime64(p, null));
            }
            case "time": {
                int p = fsp(t, columnName);
                return m(ref, options.timeOfDay() == TimeOfDay.TEXT ? Column.Type.STRING : Column.Type.DATE,
                        new MysqlReaders.Time(ref, options, p), ClickHouseTypeKind.STRING);
            }
            case "char":
            case "varchar":
            case "tinytext":
            case "text":
            case "mediumtext":
            case "longtext":
            case "json":
            case "enum":
            case "set":
                return m(ref, Column.Type.STRING, new CommonReaders.Text(), ClickHouseTypeKind.STRING);
            case "binary":
                return new SourceColumnMapping(ref.name, ref.sourceType, Column.Type.BYTES, new CommonReaders.Bytes(),
                        ClickHouseType.fixedString(Math.max(1, t.intArg(0, 1))));
            case "varbinary":
            case "tinyblob":
            case "blob":
            case "mediumblob":
            case "longblob":
                return m(ref, Column.Type.BYTES, new CommonReaders.Bytes(), ClickHouseTypeKind.STRING);
            case "uuid": // MariaDB 10.7+
                return m(ref, Column.Type.STRING, new CommonReaders.Text(), ClickHouseTypeKind.UUID);
            case "inet6": // MariaDB 10.5+
                return m(ref, Column.Type.STRING, new CommonReaders.Text(), ClickHouseTypeKind.IPV6);
            case "inet4": // MariaDB 11.3+
                return m(ref, Column.Type.STRING, new CommonReaders.Text(), ClickHouseTypeKind.IPV4);
            case "geometry":
            case "point":
            case "linestring":
            case "polygon":
            case "multipoint":
            case "multilinestring":
            case "multipolygon":
            case "geometrycollection":
                throw new UnsupportedSourceTypeException(columnName, t.text(), "spatial values have no DataX Column; "
                        + "select ST_AsText(`" + columnName + "`) (WKT text) or ST_AsWKB(`" + columnName
                        + "`) (bytes) in querySql instead");
            default:
                throw new UnsupportedSourceTypeException(columnName, t.text(), "unknown MySQL/MariaDB type; cast it "
                        + "in querySql, e.g. CAST(`" + columnName + "` AS CHAR)");
        }
    }

    private Column.Type dateTimeType(int digits) {
        return TemporalColumns.asText(options.fractionalSeconds(), digits) ? Column.Type.STRING : Column.Type.DATE;
    }

    private static int fsp(MysqlColumnType t, String columnName) {
        int p = t.intArg(0, 0);
        if (p > 6) {
            throw new IllegalArgumentException("column '" + columnName + "': fractional seconds precision " + p
                    + " of '" + t.text() + "' is above MySQL's 6");
        }
        return p;
    }

    private static SourceColumnMapping integer(ColumnRef ref, ClickHouseTypeKind kind) {
        return m(ref, Column.Type.LONG, new CommonReaders.SignedLong(), kind);
    }

    private static SourceColumnMapping m(ColumnRef ref, Column.Type type, JdbcValueReader reader,
            ClickHouseTypeKind kind) {
        return new SourceColumnMapping(ref.name, ref.sourceType, type, reader, ClickHouseType.of(kind));
    }
}
