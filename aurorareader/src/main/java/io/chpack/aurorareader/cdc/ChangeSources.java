package io.chpack.aurorareader.cdc;

/** Opens the change source for a URL: {@code jdbc:postgresql:} → pgoutput, MySQL/MariaDB URLs → binlog. */
public final class ChangeSources {
    private ChangeSources() {
    }

    public static ChangeSource open(CdcSettings settings) {
        return settings.isPostgres() ? new PgChangeSource(settings) : new BinlogChangeSource(settings);
    }
}
