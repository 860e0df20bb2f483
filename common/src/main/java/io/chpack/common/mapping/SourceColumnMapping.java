package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.chtype.ClickHouseType;

/**
 * How one source column travels: the DataX Column type its values become, the reader that produces them,
 * and the ClickHouse type a table created for it gets (the value type for a modern server, never Nullable:
 * {@link ClickHouseDdl} adds Nullable and applies the 18.16 fallbacks).
 */
public final class SourceColumnMapping {
    private final String columnName;
    private final String sourceType;
    private final Column.Type dataxType;
    private final JdbcValueReader reader;
    private final ClickHouseType clickHouseType;

    SourceColumnMapping(String columnName, String sourceType, Column.Type dataxType, JdbcValueReader reader,
            ClickHouseType clickHouseType) {
        this.columnName = columnName;
        this.sourceType = sourceType;
        this.dataxType = dataxType;
        this.reader = reader;
        this.clickHouseType = clickHouseType;
    }

    public String columnName() {
        return columnName;
    }

    /** The source type text the mapping was built from. */
    public String sourceType() {
        return sourceType;
    }

    /** LONG, DOUBLE, STRING, DATE, BOOL or BYTES: the Column class every value (and NULL) of this column has. */
    public Column.Type dataxType() {
        return dataxType;
    }

    public JdbcValueReader reader() {
        return reader;
    }

    /** The ClickHouse type for DDL on a modern server; not Nullable. */
    public ClickHouseType clickHouseType() {
        return clickHouseType;
    }

    @Override
    public String toString() {
        return columnName + " " + sourceType + " → " + dataxType + " → " + clickHouseType;
    }
}
