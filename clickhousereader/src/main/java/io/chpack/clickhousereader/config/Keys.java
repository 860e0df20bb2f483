package io.chpack.clickhousereader.config;

/** Job keys under {@code reader.parameter}; documented in doc/clickhousereader.md. */
public final class Keys {
    // Stock DataX rdbms reader keys.
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String COLUMN = "column";
    public static final String CONNECTION = "connection";
    public static final String JDBC_URL = "jdbcUrl";
    public static final String TABLE = "table";
    public static final String QUERY_SQL = "querySql";
    public static final String WHERE = "where";
    public static final String SPLIT_PK = "splitPk";
    public static final String FETCH_SIZE = "fetchSize";
    public static final String SESSION = "session";
    // chpack keys.
    public static final String SETTINGS = "settings";
    public static final String SPLIT_MODE = "splitMode";
    public static final String SPLIT_FACTOR = "splitFactor";
    public static final String MIN_SPLIT_ROWS = "minSplitRows";
    public static final String SAMPLE_SIZE = "sampleSize";
    public static final String DISTRIBUTED_READ = "distributedRead";
    public static final String CLUSTER = "cluster";
    public static final String CLUSTER_HTTP_PORT = "clusterHttpPort";
    public static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    public static final String SOCKET_TIMEOUT_MS = "socketTimeoutMs";
    public static final String RETRY_TIMES = "retryTimes";
    public static final String RETRY_INTERVAL_MS = "retryIntervalMs";
    public static final String JOB_NAME = "jobName";

    /** Where the Job puts the planned split into each task's configuration. */
    public static final String SPLIT = "__chpackSplit";

    private Keys() {
    }
}
