package io.chpack.clickhousereader.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.chpack.clickhousereader.client.ClickHouseConnection;

/**
 * Result column names and types of a SELECT without running it: {@code DESCRIBE (SELECT ...)}, which 18.16
 * supports for any subquery (checked), so querySql needs no {@code LIMIT 0} probe. The SELECT is given with
 * the same settings the read will use (some settings change result types, e.g. join_use_nulls).
 */
public final class ColumnProbe {
    public final List<String> names;
    public final List<String> types;

    private ColumnProbe(List<String> names, List<String> types) {
        this.names = names;
        this.types = types;
    }

    public static ColumnProbe describe(ClickHouseConnection conn, String select, Map<String, String> settings) {
        List<String[]> rows = conn.query("DESCRIBE (" + select + ")", settings);
        List<String> names = new ArrayList<String>();
        List<String> types = new ArrayList<String>();
        for (String[] r : rows) {
            names.add(r[0]);
            types.add(r[1]);
        }
        return new ColumnProbe(names, types);
    }
}
