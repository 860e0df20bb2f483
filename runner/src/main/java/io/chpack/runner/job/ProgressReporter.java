package io.chpack.runner.job;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.stats.JobStatistics;
import io.chpack.runner.stats.Totals;

/** The periodic progress line, in the shape of DataX's (totals, speed since the last line, errors, tasks done). */
final class ProgressReporter {
    private final JobStatistics statistics;
    private final int taskCount;
    private final MaskedLog log;
    private Totals last;

    ProgressReporter(JobStatistics statistics, int taskCount, MaskedLog log, long startMillis) {
        this.statistics = statistics;
        this.taskCount = taskCount;
        this.log = log;
        this.last = Totals.empty(startMillis);
    }

    void report() {
        Totals now = this.statistics.totals();
        long elapsed = now.timestamp - this.last.timestamp;
        long seconds = elapsed <= 1000 ? 1 : elapsed / 1000;
        long byteSpeed = Math.max(0, (now.totalReadBytes() - this.last.totalReadBytes()) / seconds);
        long recordSpeed = Math.max(0, (now.totalReadRecords() - this.last.totalReadRecords()) / seconds);
        this.log.info(line(now, byteSpeed, recordSpeed, this.taskCount));
        this.last = now;
    }

    static String line(Totals totals, long byteSpeed, long recordSpeed, int taskCount) {
        double percentage = taskCount == 0 ? 0 : totals.finishedTasks * 100.0 / taskCount;
        return String.format(Locale.ROOT,
                "Total %d records, %d bytes | Speed %s/s, %d records/s | Error %d records, %d bytes | "
                        + "Tasks %d/%d | Percentage %s%%", totals.totalReadRecords(), totals.totalReadBytes(),
                humanBytes(byteSpeed), recordSpeed, totals.errorRecords(), totals.errorBytes(),
                totals.finishedTasks, taskCount, new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(
                        Locale.ROOT)).format(percentage));
    }

    static String humanBytes(long bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", value, units[unit]);
    }
}
