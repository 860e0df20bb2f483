package io.chpack.runner.config;

import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.stats.ErrorLimit;

/** The validated engine settings of one job run (everything the runner itself reads). */
public final class RunSettings {
    public static final String READER_NAME = "job.content[0].reader.name";
    public static final String READER_PARAMETER = "job.content[0].reader.parameter";
    public static final String WRITER_NAME = "job.content[0].writer.name";
    public static final String WRITER_PARAMETER = "job.content[0].writer.parameter";
    public static final String SPEED_CHANNEL = "job.setting.speed.channel";
    public static final String SPEED_BYTE = "job.setting.speed.byte";
    public static final String SPEED_RECORD = "job.setting.speed.record";
    public static final String ERROR_LIMIT_RECORD = "job.setting.errorLimit.record";
    public static final String ERROR_LIMIT_PERCENTAGE = "job.setting.errorLimit.percentage";
    public static final String CHANNEL_SPEED_BYTE = "core.transport.channel.speed.byte";
    public static final String CHANNEL_SPEED_RECORD = "core.transport.channel.speed.record";
    public static final String CHANNEL_CAPACITY = "core.transport.channel.capacity";
    public static final String CHANNEL_BYTE_CAPACITY = "core.transport.channel.byteCapacity";
    public static final String EXCHANGER_BUFFER_SIZE = "core.transport.exchanger.bufferSize";
    public static final String REPORT_INTERVAL = "core.container.job.reportInterval";
    public static final String SLEEP_INTERVAL = "core.container.job.sleepInterval";
    public static final String TASK_GROUP_CHANNEL = "core.container.taskGroup.channel";
    public static final String FAILOVER_MAX_RETRY = "core.container.task.failOver.maxRetryTimes";
    public static final String FAILOVER_RETRY_INTERVAL = "core.container.task.failOver.retryIntervalInMsec";
    public static final String FAILOVER_MAX_WAIT = "core.container.task.failOver.maxWaitInMsec";
    public static final String MAX_DIRTY_NUMBER = "core.statistics.collector.plugin.maxDirtyNumber";

    public String readerName;
    public String writerName;
    public Configuration readerParameter;
    public Configuration writerParameter;

    public Long speedChannel;
    public Long speedByte;
    public Long speedRecord;
    public long channelByteSpeed;
    public long channelRecordSpeed;

    public ErrorLimit errorLimit;

    public int channelCapacity;
    public long channelByteCapacity;
    public int exchangerBufferSize;

    public long reportIntervalMillis;
    public long sleepIntervalMillis;
    public int channelsPerTaskGroup;

    public int failOverMaxRetryTimes;
    public long failOverRetryIntervalMillis;
    public long failOverMaxWaitMillis;

    public int maxDirtyNumber;
}
