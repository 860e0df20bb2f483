package io.chpack.aurorareader.plan;

import com.alibaba.datax.common.exception.DataXException;
import io.chpack.aurorareader.AuroraErrorCode;
import io.chpack.aurorareader.config.Dialect;
import io.chpack.common.mapping.MysqlTypeMapping;
import io.chpack.common.mapping.PostgresTypeMapping;
import io.chpack.common.mapping.SourceColumnMapping;
import io.chpack.common.mapping.SourceReadOptions;
import io.chpack.common.mapping.UnsupportedSourceTypeException;

/** Every column goes through common's type mapping: one {@link SourceColumnMapping} (and JdbcValueReader) each. */
public final class Mappings {
    private final Dialect dialect;
    private final MysqlTypeMapping mysql;
    private final PostgresTypeMapping postgres;

    public Mappings(Dialect dialect, SourceReadOptions options) {
        this.dialect = dialect;
        this.mysql = new MysqlTypeMapping(options);
        this.postgres = new PostgresTypeMapping(options);
    }

    public SourceColumnMapping map(ColumnInfo c, String table) {
        try {
            if (dialect == Dialect.MYSQL) {
                return mysql.map(c.name, c.type);
            }
            return c.pgEnum ? postgres.mapEnum(c.name, c.type) : postgres.map(c.name, c.type);
        } catch (UnsupportedSourceTypeException e) {
            throw DataXException.asDataXException(AuroraErrorCode.UNSUPPORTED_TYPE, "table '" + table + "': "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw DataXException.asDataXException(AuroraErrorCode.UNSUPPORTED_TYPE, "table '" + table + "': "
                    + e.getMessage());
        }
    }
}
