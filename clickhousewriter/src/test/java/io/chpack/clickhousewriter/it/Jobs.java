package io.chpack.clickhousewriter.it;

/** Builds job JSON: streamreader → clickhousewriter. */
final class Jobs {
    private Jobs() {
    }

    /**
     * @param readerColumns streamreader column list JSON, e.g. {@code [{"type":"long","incr":"1"}]}
     * @param writerParameter the writer's parameter object JSON
     */
    static String stream(int channels, long rowsPerSlice, String readerColumns, String writerParameter) {
        return stream(channels, rowsPerSlice, readerColumns, writerParameter, "");
    }

    static String stream(int channels, long rowsPerSlice, String readerColumns, String writerParameter,
            String extraTopLevel) {
        return "{" + extraTopLevel + "\"job\":{\"setting\":{\"speed\":{\"channel\":" + channels + "},"
                + "\"errorLimit\":{\"record\":1000000}},"
                + "\"content\":[{\"reader\":{\"name\":\"streamreader\",\"parameter\":{\"sliceRecordCount\":"
                + rowsPerSlice + ",\"column\":" + readerColumns + "}},"
                + "\"writer\":{\"name\":\"clickhousewriter\",\"parameter\":" + writerParameter + "}}]}}";
    }

    /** The stock keys: username, password, column, connection[0].{jdbcUrl,table}. */
    static String writer(String jdbcUrl, String table, String columnsJson, String extra) {
        return "{\"username\":\"default\",\"password\":\"\",\"column\":" + columnsJson + ","
                + "\"connection\":[{\"jdbcUrl\":\"" + jdbcUrl + "\",\"table\":[\"" + table + "\"]}]"
                + (extra == null || extra.isEmpty() ? "" : "," + extra) + "}";
    }
}
