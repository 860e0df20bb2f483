package io.chpack.runner.stats;

import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.plugin.JobPluginCollector;

/**
 * What a Job plugin sees of its tasks' {@code collectMessage} calls: all messages of the tasks'
 * current attempts, merged per key. As in DataX, {@link #getMessage(String)} is null for a key no task
 * reported, and each call returns a fresh snapshot.
 */
public final class RunnerJobPluginCollector implements JobPluginCollector {
    private final JobStatistics statistics;

    public RunnerJobPluginCollector(JobStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public Map<String, List<String>> getMessage() {
        return this.statistics.messages();
    }

    @Override
    public List<String> getMessage(String key) {
        return this.statistics.messages().get(key);
    }
}
