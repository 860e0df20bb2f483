package io.chpack.clickhousewriter.block;

/**
 * Answers, after a failure that may have happened after the server applied an INSERT, whether the block is
 * already in the table. Used where the server cannot deduplicate a resend (staging tables are plain MergeTree).
 */
public interface LandingCheck {
    enum Outcome {
        /** Every row of the block is there: do not resend. */
        LANDED,
        /** None of it is there: resend. */
        NOT_LANDED,
        /** Some of it is there (a multi-partition block cut by a crash): cannot be repaired in place. */
        PARTIAL
    }

    /** @throws RuntimeException when the check itself cannot run (the server is still down): try again later */
    Outcome check(Block block);

    /** Called after the block is known to be in the table. */
    void committed(Block block);
}
