package io.chpack.runner.job;

import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import com.alibaba.datax.common.constant.PluginType;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.AbstractJobPlugin;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.ChannelMetrics;
import io.chpack.runner.JobResult;
import io.chpack.runner.RunnerErrorCode;
import io.chpack.runner.config.RunSettings;
import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.plugin.LoadedPlugin;
import io.chpack.runner.plugin.PluginDescriptor;
import io.chpack.runner.plugin.PluginRegistry;
import io.chpack.runner.security.SecretMasker;
import io.chpack.runner.stats.RunnerJobPluginCollector;
import io.chpack.runner.stats.Totals;

/**
 * One job, in DataX's order: reader.init, writer.init, reader.prepare, writer.prepare,
 * reader.split(channels), writer.split(readerSlices) (exactly that many), the task pairs, the end-of-job
 * error-limit check, writer.post, reader.post; and in finally writer.destroy, reader.destroy. Post only
 * runs when everything before it succeeded; a destroy that throws is logged and changes nothing.
 */
public final class JobContainer {
    private final RunSettings settings;
    private final PluginRegistry registry;
    private final ClassLoader engineLoader;
    private final SecretMasker masker;
    private final MaskedLog log;
    private final JobRunContext context;

    private int channelNumber;
    private int taskNumber;
    private TaskScheduler scheduler;

    public JobContainer(RunSettings settings, PluginRegistry registry, ClassLoader engineLoader, SecretMasker masker) {
        this.settings = settings;
        this.registry = registry;
        this.engineLoader = engineLoader;
        this.masker = masker;
        this.log = MaskedLog.of(JobContainer.class, masker);
        this.context = new JobRunContext(settings, masker);
    }

    public JobResult run() {
        long start = System.currentTimeMillis();
        Throwable failure = null;
        LoadedPlugin reader = null;
        LoadedPlugin writer = null;
        Reader.Job readerJob = null;
        Writer.Job writerJob = null;
        try {
            // Both plugins are resolved before any plugin code runs: a typo in a name must not leave
            // the side effects of the other plugin's init/prepare behind.
            PluginDescriptor readerDescriptor = this.registry.find(PluginType.READER, this.settings.readerName);
            PluginDescriptor writerDescriptor = this.registry.find(PluginType.WRITER, this.settings.writerName);
            // Pure configuration, so checked before any plugin code runs (DataX computes it at split).
            int needChannels = ChannelPlanner.plan(this.settings);
            reader = new LoadedPlugin(readerDescriptor, this.engineLoader);
            writer = new LoadedPlugin(writerDescriptor, this.engineLoader);
            RunnerJobPluginCollector collector = new RunnerJobPluginCollector(this.context.statistics());

            readerJob = reader.instantiate("Job", Reader.Job.class);
            configure(readerJob, reader, this.settings.readerParameter, this.settings.writerParameter, collector);
            final Reader.Job rj = readerJob;
            reader.run(new Runnable() {
                @Override
                public void run() {
                    rj.init();
                }
            });
            writerJob = writer.instantiate("Job", Writer.Job.class);
            configure(writerJob, writer, this.settings.writerParameter, this.settings.readerParameter, collector);
            // DataX tells only the writer job its peer's name.
            writerJob.setPeerPluginName(this.settings.readerName);
            final Writer.Job wj = writerJob;
            writer.run(new Runnable() {
                @Override
                public void run() {
                    wj.init();
                }
            });
            this.log.info("DataX Reader.Job [%s] do prepare work .", reader.name());
            reader.run(new Runnable() {
                @Override
                public void run() {
                    rj.prepare();
                }
            });
            this.log.info("DataX Writer.Job [%s] do prepare work .", writer.name());
            writer.run(new Runnable() {
                @Override
                public void run() {
                    wj.prepare();
                }
            });

            List<TaskSpec> tasks = split(reader, rj, writer, wj, needChannels);
            this.taskNumber = tasks.size();
            this.channelNumber = Math.min(needChannels, tasks.size());
            this.log.info("Job runs %d tasks on %d channels (asked for %d); channel bounds: %d records, %d bytes; "
                            + "per-channel speed limit: %s bytes/s, %s records/s; error limit: %s", tasks.size(),
                    this.channelNumber, needChannels, this.settings.channelCapacity, this.settings.channelByteCapacity,
                    limit(this.settings.channelByteSpeed), limit(this.settings.channelRecordSpeed),
                    this.settings.errorLimit);

            this.scheduler = new TaskScheduler(this.context, reader, writer);
            ProgressReporter progress = new ProgressReporter(this.context.statistics(), tasks.size(),
                    this.context.log(ProgressReporter.class), System.currentTimeMillis());
            this.scheduler.run(tasks, this.channelNumber, progress);
            progress.report();
            this.settings.errorLimit.checkAtEnd(this.context.statistics().totals());

            this.log.info("DataX Writer.Job [%s] do post work.", writer.name());
            writer.run(new Runnable() {
                @Override
                public void run() {
                    wj.post();
                }
            });
            this.log.info("DataX Reader.Job [%s] do post work.", reader.name());
            reader.run(new Runnable() {
                @Override
                public void run() {
                    rj.post();
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = DataXException.asDataXException(RunnerErrorCode.RUNTIME_ERROR, "the engine was interrupted", e);
        } catch (Throwable t) {
            failure = t;
        } finally {
            destroy(writer, writerJob);
            destroy(reader, readerJob);
            close(reader);
            close(writer);
        }
        return result(start, System.currentTimeMillis(), failure);
    }

    private void configure(AbstractJobPlugin job, LoadedPlugin plugin, Configuration own, Configuration peer,
                           RunnerJobPluginCollector collector) {
        job.setPluginConf(plugin.descriptor().pluginConf());
        job.setPluginJobConf(own.clone());
        job.setPeerPluginJobConf(peer.clone());
        job.setJobPluginCollector(collector);
    }

    private List<TaskSpec> split(LoadedPlugin reader, final Reader.Job readerJob, LoadedPlugin writer,
                                 final Writer.Job writerJob, final int needChannels) {
        List<Configuration> readerSlices = reader.call(new LoadedPlugin.PluginCall<List<Configuration>>() {
            @Override
            public List<Configuration> call() {
                return readerJob.split(needChannels);
            }
        });
        if (readerSlices == null || readerSlices.isEmpty()) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_SPLIT_ERROR, String.format(
                    "reader \"%s\": Reader.Job.split(%d) returned %s; it must return at least one slice",
                    reader.name(), needChannels, readerSlices == null ? "null" : "no slices"));
        }
        checkNoNulls(readerSlices, "reader", reader.name(), "Reader.Job.split(" + needChannels + ")");
        this.log.info("DataX Reader.Job [%s] splits to [%d] tasks.", reader.name(), readerSlices.size());
        final int readerCount = readerSlices.size();
        List<Configuration> writerSlices = writer.call(new LoadedPlugin.PluginCall<List<Configuration>>() {
            @Override
            public List<Configuration> call() {
                return writerJob.split(readerCount);
            }
        });
        int writerCount = writerSlices == null ? 0 : writerSlices.size();
        if (writerCount != readerCount) {
            throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_SPLIT_ERROR, String.format(
                    "writer \"%s\": Writer.Job.split(%d) returned %d slices, but reader \"%s\" split into %d; "
                            + "the writer must return exactly one slice per reader slice", writer.name(), readerCount,
                    writerCount, reader.name(), readerCount));
        }
        checkNoNulls(writerSlices, "writer", writer.name(), "Writer.Job.split(" + readerCount + ")");
        this.log.info("DataX Writer.Job [%s] splits to [%d] tasks.", writer.name(), writerCount);

        int concurrency = Math.min(needChannels, readerCount);
        int groups = (concurrency + this.settings.channelsPerTaskGroup - 1) / this.settings.channelsPerTaskGroup;
        List<TaskSpec> tasks = new ArrayList<TaskSpec>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            tasks.add(new TaskSpec(i, i % Math.max(1, groups), readerSlices.get(i), writerSlices.get(i)));
        }
        return tasks;
    }

    private static void checkNoNulls(List<Configuration> slices, String kind, String name, String call) {
        for (int i = 0; i < slices.size(); i++) {
            if (slices.get(i) == null) {
                throw DataXException.asDataXException(RunnerErrorCode.PLUGIN_SPLIT_ERROR, String.format(
                        "%s \"%s\": %s returned null as slice %d", kind, name, call, i));
            }
        }
    }

    private void destroy(LoadedPlugin plugin, final AbstractJobPlugin job) {
        if (plugin == null || job == null) {
            return;
        }
        try {
            plugin.run(new Runnable() {
                @Override
                public void run() {
                    job.destroy();
                }
            });
        } catch (Throwable t) {
            this.log.warn(t, "%s job \"%s\": destroy() failed (ignored, the job's outcome stands): %s",
                    plugin.descriptor().type().toString(), plugin.name(), FailureText.describe(t));
        }
    }

    private void close(LoadedPlugin plugin) {
        if (plugin == null) {
            return;
        }
        try {
            plugin.close();
        } catch (IOException e) {
            this.log.debug("closing the class loader of %s: %s", plugin.name(), e);
        }
    }

    private JobResult result(long start, long end, Throwable failure) {
        Totals totals = this.context.statistics().totals();
        List<ChannelMetrics> metrics = this.scheduler == null ? Collections.<ChannelMetrics>emptyList()
                : this.scheduler.channelMetrics();
        String errorMessage = failure == null ? null : this.masker.mask(FailureText.describe(failure));
        long seconds = Math.max(1, (end - start) / 1000);
        printSummary(start, end, totals, seconds, failure);
        if (failure != null) {
            this.log.error(failure, "Job failed: %s", errorMessage);
        } else {
            this.log.info("Job completed successfully.");
        }
        return new JobResult.Builder()
                .failed(failure, errorMessage)
                .times(start, end)
                .shape(this.channelNumber, this.taskNumber, this.scheduler == null ? 0 : this.scheduler.retries())
                .counts(totals.totalReadRecords(), totals.totalReadBytes(), totals.writeSucceedRecords(),
                        totals.errorRecords(), totals.errorBytes())
                .dirtySamples(this.context.dirtySamples().samples())
                .channelMetrics(metrics)
                .build();
    }

    private void printSummary(long start, long end, Totals totals, long seconds, Throwable failure) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
        this.log.info("%n%-26s: %-18s%n%-26s: %-18s%n%-26s: %19s%n%-26s: %19s%n%-26s: %19s%n%-26s: %19s%n"
                        + "%-26s: %19s%n%-26s: %19s%n",
                "Job start time", format.format(new Date(start)),
                "Job end time", format.format(new Date(end)),
                "Total elapsed", ((end - start) / 1000) + "s",
                "Average throughput", ProgressReporter.humanBytes(totals.totalReadBytes() / seconds) + "/s",
                "Record write speed", (totals.totalReadRecords() / seconds) + "rec/s",
                "Total records read", String.valueOf(totals.totalReadRecords()),
                "Total read/write failures", String.valueOf(totals.errorRecords()),
                "Job status", failure == null ? "SUCCEEDED" : "FAILED");
    }

    private static String limit(long value) {
        return value > 0 ? String.valueOf(value) : "unlimited";
    }
}
