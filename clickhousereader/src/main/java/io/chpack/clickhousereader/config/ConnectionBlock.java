package io.chpack.clickhousereader.config;

import java.util.Collections;
import java.util.List;

import io.chpack.clickhousereader.client.ClickHouseUrl;

/** One {@code connection[i]} entry: its URLs (first reachable wins) and its tables or queries. */
public final class ConnectionBlock {
    public final int index;
    /** The raw URLs, for messages. */
    public final List<String> jdbcUrls;
    public final List<ClickHouseUrl> urls;
    /** Expanded table names; empty in querySql mode. */
    public final List<String> tables;
    /** Queries; empty in table mode. */
    public final List<String> querySqls;

    ConnectionBlock(int index, List<String> jdbcUrls, List<ClickHouseUrl> urls, List<String> tables,
            List<String> querySqls) {
        this.index = index;
        this.jdbcUrls = Collections.unmodifiableList(jdbcUrls);
        this.urls = Collections.unmodifiableList(urls);
        this.tables = Collections.unmodifiableList(tables);
        this.querySqls = Collections.unmodifiableList(querySqls);
    }

    public String key() {
        return Keys.CONNECTION + "[" + index + "]";
    }
}
