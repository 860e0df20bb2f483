package io.chpack.runner.job;

import com.alibaba.datax.common.util.Configuration;

/** Slice i of the reader paired with slice i of the writer. */
final class TaskSpec {
    final int taskId;
    final int taskGroupId;
    final Configuration readerSlice;
    final Configuration writerSlice;

    TaskSpec(int taskId, int taskGroupId, Configuration readerSlice, Configuration writerSlice) {
        this.taskId = taskId;
        this.taskGroupId = taskGroupId;
        this.readerSlice = readerSlice;
        this.writerSlice = writerSlice;
    }
}
