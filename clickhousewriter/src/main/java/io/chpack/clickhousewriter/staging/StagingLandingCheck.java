package io.chpack.clickhousewriter.staging;

import io.chpack.clickhousewriter.block.Block;
import io.chpack.clickhousewriter.block.LandingCheck;
import io.chpack.clickhousewriter.client.ClickHouseConnection;

/**
 * A task's staging table has one writer, so its row count tells whether a block whose INSERT failed ambiguously
 * is in: exactly the committed rows → resend; committed + block rows → applied, do not resend; anything else →
 * partly applied.
 */
public final class StagingLandingCheck implements LandingCheck {
    private final StagingTables tables;
    private final String stage;
    private final ClickHouseConnection connection;
    private long committedRows;

    public StagingLandingCheck(StagingTables tables, String stage, ClickHouseConnection connection) {
        this.tables = tables;
        this.stage = stage;
        this.connection = connection;
    }

    @Override
    public Outcome check(Block block) {
        long n = tables.count(connection, stage);
        if (n == committedRows) {
            return Outcome.NOT_LANDED;
        }
        if (n == committedRows + block.rows) {
            return Outcome.LANDED;
        }
        return Outcome.PARTIAL;
    }

    @Override
    public void committed(Block block) {
        committedRows += block.rows;
    }
}
