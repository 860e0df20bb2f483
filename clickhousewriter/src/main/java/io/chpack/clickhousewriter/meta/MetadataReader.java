package io.chpack.clickhousewriter.meta;

import static io.chpack.clickhousewriter.meta.Identifiers.literal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.clickhousewriter.WriterErrorCode;
import io.chpack.clickhousewriter.client.ClickHouseConnection;
import io.chpack.common.chtype.ClickHouseType;

/** Reads server facts and table metadata from the system tables (present in 18.16 and 26.x alike). */
public final class MetadataReader {
    private MetadataReader() {
    }

    public static ServerInfo server(ClickHouseConnection c) {
        List<String[]> rows = c.query("SELECT version(), timezone()");
        String version = rows.get(0)[0];
        String tz = rows.get(0)[1];
        ZoneId zone;
        try {
            zone = ZoneId.of(tz);
        } catch (DateTimeException e) {
            throw DataXException.asDataXException(WriterErrorCode.CONFIG_ERROR, "the server's time zone '" + tz
                    + "' is unknown to this JVM; set parameter.timeZone explicitly");
        }
        Set<String> settings = new HashSet<String>();
        for (String[] r : c.query("SELECT name FROM system.settings")) {
            settings.add(r[0]);
        }
        return new ServerInfo(version, zone, settings);
    }

    /**
     * @throws DataXException TABLE_ERROR when the table does not exist or has a type chpack cannot write
     */
    public static TableMetadata table(ClickHouseConnection c, String database, String table) {
        List<String[]> t = c.query("SELECT engine, engine_full, partition_key, sorting_key FROM system.tables "
                + "WHERE database = " + literal(database) + " AND name = " + literal(table));
        if (t.isEmpty()) {
            throw DataXException.asDataXException(WriterErrorCode.TABLE_ERROR, "table " + database + "." + table
                    + " does not exist on " + c.endpoint() + " (parameter.connection[0].table)");
        }
        List<TargetColumn> columns = new ArrayList<TargetColumn>();
        for (String[] r : c.query("SELECT name, type, default_kind FROM system.columns WHERE database = "
                + literal(database) + " AND table = " + literal(table))) {
            ClickHouseType type;
            try {
                type = ClickHouseType.parse(r[1]);
            } catch (RuntimeException e) {
                // Kept as null: only an error if the job actually writes this column.
                type = null;
            }
            columns.add(new TargetColumn(r[0], r[1], type, r[2]));
        }
        String[] row = t.get(0);
        return new TableMetadata(database, table, row[0], row[1], row[2], row[3], columns);
    }
}
