package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.element.Column;
import com.alibaba.datax.common.element.DateColumn;
import com.alibaba.datax.common.element.LongColumn;
import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.element.StringColumn;
import io.chpack.common.mapping.SourceValueException;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Builds change records: the row image through the full load's readers, then the metadata columns
 * {@code _op}, {@code _version}, {@code _is_deleted}, {@code _source_ts} for a ClickHouse
 * {@code ReplacingMergeTree(_version)} (18.16) or {@code ReplacingMergeTree(_version, _is_deleted)} (23.2+).
 */
public final class CdcRecords {
    public static final String OP = "_op";
    public static final String VERSION = "_version";
    public static final String IS_DELETED = "_is_deleted";
    public static final String SOURCE_TS = "_source_ts";
    /** Optional leading column when one source reads several tables: {@code schema.table}. */
    public static final String TABLE = "_table";
    /** The metadata columns, in record order after the row's columns. */
    public static final List<String> META_COLUMNS = Collections.unmodifiableList(Arrays.asList(OP, VERSION,
            IS_DELETED, SOURCE_TS));
    /** ClickHouse types of the metadata columns (same on 18.16 and 26.x). */
    public static final List<String> META_CLICKHOUSE_TYPES = Collections.unmodifiableList(Arrays.asList("String",
            "UInt64", "UInt8", "DateTime"));

    private final boolean withTable;
    private final ChangeSink sink;
    final CdcRunStats stats = new CdcRunStats();

    CdcRecords(ChangeSink sink, boolean withTable) {
        this.sink = sink;
        this.withTable = withTable;
    }

    /**
     * @param op c, u or d
     */
    void emit(CdcTable t, ValueRow row, char op, long version, long sourceTsMillis) {
        Record r = sink.newRecord();
        if (withTable) {
            r.addColumn(new StringColumn(t.qualified()));
        }
        for (int i = 0; i < t.width(); i++) {
            Column c;
            try {
                c = t.mappings.get(i).reader().read(row.resultSet(), i + 1);
            } catch (SQLException e) {
                throw CdcErrorCode.STREAM_FAILED.error("table " + t.qualified() + " column '" + t.columnNames.get(i)
                        + "': " + e.getMessage(), e);
            } catch (SourceValueException e) {
                throw CdcErrorCode.STREAM_FAILED.error("table " + t.qualified() + ": " + e.getMessage(), e);
            }
            r.addColumn(c);
        }
        r.addColumn(new StringColumn(String.valueOf(op)));
        r.addColumn(new LongColumn(version));
        r.addColumn(new LongColumn(op == 'd' ? 1L : 0L));
        DateColumn ts = new DateColumn(sourceTsMillis);
        r.addColumn(ts);
        sink.send(r);
        stats.records++;
        if (op == 'c') {
            stats.inserts++;
        } else if (op == 'u') {
            stats.updates++;
        } else {
            stats.deletes++;
        }
    }

    static boolean sameCell(Object a, Object b) {
        if (a instanceof byte[] && b instanceof byte[]) {
            return Arrays.equals((byte[]) a, (byte[]) b);
        }
        return a == null ? b == null : a.equals(b);
    }
}
