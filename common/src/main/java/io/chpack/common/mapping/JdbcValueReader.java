package io.chpack.common.mapping;

import com.alibaba.datax.common.element.Column;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads one source column's value from the current row of a JDBC ResultSet into a DataX Column without
 * loss (or with the documented, opt-in loss of its {@link SourceReadOptions}). One instance per column,
 * chosen once from the column's type by {@link MysqlTypeMapping} or {@link PostgresTypeMapping}; stateless
 * and thread-safe. SQL NULL becomes a typed Column whose raw data is null.
 */
public interface JdbcValueReader {
    /**
     * @param rs    positioned on a row
     * @param index 1-based column index
     * @throws SourceValueException when the value cannot be carried (a zero date under EXCEPTION, numeric NaN,
     *                              …); the message names the column, its source type and the value
     * @throws SQLException         from the driver
     */
    Column read(ResultSet rs, int index) throws SQLException;
}
