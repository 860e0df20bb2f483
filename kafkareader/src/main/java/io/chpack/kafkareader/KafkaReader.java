package io.chpack.kafkareader;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.spi.Reader;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.kafkareader.codec.Codecs;
import io.chpack.kafkareader.config.KafkaReaderConfig;
import io.chpack.kafkareader.conn.ConsumerFactory;
import io.chpack.kafkareader.offsets.CheckpointOffsetStore;
import io.chpack.kafkareader.offsets.GroupOffsetStore;
import io.chpack.kafkareader.offsets.OffsetStore;
import io.chpack.kafkareader.plan.OffsetPlan;
import io.chpack.kafkareader.plan.OffsetPlanner;
import io.chpack.kafkareader.plan.PartitionRange;
import io.chpack.kafkareader.plan.SplitPlanner;
import io.chpack.kafkareader.task.KafkaTaskReader;
import io.chpack.kafkareader.task.TaskSlice;

/**
 * Reads Kafka topics as bounded, resumable, exactly-once batches: the end offsets are captured when the job starts
 * and stored as a pending plan, tasks read [start, end) of their partitions and stop, and the offsets are committed
 * only in {@link Job#post()}, which the engine calls after the writer's post succeeded.
 */
public class KafkaReader extends Reader {

    public static class Job extends Reader.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);

        private KafkaReaderConfig config;
        private KafkaConsumer<byte[], byte[]> consumer;
        private OffsetStore store;
        private OffsetPlan plan;

        @Override
        public void init() {
            config = KafkaReaderConfig.parse(getPluginJobConf());
            Codecs.validate(config);
            LOG.info("kafkareader: brokers {}, topics {}, {}, startPosition {}, format {}, columns {}, consumer "
                    + "properties {}", config.bootstrapServers, config.topics, config.checkpoint != null
                    ? "checkpoint " + config.checkpoint : "group '" + config.groupId + "'",
                    config.startPosition.key(), config.format.key(), config.columns, config.maskedProperties());
        }

        @Override
        public void prepare() {
            consumer = ConsumerFactory.create(config, config.checkpoint == null ? config.groupId : null,
                    "chpack-kafkareader-job");
            store = config.checkpoint != null ? CheckpointOffsetStore.open(config.checkpoint)
                    : new GroupOffsetStore(consumer, config.groupId, java.time.Duration.ofMillis(config.requestTimeoutMs));
            plan = new OffsetPlanner(config, consumer, store).plan();
        }

        @Override
        public List<Configuration> split(int adviceNumber) {
            if (plan == null) {
                prepare(); // an engine that skips prepare
            }
            List<List<PartitionRange>> tasks = SplitPlanner.split(plan, adviceNumber);
            List<Configuration> out = new ArrayList<Configuration>();
            for (int i = 0; i < tasks.size(); i++) {
                Configuration c = getPluginJobConf().clone();
                TaskSlice.write(c, plan.planId, i, tasks.get(i));
                out.add(c);
            }
            LOG.info("kafkareader: {} {} messages in {} task(s): {}", plan.replayed ? "replaying" : "reading",
                    plan.messages(), out.size(), tasks);
            return out;
        }

        /** Runs after the writer's Job.post succeeded: the run is complete, commit its end offsets. */
        @Override
        public void post() {
            if (plan == null) {
                return;
            }
            store.commit(plan);
            LOG.info("kafkareader: plan {} committed to {} ({} messages)", plan.planId, store.describe(),
                    plan.messages());
        }

        @Override
        public void destroy() {
            if (store != null) {
                try {
                    store.close();
                } catch (RuntimeException e) {
                    LOG.debug("closing {}: {}", store.describe(), e.toString());
                }
            }
            if (consumer != null) {
                try {
                    consumer.close(java.time.Duration.ofSeconds(5));
                } catch (RuntimeException e) {
                    LOG.debug("closing the consumer: {}", e.toString());
                }
            }
        }
    }

    public static class Task extends Reader.Task {
        private KafkaTaskReader reader;

        @Override
        public void init() {
            Configuration c = getPluginJobConf();
            KafkaReaderConfig config = KafkaReaderConfig.parse(c);
            reader = new KafkaTaskReader(config, TaskSlice.ranges(c), c.getInt(TaskSlice.KEY + ".task", getTaskId()));
        }

        @Override
        public void startRead(RecordSender recordSender) {
            reader.read(recordSender, getTaskPluginCollector());
        }

        @Override
        public void destroy() {
        }
    }
}
