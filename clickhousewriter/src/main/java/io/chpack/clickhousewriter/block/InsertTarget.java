package io.chpack.clickhousewriter.block;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The INSERT a block goes into: quoted table, quoted columns, settings for every insert. */
public final class InsertTarget {
    public final String quotedTable;
    public final List<String> quotedColumns;
    public final Map<String, String> settings;

    public InsertTarget(String quotedTable, List<String> quotedColumns, Map<String, String> settings) {
        this.quotedTable = quotedTable;
        this.quotedColumns = Collections.unmodifiableList(quotedColumns);
        this.settings = Collections.unmodifiableMap(new LinkedHashMap<String, String>(settings));
    }
}
