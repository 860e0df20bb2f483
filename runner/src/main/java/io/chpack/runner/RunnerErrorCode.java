package io.chpack.runner;

import com.alibaba.datax.common.spi.ErrorCode;

/** The engine's own error codes; the code strings are DataX's FrameworkErrorCode ones, so users can search them. */
public enum RunnerErrorCode implements ErrorCode {
    ARGUMENT_ERROR("Framework-01", "Invalid command-line arguments."),
    RUNTIME_ERROR("Framework-02", "The engine failed while running the job."),
    CONFIG_ERROR("Framework-03", "The job or engine configuration is invalid."),
    PLUGIN_INSTALL_ERROR("Framework-10", "A plugin directory is not installed correctly."),
    PLUGIN_NOT_FOUND("Framework-11", "The job names a plugin that is not installed."),
    PLUGIN_INIT_ERROR("Framework-12", "A plugin could not be loaded or instantiated."),
    PLUGIN_RUNTIME_ERROR("Framework-13", "A plugin failed while running."),
    PLUGIN_DIRTY_DATA_LIMIT_EXCEED("Framework-14", "More dirty records than job.setting.errorLimit allows."),
    PLUGIN_SPLIT_ERROR("Framework-15", "The reader and writer splits do not pair up."),
    WAIT_TIME_EXCEED("Common-21", "A task did not stop within the allowed time.");

    private final String code;
    private final String description;

    RunnerErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String getCode() {
        return this.code;
    }

    @Override
    public String getDescription() {
        return this.description;
    }

    @Override
    public String toString() {
        return String.format("Code:[%s], Describe:[%s]", this.code, this.description);
    }
}
