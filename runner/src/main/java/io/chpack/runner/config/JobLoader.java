package io.chpack.runner.config;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.RunnerErrorCode;
import io.chpack.runner.stats.ErrorLimit;

/**
 * Turns a job file into the configuration the engine runs: variables substituted, conf/core.json
 * merged under it (the job's own core/common keys win), and the engine's keys validated.
 */
public final class JobLoader {
    private final Path home;
    private final List<String> warnings = new ArrayList<String>();

    public JobLoader(Path home) {
        this.home = home;
    }

    /** Things worth telling the user that do not stop the job. */
    public List<String> warnings() {
        return this.warnings;
    }

    /** The job file, substituted and parsed; nothing validated yet. */
    public Configuration readJob(Path jobFile, Map<String, String> variables) {
        if (!Files.isRegularFile(jobFile)) {
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR,
                    "job file " + jobFile.toAbsolutePath() + " does not exist or is not a file");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(jobFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR,
                    "job file " + jobFile.toAbsolutePath() + " cannot be read: " + e);
        }
        String substituted = new VariableSubstitutor(variables).substitute(text);
        Configuration job = parse(substituted, "job file " + jobFile.toAbsolutePath());
        Set<String> unresolved = VariableSubstitutor.unresolved(substituted);
        if (!unresolved.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String name : unresolved) {
                names.append(names.length() == 0 ? "" : ", ").append("${").append(name).append('}');
            }
            this.warnings.add("the job refers to undefined variables " + names
                    + ", left as written (define them with -p \"-Dname=value\")");
        }
        return job;
    }

    /** conf/core.json of the home. */
    public Configuration readCore() {
        File core = this.home.resolve("conf").resolve("core.json").toFile();
        if (!core.isFile()) {
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR, "engine configuration "
                    + core.getAbsolutePath() + " does not exist: is " + this.home.toAbsolutePath()
                    + " a chpack home? (set it with --home DIR or -Dchpack.home=DIR)");
        }
        String text;
        try {
            text = new String(Files.readAllBytes(core.toPath()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR,
                    "engine configuration " + core.getAbsolutePath() + " cannot be read: " + e);
        }
        return parse(text, "engine configuration " + core.getAbsolutePath());
    }

    /** The job with core.json under it: a job leaf wins over the same core.json leaf. */
    public static Configuration merge(Configuration job, Configuration core) {
        Configuration all = job.clone();
        all.merge(core, false);
        return all;
    }

    private static Configuration parse(String text, String what) {
        Configuration configuration;
        try {
            configuration = Configuration.from(text);
        } catch (DataXException e) {
            String detail = e.getMessage();
            int at = detail.indexOf("Invalid configuration: ");
            if (at >= 0) {
                detail = detail.substring(at + "Invalid configuration: ".length());
            }
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR,
                    what + " is not valid JSON: " + detail);
        }
        if (!(configuration.getInternal() instanceof Map)) {
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR,
                    what + ": expected a JSON object at the top level");
        }
        return configuration;
    }

    /** Validates the engine's keys of the merged configuration. */
    public RunSettings validate(Configuration all) {
        SettingReader r = new SettingReader(all);
        RunSettings s = new RunSettings();
        r.requireObject("job", "an object with \"content\" and \"setting\"");
        List<Object> content = r.requireNonEmptyList("job.content",
                "a non-empty list of {\"reader\": {...}, \"writer\": {...}}");
        if (content.size() > 1) {
            this.warnings.add("job.content has " + content.size()
                    + " entries; only job.content[0] runs, as in DataX");
        }
        r.requireObject("job.content[0]", "an object with \"reader\" and \"writer\"");
        if (r.has("job.content[0].transformer")) {
            throw SettingReader.invalid("job.content[0].transformer",
                    "no transformer (the chpack runner does not run DataX transformers)",
                    r.raw("job.content[0].transformer"));
        }
        r.requireObject("job.content[0].reader", "an object with \"name\" and \"parameter\"");
        r.requireObject("job.content[0].writer", "an object with \"name\" and \"parameter\"");
        s.readerName = r.requireText(RunSettings.READER_NAME, "the name of a reader plugin (a non-empty string)");
        s.writerName = r.requireText(RunSettings.WRITER_NAME, "the name of a writer plugin (a non-empty string)");
        r.requireObject(RunSettings.READER_PARAMETER, "an object with the reader's parameters");
        r.requireObject(RunSettings.WRITER_PARAMETER, "an object with the writer's parameters");
        s.readerParameter = all.getConfiguration(RunSettings.READER_PARAMETER);
        s.writerParameter = all.getConfiguration(RunSettings.WRITER_PARAMETER);

        if (r.has("job.setting")) {
            r.requireObject("job.setting", "an object with \"speed\" and optionally \"errorLimit\"");
        }
        if (r.has("job.setting.speed")) {
            r.requireObject("job.setting.speed", "an object with \"channel\", \"byte\" or \"record\"");
        }
        s.speedChannel = r.optionalInteger(RunSettings.SPEED_CHANNEL, "a positive integer (concurrent tasks)");
        s.speedByte = r.optionalInteger(RunSettings.SPEED_BYTE, "an integer (bytes per second for the whole job)");
        s.speedRecord = r.optionalInteger(RunSettings.SPEED_RECORD,
                "an integer (records per second for the whole job)");
        s.channelByteSpeed = r.integer(RunSettings.CHANNEL_SPEED_BYTE, -1, Long.MIN_VALUE,
                "an integer (bytes per second per channel, <= 0 for no limit)");
        s.channelRecordSpeed = r.integer(RunSettings.CHANNEL_SPEED_RECORD, -1, Long.MIN_VALUE,
                "an integer (records per second per channel, <= 0 for no limit)");

        if (r.has("job.setting.errorLimit")) {
            r.requireObject("job.setting.errorLimit", "an object with \"record\" and/or \"percentage\"");
        }
        Long recordLimit = r.optionalInteger(RunSettings.ERROR_LIMIT_RECORD,
                "a non-negative integer (dirty records allowed)");
        if (recordLimit != null && recordLimit < 0) {
            throw SettingReader.invalid(RunSettings.ERROR_LIMIT_RECORD,
                    "a non-negative integer (dirty records allowed)", r.raw(RunSettings.ERROR_LIMIT_RECORD));
        }
        Double percentage = r.optionalNumber(RunSettings.ERROR_LIMIT_PERCENTAGE,
                "a number between 0.0 and 1.0 (share of dirty records allowed)");
        if (percentage != null && (percentage < 0.0 || percentage > 1.0 || percentage.isNaN())) {
            throw SettingReader.invalid(RunSettings.ERROR_LIMIT_PERCENTAGE,
                    "a number between 0.0 and 1.0 (share of dirty records allowed)",
                    r.raw(RunSettings.ERROR_LIMIT_PERCENTAGE));
        }
        s.errorLimit = new ErrorLimit(recordLimit, percentage);

        s.channelCapacity = r.intValue(RunSettings.CHANNEL_CAPACITY, 512, 1, "a positive integer (records)");
        s.channelByteCapacity = r.integer(RunSettings.CHANNEL_BYTE_CAPACITY, 64L * 1024 * 1024, 1,
                "a positive integer (bytes)");
        s.exchangerBufferSize = r.intValue(RunSettings.EXCHANGER_BUFFER_SIZE, 32, 1, "a positive integer (records)");
        s.reportIntervalMillis = r.integer(RunSettings.REPORT_INTERVAL, 10000, 1, "a positive integer (ms)");
        s.sleepIntervalMillis = r.integer(RunSettings.SLEEP_INTERVAL, 1000, 1, "a positive integer (ms)");
        s.channelsPerTaskGroup = r.intValue(RunSettings.TASK_GROUP_CHANNEL, 5, 1, "a positive integer");
        s.failOverMaxRetryTimes = r.intValue(RunSettings.FAILOVER_MAX_RETRY, 1, 0,
                "a non-negative integer (attempts per task; 1 = no retry)");
        s.failOverRetryIntervalMillis = r.integer(RunSettings.FAILOVER_RETRY_INTERVAL, 10000, 0,
                "a non-negative integer (ms)");
        s.failOverMaxWaitMillis = r.integer(RunSettings.FAILOVER_MAX_WAIT, 60000, 0, "a non-negative integer (ms)");
        s.maxDirtyNumber = r.intValue(RunSettings.MAX_DIRTY_NUMBER, 10, Integer.MIN_VALUE,
                "an integer (dirty records printed; negative = all)");
        return s;
    }
}
