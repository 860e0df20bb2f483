package io.chpack.memcachedwriter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import io.chpack.common.engine.TaskReports;
import com.alibaba.datax.common.plugin.RecordReceiver;
import com.alibaba.datax.common.plugin.TaskPluginCollector;
import com.alibaba.datax.common.spi.Writer;
import com.alibaba.datax.common.util.Configuration;
import net.spy.memcached.CachedData;
import net.spy.memcached.MemcachedClient;
import net.spy.memcached.internal.OperationFuture;

/**
 * Warms memcached from any reader: consistent hashing (spymemcached/libmemcached ketama), modula or
 * column-picked partitions; asynchronous pipelined writes with a bounded window per node; key templates,
 * json/text/raw values, TTL rules, atomic warm-up through a version namespace and a pointer key flipped in
 * {@code Job.post}; sampled read-back verification. See doc/memcachedwriter.md.
 */
public class MemcachedWriter extends Writer {
    static final String MSG_DIRTY = "memcachedwriter.dirty";
    static final String MSG_WRITTEN = "memcachedwriter.written";

    static {
        // spymemcached logs to stderr by default; route it to the engine's slf4j unless the JVM chose otherwise.
        if (System.getProperty("net.spy.log.LoggerImpl") == null) {
            System.setProperty("net.spy.log.LoggerImpl", "net.spy.memcached.compat.log.SLF4JLogger");
        }
    }

    public static class Job extends Writer.Job {
        private static final Logger LOG = LoggerFactory.getLogger(Job.class);
        private Configuration parameter;
        private MemcachedConfig config;
        private String reportsKey;

        @Override
        public void init() {
            parameter = getPluginJobConf();
            config = MemcachedConfig.parse(parameter);
            LOG.info("memcachedwriter: {}", config);
            SaslPreflight.check(config);
        }

        @Override
        public List<Configuration> split(int mandatoryNumber) {
            String version = config.version;
            if (config.atomicWarmup && version.equalsIgnoreCase("auto")) {
                version = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
            }
            parameter.set(MemcachedConfig.RESOLVED_VERSION, version);
            reportsKey = TaskReports.open();
            parameter.set(TaskReports.RUN_KEY, reportsKey);
            config = MemcachedConfig.parse(parameter);
            if (config.atomicWarmup) {
                LOG.info("memcachedwriter: atomic warm-up writes keys under '{}'; Job.post points '{}' at version {}",
                        config.versionPrefix(), config.pointerKey, version);
            }
            List<Configuration> out = new ArrayList<>();
            for (int i = 0; i < mandatoryNumber; i++) {
                out.add(parameter.clone());
            }
            return out;
        }

        @Override
        public void post() {
            if (!config.atomicWarmup) {
                return;
            }
            long dirty = sum(MSG_DIRTY);
            if (dirty > config.flipMaxDirty) {
                throw DataXException.asDataXException(MemcachedWriterErrorCode.FLIP_REFUSED, "'" + config.pointerKey
                        + "' still names the previous version: " + dirty + " records of version " + config.version
                        + " were not written, more than flipMaxDirty " + config.flipMaxDirty);
            }
            flip(config);
            LOG.info("memcachedwriter: '{}' now names version {} ({} records written, {} dirty)", config.pointerKey,
                    config.version, sum(MSG_WRITTEN), dirty);
        }

        /** A sum over the tasks' reports (see {@link TaskReports}: DataX's job collector cannot be read). */
        private long sum(String key) {
            Map<String, Long> sums = TaskReports.read(reportsKey);
            if (sums == null) {
                throw DataXException.asDataXException(MemcachedWriterErrorCode.FLIP_REFUSED, "'" + config.pointerKey
                        + "' still names the previous version: the tasks' counts of version " + config.version
                        + " did not reach Job.post (tasks in another JVM than the job?), so the dirty-record bound"
                        + " flipMaxDirty cannot be checked");
            }
            Long n = sums.get(key);
            return n == null ? 0 : n;
        }

        /** Sets {@code <pointerKey>:previous} to the old version (if any), then the pointer to the new one. */
        static void flip(MemcachedConfig c) {
            try (Nodes nodes = new Nodes(c)) {
                CachedData value = new CachedData(RecordEncoder.FLAG_STRING,
                        c.version.getBytes(java.nio.charset.StandardCharsets.UTF_8), CachedDataTranscoder.MAX);
                int exp = RecordEncoder.expiry(c.pointerTtl, 0, c.pointerKey, System.currentTimeMillis() / 1000);
                for (MemcachedClient cl : nodes.clients()) {
                    CachedData old = cl.asyncGet(c.pointerKey, CachedDataTranscoder.INSTANCE).get(c.opTimeoutMs * 4, TimeUnit.MILLISECONDS);
                    if (old != null) {
                        check(cl.set(c.pointerKey + ":previous", exp, old, CachedDataTranscoder.INSTANCE), c, c.pointerKey + ":previous");
                    }
                    check(cl.set(c.pointerKey, exp, value, CachedDataTranscoder.INSTANCE), c, c.pointerKey);
                }
            } catch (DataXException e) {
                throw e;
            } catch (Exception e) {
                throw DataXException.asDataXException(MemcachedWriterErrorCode.FLIP_REFUSED,
                        "setting '" + c.pointerKey + "' failed: " + e, e);
            }
        }

        private static void check(OperationFuture<Boolean> f, MemcachedConfig c, String key) throws Exception {
            Boolean ok = f.get(c.opTimeoutMs * 4, TimeUnit.MILLISECONDS);
            if (ok == null || !ok) {
                throw DataXException.asDataXException(MemcachedWriterErrorCode.FLIP_REFUSED,
                        "setting '" + key + "' failed: " + f.getStatus());
            }
        }

        @Override
        public void destroy() {
            TaskReports.close(reportsKey);
        }
    }

    public static class Task extends Writer.Task {
        private static final Logger LOG = LoggerFactory.getLogger(Task.class);
        private MemcachedConfig config;
        private Nodes nodes;
        private int itemSizeMax;

        @Override
        public void init() {
            config = MemcachedConfig.parse(getPluginJobConf());
            nodes = new Nodes(config);
            List<Map<String, String>> settings = nodes.stats("settings");
            List<String> silent = new ArrayList<>();
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < settings.size(); i++) {
                Map<String, String> s = settings.get(i);
                if (s.isEmpty()) {
                    silent.add(config.servers.get(i));
                    continue;
                }
                String v = s.get("item_size_max");
                if (v != null) {
                    min = Math.min(min, Integer.parseInt(v.trim()));
                }
            }
            if (silent.size() == settings.size()) {
                nodes.close();
                throw DataXException.asDataXException(MemcachedWriterErrorCode.CONNECT_FAILED,
                        "no memcached server answered 'stats settings' within " + config.opTimeoutMs + " ms: " + silent);
            }
            if (!silent.isEmpty()) {
                if (config.failureMode == MemcachedConfig.FailureMode.FAIL) {
                    nodes.close();
                    throw DataXException.asDataXException(MemcachedWriterErrorCode.NODE_DOWN,
                            "memcached servers " + silent + " did not answer and failureMode is fail");
                }
                LOG.warn("memcachedwriter: servers {} did not answer at start; failureMode {} applies to their keys",
                        silent, MemcachedConfig.lower(config.failureMode));
            }
            itemSizeMax = config.itemSizeMax > 0 ? config.itemSizeMax : (min == Integer.MAX_VALUE ? 1024 * 1024 : min);
        }

        @Override
        public void startWrite(RecordReceiver receiver) {
            TaskPluginCollector collector = getTaskPluginCollector();
            RecordEncoder encoder = new RecordEncoder(config);
            Verifier verifier = config.verifySample > 0 && (config.mode == MemcachedConfig.Mode.SET
                    || config.mode == MemcachedConfig.Mode.ADD || config.mode == MemcachedConfig.Mode.REPLACE)
                    ? new Verifier(config.verifySample) : null;
            Pipeline pipe = new Pipeline(config, nodes, verifier);
            long localDirty = 0;
            long records = 0;
            long start = System.nanoTime();
            try {
                Record r;
                while ((r = receiver.getFromReader()) != null) {
                    records++;
                    Pipeline.Item item;
                    try {
                        item = encode(encoder, r);
                    } catch (DirtyException e) {
                        collector.collectDirtyRecord(r, e.getMessage());
                        localDirty++;
                        continue;
                    }
                    pipe.submit(item);
                    localDirty += drain(pipe, collector);
                }
                pipe.finish();
                localDirty += drain(pipe, collector);
                pipe.throwIfFatal();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw DataXException.asDataXException(MemcachedWriterErrorCode.WRITE_FAILED, "interrupted", e);
            } finally {
                pipe.close();
            }
            long dirty = localDirty;
            String reports = getPluginJobConf().getString(TaskReports.RUN_KEY);
            boolean seen = TaskReports.add(reports, MSG_DIRTY, dirty) & TaskReports.add(reports, MSG_WRITTEN, pipe.written.get());
            if (!seen && config.atomicWarmup) {
                LOG.warn("memcachedwriter task {}: its job is not in this JVM, so Job.post will not see this task's counts",
                        getTaskId());
            }
            double secs = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
            StringBuilder per = new StringBuilder();
            for (int i = 0; i < pipe.perNode.length; i++) {
                per.append(i == 0 ? "" : ", ").append(config.servers.get(i)).append('=').append(pipe.perNode[i].get());
            }
            LOG.info("memcachedwriter task {}: {} records, {} {} ok ({}/s), {} not stored/found (counted), {} dirty, "
                    + "{} retries; by primary node: {}", getTaskId(), records, pipe.written.get(),
                    MemcachedConfig.lower(config.mode), (long) (pipe.written.get() / secs), pipe.notStored.get(), dirty,
                    pipe.retried.get(), per);
            if (verifier != null) {
                Verifier.Result v = verifier.check(nodes, config.opTimeoutMs * 4);
                LOG.info("memcachedwriter task {}: verified {} sampled keys: {} missing, {} different", getTaskId(),
                        v.checked, v.missing, v.different);
                if ((v.missing > 0 || v.different > 0) && config.verifyFailOnMismatch) {
                    throw DataXException.asDataXException(MemcachedWriterErrorCode.VERIFY_FAILED, v.missing
                            + " missing and " + v.different + " different of " + v.checked + " sampled keys: " + v.examples);
                }
            }
        }

        private Pipeline.Item encode(RecordEncoder encoder, Record r) {
            String key = encoder.key(r);
            int node;
            if (config.distribution == MemcachedConfig.Distribution.PARTITION) {
                node = encoder.partition(r, config.servers);
            } else {
                node = nodes.primary(key);
            }
            CachedData data = null;
            if (config.mode.storesValue()) {
                RecordEncoder.Value v = encoder.value(r);
                int keyBytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                int size = keyBytes + v.data.length + 64;
                if (size > itemSizeMax) {
                    throw new DirtyException("item too large: key " + keyBytes + " + value " + v.data.length
                            + " bytes (+64 header) exceed the servers' item_size_max " + itemSizeMax);
                }
                data = new CachedData(v.flags, v.data, CachedDataTranscoder.MAX);
            }
            int exp = config.mode == MemcachedConfig.Mode.DELETE ? 0
                    : encoder.expiry(r, key, System.currentTimeMillis() / 1000);
            return new Pipeline.Item(r, key, data, exp, node);
        }

        private static long drain(Pipeline pipe, TaskPluginCollector collector) {
            long n = 0;
            Pipeline.Failure f;
            while ((f = pipe.pollFailure()) != null) {
                collector.collectDirtyRecord(f.record, f.reason);
                n++;
            }
            return n;
        }

        @Override
        public void destroy() {
            if (nodes != null) {
                nodes.close();
            }
        }
    }
}
