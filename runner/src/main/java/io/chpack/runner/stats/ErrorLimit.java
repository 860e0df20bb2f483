package io.chpack.runner.stats;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.runner.RunnerErrorCode;

/**
 * job.setting.errorLimit as DataX applies it: the record limit is checked while the job runs and at
 * the end, and when it is set the percentage is ignored; the percentage is only checked at the end.
 */
public final class ErrorLimit {
    private final Long recordLimit;
    private final Double percentageLimit;

    public ErrorLimit(Long recordLimit, Double percentageLimit) {
        this.recordLimit = recordLimit;
        this.percentageLimit = recordLimit != null ? null : percentageLimit;
    }

    public boolean recordLimitExceeded(long errorRecords) {
        return this.recordLimit != null && errorRecords > this.recordLimit;
    }

    public DataXException recordLimitError(long errorRecords) {
        return DataXException.asDataXException(RunnerErrorCode.PLUGIN_DIRTY_DATA_LIMIT_EXCEED, String.format(
                "dirty-record check failed: job.setting.errorLimit.record allows %d dirty records, "
                        + "but %d were collected", this.recordLimit, errorRecords));
    }

    public void checkAtEnd(Totals totals) {
        long errors = totals.errorRecords();
        if (recordLimitExceeded(errors)) {
            throw recordLimitError(errors);
        }
        if (this.percentageLimit == null) {
            return;
        }
        long total = totals.totalReadRecords();
        if (total > 0 && (double) errors / (double) total > this.percentageLimit) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_DIRTY_DATA_LIMIT_EXCEED, String.format(
                    "dirty-record check failed: job.setting.errorLimit.percentage allows %s, but %d of %d "
                            + "records (%s) were dirty", this.percentageLimit, errors, total,
                    (double) errors / (double) total));
        }
    }

    @Override
    public String toString() {
        if (this.recordLimit != null) {
            return "record<=" + this.recordLimit;
        }
        return this.percentageLimit != null ? "percentage<=" + this.percentageLimit : "none";
    }
}
