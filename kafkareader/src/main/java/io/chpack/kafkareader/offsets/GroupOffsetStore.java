package io.chpack.kafkareader.offsets;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.kafkareader.KafkaReaderErrorCode;
import io.chpack.kafkareader.conn.KafkaErrors;
import io.chpack.kafkareader.plan.OffsetPlan;
import io.chpack.kafkareader.plan.PartitionRange;

/**
 * Offsets in the consumer group (Kafka's {@code __consumer_offsets}). The pending plan is written as one offset
 * commit of every planned partition at its start offset with metadata {@code chpack-plan:1:<planId>:<start>:<end>};
 * Job.post commits the end offsets with metadata {@code chpack-done:1:<planId>}. Each is a single OffsetCommit
 * request to the group coordinator, stored atomically. The reader assigns partitions itself and never joins the
 * group: the group must not have active members (other consumers) while a job runs.
 */
public final class GroupOffsetStore implements OffsetStore {
    private final Consumer<byte[], byte[]> consumer;
    private final String groupId;
    private final Duration timeout;

    public GroupOffsetStore(Consumer<byte[], byte[]> consumer, String groupId, Duration timeout) {
        this.consumer = consumer;
        this.groupId = groupId;
        this.timeout = timeout;
    }

    @Override
    public OffsetState load(List<String> partitions) {
        Set<TopicPartition> tps = new HashSet<TopicPartition>();
        for (String p : partitions) {
            tps.add(tp(p));
        }
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = consumer.committed(tps, timeout);
        } catch (RuntimeException e) {
            throw KafkaErrors.wrap(e, KafkaReaderErrorCode.OFFSETS_FAILED, "cannot read the committed offsets of group '"
                    + groupId + "'");
        }
        Map<String, Long> offsets = new LinkedHashMap<String, Long>();
        List<PartitionRange> pending = new ArrayList<PartitionRange>();
        String planId = null;
        for (String p : partitions) {
            OffsetAndMetadata om = committed.get(tp(p));
            if (om == null) {
                continue;
            }
            offsets.put(p, om.offset());
            String[] marker = PlanText.parseMetadata(om.metadata());
            if (marker != null) {
                long start = Long.parseLong(marker[1]);
                long end = Long.parseLong(marker[2]);
                if (start != om.offset() || end < start) {
                    continue; // not ours any more: someone committed this partition by hand
                }
                TopicPartition t = tp(p);
                pending.add(new PartitionRange(t.topic(), t.partition(), start, end));
                if (planId == null || marker[0].compareTo(planId) < 0) {
                    planId = marker[0];
                }
            }
        }
        return new OffsetState(offsets, planId == null ? null : new OffsetPlan(planId, pending, true));
    }

    @Override
    public void savePending(OffsetPlan plan) {
        Map<TopicPartition, OffsetAndMetadata> m = new LinkedHashMap<TopicPartition, OffsetAndMetadata>();
        for (PartitionRange r : plan.ranges) {
            m.put(new TopicPartition(r.topic, r.partition), new OffsetAndMetadata(r.start, PlanText.metadata(plan, r)));
        }
        commit(m, "store the plan of this run");
    }

    @Override
    public void commit(OffsetPlan plan) {
        Map<TopicPartition, OffsetAndMetadata> m = new LinkedHashMap<TopicPartition, OffsetAndMetadata>();
        for (PartitionRange r : plan.ranges) {
            m.put(new TopicPartition(r.topic, r.partition), new OffsetAndMetadata(r.end, "chpack-done:1:" + plan.planId));
        }
        commit(m, "commit the end offsets");
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> m, String what) {
        if (m.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(m, timeout);
        } catch (RebalanceInProgressException e) {
            throw DataXException.asDataXException(KafkaReaderErrorCode.OFFSETS_FAILED, "cannot " + what
                    + " for group '" + groupId + "': the group has active members; kafkareader assigns partitions "
                    + "itself and needs a group no running consumer uses (" + e.getMessage() + ")");
        } catch (RuntimeException e) {
            throw KafkaErrors.wrap(e, KafkaReaderErrorCode.OFFSETS_FAILED, "cannot " + what + " for group '" + groupId
                    + "' (is the group used by running consumers?)");
        }
    }

    @Override
    public String describe() {
        return "consumer group '" + groupId + "'";
    }

    @Override
    public void close() {
        // the consumer belongs to the caller
    }

    static TopicPartition tp(String p) {
        int slash = p.lastIndexOf('/');
        return new TopicPartition(p.substring(0, slash), Integer.parseInt(p.substring(slash + 1)));
    }
}
