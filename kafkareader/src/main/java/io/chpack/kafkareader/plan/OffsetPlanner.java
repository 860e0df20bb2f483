package io.chpack.kafkareader.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.kafkareader.KafkaReaderErrorCode;
import io.chpack.kafkareader.config.KafkaReaderConfig;
import io.chpack.kafkareader.conn.KafkaErrors;
import io.chpack.kafkareader.offsets.OffsetState;
import io.chpack.kafkareader.offsets.OffsetStore;

/**
 * Plans a run: lists the topics' partitions, then either replays the pending plan an unfinished run left, or
 * computes start offsets (startPosition) and captures every partition's end offset now, and stores that plan as
 * pending before any task reads.
 */
public final class OffsetPlanner {
    private static final Logger LOG = LoggerFactory.getLogger(OffsetPlanner.class);

    private final KafkaReaderConfig config;
    private final Consumer<byte[], byte[]> consumer;
    private final OffsetStore store;
    private final Duration timeout;

    public OffsetPlanner(KafkaReaderConfig config, Consumer<byte[], byte[]> consumer, OffsetStore store) {
        this.config = config;
        this.consumer = consumer;
        this.store = store;
        this.timeout = Duration.ofMillis(config.requestTimeoutMs);
    }

    public OffsetPlan plan() {
        List<TopicPartition> tps = partitions();
        List<String> names = new ArrayList<String>();
        for (TopicPartition tp : tps) {
            names.add(tp.topic() + "/" + tp.partition());
        }
        OffsetState state = store.load(names);
        if (state.pending != null) {
            if ("replay".equals(config.pendingPlan)) {
                LOG.warn("kafkareader: {} holds the unfinished plan {} of an earlier run that did not complete; "
                        + "replaying exactly its ranges {} (new messages are read by the next run)", store.describe(),
                        state.pending.planId, state.pending.ranges);
                return state.pending;
            }
            LOG.warn("kafkareader: discarding the unfinished plan {} in {} (parameter.pendingPlan = discard): rows "
                    + "it wrote before failing may be written again", state.pending.planId, store.describe());
        }
        Map<TopicPartition, Long> beginning = call("read the beginning offsets", () -> consumer.beginningOffsets(tps,
                timeout));
        Map<TopicPartition, Long> end = call("read the end offsets", () -> consumer.endOffsets(tps, timeout));
        Map<TopicPartition, Long> start = starts(tps, state, beginning, end);
        List<PartitionRange> ranges = new ArrayList<PartitionRange>();
        for (TopicPartition tp : tps) {
            long b = beginning.get(tp);
            long e = end.get(tp);
            long s = start.get(tp);
            if (s > e) {
                throw DataXException.asDataXException(KafkaReaderErrorCode.OFFSET_OUT_OF_RANGE, tp + ": start offset "
                        + s + " is beyond the end of the log " + e + " (was the topic recreated?)");
            }
            if (s < b) {
                if (!"earliest".equals(config.outOfRange)) {
                    throw DataXException.asDataXException(KafkaReaderErrorCode.OFFSET_OUT_OF_RANGE, tp
                            + ": start offset " + s + " is before the log start " + b + ": messages [" + s + ", " + b
                            + ") were deleted by retention before any run read them; parameter.outOfRange = earliest "
                            + "starts at " + b + " instead");
                }
                LOG.warn("kafkareader: {} start offset {} is before the log start {}; starting at {} "
                        + "(parameter.outOfRange = earliest): messages [{}, {}) are lost", tp, s, b, b, s, b);
                s = b;
            }
            if (config.maxMessagesPerPartition > 0 && e - s > config.maxMessagesPerPartition) {
                e = s + config.maxMessagesPerPartition;
            }
            ranges.add(new PartitionRange(tp.topic(), tp.partition(), s, e));
        }
        OffsetPlan plan = new OffsetPlan(newPlanId(), ranges, false);
        store.savePending(plan);
        LOG.info("kafkareader: plan {} ({} messages) stored as pending in {}: {}", plan.planId, plan.messages(),
                store.describe(), plan.ranges);
        return plan;
    }

    private Map<TopicPartition, Long> starts(List<TopicPartition> tps, OffsetState state,
            Map<TopicPartition, Long> beginning, Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> out = new HashMap<TopicPartition, Long>();
        switch (config.startPosition) {
            case EARLIEST:
                out.putAll(beginning);
                return out;
            case LATEST:
                out.putAll(end);
                return out;
            case TIMESTAMP: {
                Map<TopicPartition, Long> query = new LinkedHashMap<TopicPartition, Long>();
                for (TopicPartition tp : tps) {
                    query.put(tp, config.startTimestamp);
                }
                Map<TopicPartition, OffsetAndTimestamp> found = call("look up offsets by timestamp",
                        () -> consumer.offsetsForTimes(query, timeout));
                for (TopicPartition tp : tps) {
                    OffsetAndTimestamp o = found.get(tp);
                    out.put(tp, o == null ? end.get(tp) : o.offset());
                }
                return out;
            }
            default:
                for (TopicPartition tp : tps) {
                    String key = tp.topic() + ":" + tp.partition();
                    Long explicit = config.startPosition == io.chpack.kafkareader.config.StartPosition.OFFSETS
                            ? config.startOffsets.get(key) : null;
                    if (explicit != null) {
                        out.put(tp, explicit);
                        continue;
                    }
                    Long committed = state.committed.get(tp.topic() + "/" + tp.partition());
                    if (committed != null) {
                        out.put(tp, committed);
                    } else if ("earliest".equals(config.noCommittedOffset)) {
                        out.put(tp, beginning.get(tp));
                    } else if ("latest".equals(config.noCommittedOffset)) {
                        out.put(tp, end.get(tp));
                    } else {
                        throw DataXException.asDataXException(KafkaReaderErrorCode.OFFSETS_FAILED, store.describe()
                                + " has no committed offset for " + tp + " and parameter.noCommittedOffset is fail");
                    }
                }
                for (String key : config.startOffsets.keySet()) {
                    int colon = key.lastIndexOf(':');
                    TopicPartition tp = new TopicPartition(key.substring(0, colon),
                            Integer.parseInt(key.substring(colon + 1)));
                    if (!out.containsKey(tp)) {
                        throw KafkaReaderConfig.error("parameter.startOffsets names " + key
                                + ", which is not a partition of the topic");
                    }
                }
                return out;
        }
    }

    /** Every partition of the configured topics; a topic that does not exist is an error. */
    public List<TopicPartition> partitions() {
        List<TopicPartition> out = new ArrayList<TopicPartition>();
        for (final String topic : config.topics) {
            List<PartitionInfo> infos = call("list the partitions of topic '" + topic + "'",
                    () -> consumer.partitionsFor(topic, timeout));
            if (infos == null || infos.isEmpty()) {
                throw DataXException.asDataXException(KafkaReaderErrorCode.TOPIC_NOT_FOUND, "topic '" + topic
                        + "' does not exist on " + config.bootstrapServers + " (or this principal may not describe it)");
            }
            for (PartitionInfo i : infos) {
                out.add(new TopicPartition(i.topic(), i.partition()));
            }
        }
        Collections.sort(out, (a, b) -> {
            int c = a.topic().compareTo(b.topic());
            return c != 0 ? c : Integer.compare(a.partition(), b.partition());
        });
        return out;
    }

    private <T> T call(String what, java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (DataXException e) {
            throw e;
        } catch (RuntimeException e) {
            throw KafkaErrors.wrap(e, KafkaReaderErrorCode.OFFSETS_FAILED, "cannot " + what + " on "
                    + config.bootstrapServers);
        }
    }

    static String newPlanId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
