package com.alibaba.datax.common.plugin;

/** A plugin's Job side: runs once per job and reads what the tasks collected. */
public abstract class AbstractJobPlugin extends AbstractPlugin {

    private JobPluginCollector jobPluginCollector;

    public JobPluginCollector getJobPluginCollector() {
        return this.jobPluginCollector;
    }

    public void setJobPluginCollector(JobPluginCollector jobPluginCollector) {
        this.jobPluginCollector = jobPluginCollector;
    }
}
