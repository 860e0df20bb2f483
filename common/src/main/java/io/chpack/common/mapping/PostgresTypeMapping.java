package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;
import io.chpack.common.chtype.ClickHouseTypeKind;

/**
 * PostgreSQL column type → DataX Column (with a lossless {@link JdbcValueReader}) and the matching ClickHouse
 * type. The table of rules is in {@code docs/type-mapping.md}, section "PostgreSQL → DataX".
 */
public final class PostgresTypeMapping {
    /** The precision of timestamp/time without a modifier: microseconds. */
    static final int DEFAULT_TIME_PRECISION = 6;
    /** money is an int64 of cents: 17 integer digits + 2 fraction digits. */
    static final ClickHouseType MONEY_TYPE = ClickHouseType.decimal(19, 2);

    private final SourceReadOptions options;

    public PostgresTypeMapping(SourceReadOptions options) {
        this.options = options;
    }

    /**
     * @param typeText format_type(), udt_name or a DDL spelling; enums and other user types by their name
     * @throws UnsupportedSourceTypeException for types it does not know, unless {@code unknownTypesAsText}
     */
    public SourceColumnMapping map(String columnName, String typeText) {
        PostgresColumnType t;
        try {
            t = PostgresColumnType.parse(typeText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + columnName + "': " + e.getMessage(), e);
        }
        return map(columnName, t);
    }

    public SourceColumnMapping map(String columnName, PostgresColumnType t) {
        ColumnRef ref = new ColumnRef(columnName, t.text());
        if (t.isArray()) {
            return array(ref, t);
        }
        return scalar(ref, t);
    }

    /**
     * Maps an enum type (known to be one from {@code pg_type.typtype = 'e'}) without turning on
     * {@code unknownTypesAsText} for everything: labels travel as text.
     */
    public SourceColumnMapping mapEnum(String columnName, String enumTypeName) {
        PostgresColumnType t = PostgresColumnType.parse(enumTypeName);
        ColumnRef ref = new ColumnRef(columnName, t.text());
        if (t.isArray()) {
            return new SourceColumnMapping(ref.name, ref.sourceType, Column.Type.STRING,
                    new PostgresReaders.Array(ref, JsonText.Leaf.STRING, ','), nestedArray(ClickHouseType.of(
                            ClickHouseTypeKind.STRING), t.arrayDimensions()));
        }
        return text(ref, ClickHouseTypeKind.STRING);
    }

    private SourceColumnMapping scalar(ColumnRef ref, PostgresColumnType t) {
        switch (t.name()) {
            case "int2":
                return m(ref, Column.Type.LONG, new CommonReaders.SignedLong(), ClickHouseTypeKind.INT16);
            case "int4":
                return m(ref, Column.Type.LONG, new CommonReaders.SignedLong(), ClickHouseTypeKind.INT32);
            case "int8":
                return m(ref, Column.Type.LONG, new CommonReaders.SignedLong(), ClickHouseTypeKind.INT64);
            case "oid":
            case "xid":
            case "cid":
                return m(ref, Column.Type.LONG, new CommonReaders.SignedLong(), ClickHouseTypeKind.UINT32);
            case "xid8":
                return m(ref, Column.Type.LONG, new CommonReaders.IntegerText(ref), ClickHouseTypeKind.UINT64);
            case "numeric": {
                ClickHouseType ch;
                if (t.modifiers().isEmpty()) {
                    ch = ClickHouseType.of(ClickHouseTypeKind.STRING); // no fixed scale: only text is exact
                } else {
                    int p = t.modifier(0, 0);
                    int s = t.modifier(1, 0);
                    // numeric(p, s) allows s < 0 or s > p since PostgreSQL 15; ClickHouse Decimal does not.
                    ch = p >= 1 && p <= ClickHouseType.MAX_DECIMAL_PRECISION && s >= 0 && s <= p
                            ? ClickHouseType.decimal(p, s) : ClickHouseType.of(ClickHouseTypeKind.STRING);
                }
                return new SourceColumnMapping(ref.name, ref.sourceType, Column.Type.DOUBLE,
                        new PostgresReaders.Numeric(ref, options.numericNaNAsNull()), ch);
            }
            case "money":
                return new SourceColumnMapping(ref.name, ref.sourceType, Column.Type.DOUBLE,
                        new PostgresReaders.Money(ref), MONEY_TYPE);
            case "float4":
                return m(ref, Column.Type.DOUBLE, new CommonReaders.Float32(), ClickHouseTypeKind.FLOAT32);
            case "float8":
                return m(ref, Column.Type.DOUBLE, new CommonReaders.Float64(), ClickHouseTypeKind.FLOAT64);
            case "bool":
                return m(ref, Column.Type.BOOL, new CommonReaders.Bool(), ClickHouseTypeKind.BOOL);
            case "bytea":
                return m(ref, Column.Type.BYTES, new CommonReaders.Bytes(), ClickHouseTypeKind.STRING);
            case "date":
                return m(ref, Column.Type.DATE, new PostgresReaders.Date(ref, options), ClickHouseTypeKind.DATE32);
            case "timestamp": {
                int p = precision(t);
                return new SourceColumnMapping(ref.name, ref.sourceType, dateTimeType(p),
                        new PostgresReaders.Timestamp(ref, options, p), ClickHouseType.dateTime64(p, null));
            }
            case "timestamptz": {
                int p = precision(t);
                return new SourceColumnMapping(ref.name, ref.sourceType, dateTimeType(p),
                        new PostgresReaders.TimestampTz(ref, options, p), ClickHouseType.dateTime64(p, null));
            }
            case "time":
                return m(ref, options.timeOfDay() == TimeOfDay.TEXT ? Column.Type.STRING : Column.Type.DATE,
                        new PostgresReaders.Time(ref, options, precision(t)), ClickHouseTypeKind.STRING);
            case "uuid":
                return text(ref, ClickHouseTypeKind.UUID);
            case "text":
            case "varchar":
            case "bpchar":
            case "char1":
            case "json":
            case "jsonb":
            case "timetz":
            case "interval":
            case "inet":
            case "cidr":
            case "macaddr":
            case "macaddr8":
            case "bit":
            case "varbit":
            case "xml":
            case "tsvector":
            case "tsquery":
            case "point":
            case "line":
            case "lseg":
            case "box":
            case "path":
            case "polygon":
            case "circle":
            case "int4range":
            case "int8range":
            case "numrange":
            case "tsrange":
            case "tstzrange":
            case "daterange":
            case "int4multirange":
            case "int8multirange":
            case "nummultirange":
            case "tsmultirange":
            case "tstzmultirange":
            case "datemultirange":
            case "pg_lsn":
            case "txid_snapshot":
            case "pg_snapshot":
            case "jsonpath":
            case "tid":
            case "regclass":
            case "regtype":
            case "regproc":
                return text(ref, ClickHouseTypeKind.STRING);
            default:
                if (options.unknownTypesAsText()) {
                    return text(ref, ClickHouseTypeKind.STRING);
                }
                throw new UnsupportedSourceTypeException(ref.name, ref.sourceType, "unknown PostgreSQL type (pass "
                        + "udt_name or format_type(), not information_schema's data_type; enums: mapEnum(); "
                        + "others: unknownTypesAsText=true, or select \"" + ref.name + "\"::text in querySql)");
        }
    }

    /** Arrays travel as JSON text; the ClickHouse type is Array(Nullable(element)) per dimension. */
    private SourceColumnMapping array(ColumnRef ref, PostgresColumnType t) {
        PostgresColumnType element = t.elementType();
        SourceColumnMapping em = scalar(ref, element);
        JsonText.Leaf leaf;
        ClickHouseType elementCh;
        switch (element.name()) {
            case "int2":
            case "int4":
            case "int8":
            case "oid":
            case "numeric":
            case "float4":
            case "float8":
                leaf = JsonText.Leaf.NUMBER;
                elementCh = em.clickHouseType();
                break;
            case "bool":
                leaf = JsonText.Leaf.BOOLEAN;
                elementCh = em.clickHouseType();
                break;
            case "text":
            case "varchar":
            case "bpchar":
            case "uuid":
            case "date":
            case "timestamp":
                // The element text PostgreSQL prints is the text ClickHouse parses for these types.
                leaf = JsonText.Leaf.STRING;
                elementCh = em.clickHouseType();
                break;
            default:
                // money, bytea (\x… text), timestamptz (session-zone offsets), intervals, …: element text as is.
                leaf = JsonText.Leaf.STRING;
                elementCh = ClickHouseType.of(ClickHouseTypeKind.STRING);
        }
        return new SourceColumnMapping(ref.name, ref.sourceType, Column.Type.STRING,
                new PostgresReaders.Array(ref, leaf, element.name().equals("box") ? ';' : ','),
                nestedArray(elementCh, t.arrayDimensions()));
    }

    private static ClickHouseType nestedArray(ClickHouseType element, int dims) {
        ClickHouseType t = ClickHouseType.array(ClickHouseType.nullable(element));
        for (int i = 1; i < dims; i++) {
            t = ClickHouseType.array(t);
        }
        return t;
    }

    private Column.Type dateTimeType(int digits) {
        return TemporalColumns.asText(options.fractionalSeconds(), digits) ? Column.Type.STRING : Column.Type.DATE;
    }

    private static int precision(PostgresColumnType t) {
        return Math.min(DEFAULT_TIME_PRECISION, t.modifier(0, DEFAULT_TIME_PRECISION));
    }

    private static SourceColumnMapping text(ColumnRef ref, ClickHouseTypeKind kind) {
        return m(ref, Column.Type.STRING, new CommonReaders.Text(), kind);
    }

    private static SourceColumnMapping m(ColumnRef ref, Column.Type type, JdbcValueReader reader,
            ClickHouseTypeKind kind) {
        return new SourceColumnMapping(ref.name, ref.sourceType, type, reader, ClickHouseType.of(kind));
    }
}
