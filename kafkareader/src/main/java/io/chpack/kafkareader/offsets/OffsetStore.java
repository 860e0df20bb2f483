package io.chpack.kafkareader.offsets;

import java.util.List;

import io.chpack.kafkareader.plan.OffsetPlan;

/**
 * Where a job's progress lives: the consumer group's committed offsets, or a checkpoint (file, ZooKeeper). A run
 * stores its plan as pending before any task reads ({@link #savePending}) and commits the plan's end offsets in
 * Reader.Job.post ({@link #commit}), which also clears the pending plan. Each call is one atomic write.
 */
public interface OffsetStore extends AutoCloseable {
    /** @param partitions "topic/partition" of every partition of the configured topics */
    OffsetState load(List<String> partitions);

    void savePending(OffsetPlan plan);

    void commit(OffsetPlan plan);

    String describe();

    @Override
    void close();
}
