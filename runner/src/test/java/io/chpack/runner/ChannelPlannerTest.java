package io.chpack.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.runner.config.RunSettings;
import io.chpack.runner.job.ChannelPlanner;

/** DataX's JobContainer.adjustChannelNumber, case by case. */
class ChannelPlannerTest {
    private static RunSettings settings(Long channel, Long bytes, Long records, long perChannelBytes,
                                        long perChannelRecords) {
        RunSettings s = new RunSettings();
        s.speedChannel = channel;
        s.speedByte = bytes;
        s.speedRecord = records;
        s.channelByteSpeed = perChannelBytes;
        s.channelRecordSpeed = perChannelRecords;
        return s;
    }

    @Test
    void channelAloneIsTaken() {
        assertEquals(4, ChannelPlanner.plan(settings(4L, null, null, -1, -1)));
    }

    @Test
    void byteLimitDividedByPerChannelLimitWinsOverChannel() {
        assertEquals(3, ChannelPlanner.plan(settings(10L, 3L * 1048576 + 5, null, 1048576, -1)));
    }

    @Test
    void smallerOfByteAndRecordDerivedCounts() {
        assertEquals(2, ChannelPlanner.plan(settings(null, 10_000_000L, 20_000L, 1_000_000, 10_000)));
    }

    @Test
    void atLeastOneChannel() {
        assertEquals(1, ChannelPlanner.plan(settings(null, 100L, null, 1_000_000, -1)));
    }

    @Test
    void nonPositiveLimitsCountAsUnset() {
        assertEquals(5, ChannelPlanner.plan(settings(5L, -1L, 0L, -1, -1)));
    }

    @Test
    void recordLimitNeedsPerChannelRecordLimit() {
        DataXException e = assertThrows(DataXException.class,
                () -> ChannelPlanner.plan(settings(null, null, 500L, -1, -1)));
        assertTrue(e.getMessage().contains("core.transport.channel.speed.record"), e.getMessage());
    }

    @Test
    void nothingSetIsAnError() {
        DataXException e = assertThrows(DataXException.class,
                () -> ChannelPlanner.plan(settings(null, null, null, -1, -1)));
        assertTrue(e.getMessage().contains("job.setting.speed"), e.getMessage());
        DataXException zero = assertThrows(DataXException.class,
                () -> ChannelPlanner.plan(settings(0L, null, null, -1, -1)));
        assertTrue(zero.getMessage().contains("job.setting.speed.channel: expected a positive integer"),
                zero.getMessage());
    }
}
