package io.chpack.kafkareader.offsets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.kafkareader.KafkaReaderErrorCode;
import io.chpack.kafkareader.config.CheckpointSpec;
import io.chpack.kafkareader.plan.OffsetPlan;
import io.chpack.kafkareader.plan.PartitionRange;

/**
 * Offsets in a checkpoint document (a local file or a ZooKeeper node) for jobs that cannot use a consumer group.
 * The pending plan and the offsets are one document; every change replaces it whole (file: write + fsync + atomic
 * rename; ZooKeeper: one setData).
 */
public final class CheckpointOffsetStore implements OffsetStore {
    private final TextStore text;

    CheckpointOffsetStore(TextStore text) {
        this.text = text;
    }

    public static CheckpointOffsetStore open(CheckpointSpec spec) {
        try {
            return new CheckpointOffsetStore(spec.kind == CheckpointSpec.Kind.FILE ? new FileTextStore(spec.path)
                    : new ZooKeeperTextStore(spec.zookeeper, spec.path, spec.sessionTimeoutMs));
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(KafkaReaderErrorCode.CHECKPOINT_FAILED, "cannot open the checkpoint "
                    + spec + ": " + e.getMessage(), e);
        }
    }

    @Override
    public OffsetState load(List<String> partitions) {
        OffsetState s = parse();
        Map<String, Long> offsets = new LinkedHashMap<String, Long>();
        for (String p : partitions) {
            Long o = s.committed.get(p);
            if (o != null) {
                offsets.put(p, o);
            }
        }
        return new OffsetState(offsets, s.pending);
    }

    private OffsetState parse() {
        String doc;
        try {
            doc = text.read();
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(KafkaReaderErrorCode.CHECKPOINT_FAILED, "cannot read the checkpoint "
                    + text.describe() + ": " + e.getMessage(), e);
        }
        try {
            return PlanText.parseDocument(doc);
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(KafkaReaderErrorCode.CHECKPOINT_FAILED, "the checkpoint "
                    + text.describe() + " is not a kafkareader checkpoint: " + e.getMessage(), e);
        }
    }

    @Override
    public void savePending(OffsetPlan plan) {
        write(PlanText.document(parse().committed, plan));
    }

    @Override
    public void commit(OffsetPlan plan) {
        Map<String, Long> offsets = new LinkedHashMap<String, Long>(parse().committed);
        for (PartitionRange r : plan.ranges) {
            offsets.put(r.tp(), r.end);
        }
        write(PlanText.document(offsets, null));
    }

    private void write(String doc) {
        try {
            text.write(doc);
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(KafkaReaderErrorCode.CHECKPOINT_FAILED, "cannot write the checkpoint "
                    + text.describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "checkpoint " + text.describe();
    }

    @Override
    public void close() {
        text.close();
    }
}
