package io.chpack.runner.job;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.runner.RunnerErrorCode;
import io.chpack.runner.config.RunSettings;

/**
 * How many channels (concurrent task pairs) a job asks for, computed as DataX's
 * JobContainer.adjustChannelNumber does: a job-wide byte or record limit divided by the per-channel
 * limit (core.transport.channel.speed.*, which must then be positive), the smaller of the two when
 * both are set; otherwise job.setting.speed.channel. The reader is asked to split into this many
 * slices, and min(this, slices) pairs run at once.
 */
public final class ChannelPlanner {
    private ChannelPlanner() {
    }

    public static int plan(RunSettings s) {
        long byByte = Long.MAX_VALUE;
        long byRecord = Long.MAX_VALUE;
        if (s.speedByte != null && s.speedByte > 0) {
            if (s.channelByteSpeed <= 0) {
                throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR, String.format(
                        "%s is %d bytes/s, so %s (the limit of one channel) must be a positive integer too, "
                                + "but it is %d; set it in the job, e.g. \"core\": {\"transport\": {\"channel\": "
                                + "{\"speed\": {\"byte\": 1048576}}}}", RunSettings.SPEED_BYTE, s.speedByte,
                        RunSettings.CHANNEL_SPEED_BYTE, s.channelByteSpeed));
            }
            byByte = Math.max(1, s.speedByte / s.channelByteSpeed);
        }
        if (s.speedRecord != null && s.speedRecord > 0) {
            if (s.channelRecordSpeed <= 0) {
                throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR, String.format(
                        "%s is %d records/s, so %s (the limit of one channel) must be a positive integer too, "
                                + "but it is %d; set it in the job, e.g. \"core\": {\"transport\": {\"channel\": "
                                + "{\"speed\": {\"record\": 10000}}}}", RunSettings.SPEED_RECORD, s.speedRecord,
                        RunSettings.CHANNEL_SPEED_RECORD, s.channelRecordSpeed));
            }
            byRecord = Math.max(1, s.speedRecord / s.channelRecordSpeed);
        }
        long need = Math.min(byByte, byRecord);
        if (need < Long.MAX_VALUE) {
            return (int) Math.min(need, Integer.MAX_VALUE);
        }
        if (s.speedChannel != null && s.speedChannel > 0) {
            return (int) Math.min(s.speedChannel, Integer.MAX_VALUE);
        }
        if (s.speedChannel != null) {
            throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR, String.format(
                    "%s: expected a positive integer (concurrent tasks), but found %d", RunSettings.SPEED_CHANNEL,
                    s.speedChannel));
        }
        throw DataXException.asDataXException(RunnerErrorCode.CONFIG_ERROR, String.format(
                "job.setting.speed: expected \"channel\" (a positive integer), or \"byte\"/\"record\" limits with "
                        + "%s/%s, but none is set", RunSettings.CHANNEL_SPEED_BYTE, RunSettings.CHANNEL_SPEED_RECORD));
    }
}
