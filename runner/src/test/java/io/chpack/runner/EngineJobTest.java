package io.chpack.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.runner.support.LogCapture;
import io.chpack.runner.support.TestHome;

/** Real jobs through the engine, with the test plugins loaded from a temporary home. */
@Timeout(120)
class EngineJobTest {
    private static final Pattern SENT = Pattern.compile("reader\\.task\\[(\\d+)]\\.sent count=(\\d+) checksum=(-?\\d+)");
    private static final Pattern RECEIVED = Pattern.compile(
            "writer\\.task\\[(\\d+)]\\.received count=(\\d+) checksum=(-?\\d+) mispaired=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void happyPathRunsSlicesOnSeveralChannelsAndDeliversEveryRecordToItsPair() {
        TestHome home = new TestHome(this.dir).set("job.setting.speed.channel", 3)
                .reader("slices", 5).reader("records", 2000);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(0, result.exitCode());
        assertEquals(5, result.taskNumber());
        assertEquals(3, result.channelNumber());
        assertEquals(10000, result.totalReadRecords());
        assertEquals(10000, result.writeSucceedRecords());
        assertEquals(0, result.errorRecords());

        Map<Integer, String> sent = new HashMap<>();
        Map<Integer, String> received = new HashMap<>();
        for (String event : home.events()) {
            Matcher s = SENT.matcher(event);
            if (s.matches()) {
                sent.put(Integer.valueOf(s.group(1)), s.group(2) + "/" + s.group(3));
            }
            Matcher r = RECEIVED.matcher(event);
            if (r.matches()) {
                received.put(Integer.valueOf(r.group(1)), r.group(2) + "/" + r.group(3));
                assertEquals("0", r.group(4), "writer task " + r.group(1) + " got records of another reader slice");
            }
        }
        assertEquals(5, sent.size());
        assertEquals(sent, received, "count/checksum per slice, reader vs writer");

        assertEquals(List.of("reader.job.init", "writer.job.init", "reader.job.prepare", "writer.job.prepare",
                "reader.job.split(3)", "writer.job.split(5)", "writer.job.post", "reader.job.post",
                "writer.job.destroy", "reader.job.destroy"), home.jobEvents());
        for (int slice = 0; slice < 5; slice++) {
            assertEquals(List.of("init", "prepare", "startRead", "sent", "post", "destroy"),
                    taskPhases(home, "reader.task[" + slice + "]"));
            assertEquals(List.of("init", "prepare", "startWrite", "received", "post", "destroy"),
                    taskPhases(home, "writer.task[" + slice + "]"));
        }
        // Every plugin call ran with the plugin's own loader as context class loader.
        assertTrue(home.events().stream().filter(e -> e.contains("tccl=")).allMatch(e -> e.contains("tccl=own")),
                () -> String.join("\n", home.events()));
        // The job plugins got their peer's configuration; only the writer job its peer's name (as DataX).
        assertTrue(home.events("reader.job.init").get(0).contains("peer=null peerConf=true pluginName=genreader"));
        assertTrue(home.events("writer.job.init").get(0).contains("peer=genreader peerConf=true pluginName=collectwriter"));
        // JobPluginCollector: the writer job sees the messages of all its tasks; unknown keys are null.
        assertEquals(List.of("writer.job.post tccl=own messages=5:10000 missing=null"), home.events("writer.job.post"));
    }

    @Test
    void pluginsGetSeparateParentFirstClassLoaders() {
        TestHome home = new TestHome(this.dir);

        assertTrue(home.run().isSuccess());

        String readerInit = home.events("reader.task[0].init").get(0);
        String writerInit = home.events("writer.task[0].init").get(0);
        // Both plugins bundle a class io.chpack.testplugins.Version with different code: each sees its own.
        assertTrue(readerInit.contains("version=genreader"), readerInit);
        assertTrue(readerInit.contains("loader=PluginClassLoader"), readerInit);
        assertTrue(writerInit.contains("version=collectwriter"), writerInit);
        // The writer bundles a fake commons-lang3 StringUtils; the engine's class path wins (DataX lib/ semantics).
        assertTrue(writerInit.contains("lang3=parent"), writerInit);
        // And the plugins are not visible to the engine's own class path at all.
        assertThrowsClassNotFound("io.chpack.testplugins.GenReader");
    }

    private static void assertThrowsClassNotFound(String name) {
        try {
            Class.forName(name);
        } catch (ClassNotFoundException expected) {
            return;
        }
        throw new AssertionError(name + " is on the test class path; the test would not exercise plugin loading");
    }

    @Test
    void writerSplitOfTheWrongSizeFailsNamingBothCounts() {
        TestHome home = new TestHome(this.dir).set("job.setting.speed.channel", 4).writer("splitDelta", -1);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertEquals(1, result.exitCode());
        assertTrue(result.errorMessage().contains(
                "writer \"collectwriter\": Writer.Job.split(4) returned 3 slices, but reader \"genreader\" split into 4"),
                result.errorMessage());
        assertEquals(List.of(), home.events("reader.task"));
        assertEquals(List.of("reader.job.init", "writer.job.init", "reader.job.prepare", "writer.job.prepare",
                "reader.job.split(4)", "writer.job.split(4)", "writer.job.destroy", "reader.job.destroy"),
                home.jobEvents());
    }

    @Test
    void errorLimitRecordStopsTheJobWhileItRuns() {
        // The reader never ends on its own: only a check during the run can finish this job.
        TestHome home = new TestHome(this.dir).reader("records", -1).writer("dirtyEvery", 10)
                .set("job.setting.errorLimit.record", 5);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("job.setting.errorLimit.record allows 5 dirty records, but 6"),
                result.errorMessage());
        assertTrue(result.errorRecords() >= 6);
        assertEquals(List.of(), home.events("writer.job.post"));
        assertEquals(List.of(), home.events("reader.task[0].post"));
        assertEquals(1, home.events("reader.task[0].destroy").size());
        assertEquals(1, home.events("writer.task[0].destroy").size());
        assertEquals(List.of("writer.job.destroy", "reader.job.destroy"),
                home.jobEvents().subList(home.jobEvents().size() - 2, home.jobEvents().size()));
    }

    @Test
    void errorLimitRecordAllowsExactlyTheLimit() {
        TestHome home = new TestHome(this.dir).reader("records", 1000).writer("dirtyEvery", 10)
                .set("job.setting.errorLimit.record", 100);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(100, result.errorRecords());
        assertEquals(900, result.writeSucceedRecords());
    }

    @Test
    void errorLimitPercentageIsCheckedAtTheEnd() {
        TestHome home = new TestHome(this.dir).reader("records", 1000).writer("dirtyEvery", 10)
                .set("job.setting.errorLimit.percentage", 0.05);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("job.setting.errorLimit.percentage allows 0.05, but 100 of 1000"),
                result.errorMessage());
        // The tasks ran to their end; only the job's post was withheld.
        assertEquals(1, home.events("writer.task[0].post").size());
        assertEquals(List.of(), home.events("writer.job.post"));
    }

    @Test
    void errorLimitPercentagePassesAndKeepsTheFirstDirtyRecordsWithTheirReason() {
        TestHome home = new TestHome(this.dir).reader("records", 1000).writer("dirtyEvery", 10)
                .set("job.setting.errorLimit.percentage", 0.2)
                .set("core.statistics.collector.plugin.maxDirtyNumber", 3);
        LogCapture.clear();

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(100, result.errorRecords());
        assertEquals(3, result.dirtySamples().size());
        DirtyRecordSample first = result.dirtySamples().get(0);
        assertEquals("writer", first.side());
        assertEquals("marked dirty: id=0", first.message());
        assertTrue(first.exception().contains("IllegalArgumentException: value rejected: row-000000000000"),
                first.exception());
        assertTrue(first.record().startsWith("[{LONG 0}, {STRING \"row-000000000000\"}, {BOOL true}"), first.record());
        String log = LogCapture.text();
        assertTrue(log.contains("Dirty record #3 "), log);
        assertFalse(log.contains("Dirty record #4 "), "only maxDirtyNumber records are printed");
        assertTrue(log.contains("Total read/write failures :                 100"), log);
    }

    @Test
    void readerDirtyRecordsCountAsReadAndAsErrors() {
        TestHome home = new TestHome(this.dir).reader("records", 100).reader("dirtyEvery", 4);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(100, result.totalReadRecords());
        assertEquals(25, result.errorRecords());
        assertEquals(75, result.writeSucceedRecords());
        assertEquals("reader", result.dirtySamples().get(0).side());
    }

    @Test
    void readerFailureFailsTheJobWithItsMessageAndSkipsPost() {
        TestHome home = new TestHome(this.dir).set("job.setting.speed.channel", 2).reader("slices", 2)
                .reader("records", 1000).reader("failAtRecord", 50).reader("failSlice", 1);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("generated reader failure at record 50 of slice 1"),
                result.errorMessage());
        assertTrue(result.error() instanceof IllegalStateException);
        assertEquals(List.of(), home.events("reader.task[1].post"));
        assertEquals(List.of(), home.events("writer.task[1].post"));
        assertEquals(List.of(), home.events("writer.job.post"));
        assertEquals(List.of(), home.events("reader.job.post"));
        for (String task : List.of("reader.task[1]", "writer.task[1]")) {
            assertEquals(1, home.events(task + ".destroy").size(), task);
        }
        assertEquals(List.of("writer.job.destroy", "reader.job.destroy"),
                home.jobEvents().subList(home.jobEvents().size() - 2, home.jobEvents().size()));
    }

    @Test
    void writerFailureFailsTheJobAndStopsTheBlockedReader() {
        // The reader never ends and the channel is small: the reader is blocked when the writer dies.
        TestHome home = new TestHome(this.dir).reader("records", -1).writer("failAtRecord", 300)
                .set("core.transport.channel.capacity", 16);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("generated writer failure at record 300 of slice 0"),
                result.errorMessage());
        assertEquals(1, home.events("reader.task[0].destroy").size());
        assertEquals(1, home.events("writer.task[0].destroy").size());
        assertEquals(List.of(), home.events("reader.task[0].post"));
        assertEquals(List.of(), home.events("writer.job.post"));
    }

    @Test
    void destroyThatThrowsIsLoggedAndDoesNotChangeTheOutcome() {
        TestHome home = new TestHome(this.dir).reader("failTaskDestroy", true).reader("failJobDestroy", true)
                .writer("failTaskDestroy", true);
        LogCapture.clear();

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(100, result.writeSucceedRecords());
        String log = LogCapture.text();
        assertTrue(log.contains("reader task 0: destroy() failed"), log);
        assertTrue(log.contains("writer task 0: destroy() failed"), log);
        assertTrue(log.contains("reader job \"genreader\": destroy() failed"), log);
        // The writer job is destroyed before the reader job, and regardless of it.
        assertEquals(List.of("writer.job.destroy", "reader.job.destroy"),
                home.jobEvents().subList(home.jobEvents().size() - 2, home.jobEvents().size()));
    }

    @Test
    void destroyThatThrowsDoesNotHideTheRealFailure() {
        TestHome home = new TestHome(this.dir).reader("failTaskDestroy", true).writer("failTaskDestroy", true)
                .reader("failAtRecord", 10);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("generated reader failure at record 10"), result.errorMessage());
    }

    @Test
    void slowWriterBlocksTheReaderAndTheChannelNeverHoldsMoreRecordsThanItsCapacity() {
        String gate = "chpack.test.gate." + UUID.randomUUID();
        // The writer reads nothing until the reader has tried to send capacity + one buffer + 1 records: with a
        // bounded channel the reader is blocked exactly there; an unbounded one would let it send all 5000.
        TestHome home = new TestHome(this.dir).reader("records", 5000).reader("progressKey", gate)
                .writer("gateKey", gate).writer("gateAt", 16 + 4 + 1).writer("busyNanosPerRecord", 20000)
                .set("core.transport.channel.capacity", 16).set("core.transport.exchanger.bufferSize", 4);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(5000, result.writeSucceedRecords());
        ChannelMetrics channel = result.channelMetrics().get(0);
        assertEquals(16, channel.recordCapacity());
        assertEquals(16, channel.peakRecords(), channel.toString());
        assertTrue(channel.peakBytes() <= channel.byteCapacity(), channel.toString());
        assertEquals(5000, channel.pushedRecords());
    }

    @Test
    void theChannelNeverHoldsMoreMemoryThanItsByteCapacity() {
        String gate = "chpack.test.gate." + UUID.randomUUID();
        int memory = recordMemorySize(100);
        int perBatch = 5;
        // Every record has the same size: the send buffer flushes at 5 records, the channel holds one
        // such batch, so the reader blocks on its 11th record.
        TestHome home = new TestHome(this.dir).reader("records", 3000).reader("payloadChars", 100)
                .reader("progressKey", gate).writer("gateKey", gate).writer("gateAt", 2 * perBatch + 1)
                .set("core.transport.channel.byteCapacity", perBatch * memory)
                .set("core.transport.exchanger.bufferSize", 1000);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(3000, result.writeSucceedRecords());
        ChannelMetrics channel = result.channelMetrics().get(0);
        assertEquals((long) perBatch * memory, channel.peakBytes(), channel.toString());
        assertEquals(perBatch, channel.peakRecords(), channel.toString());
    }

    /** Memory of a generated record, measured on an engine record with the same columns. */
    private static int recordMemorySize(int payloadChars) {
        io.chpack.runner.transport.RunnerRecord record = new io.chpack.runner.transport.RunnerRecord();
        record.addColumn(new com.alibaba.datax.common.element.LongColumn(1L));
        record.addColumn(new com.alibaba.datax.common.element.StringColumn(
                String.format("row-%012d", 1) + "x".repeat(payloadChars)));
        record.addColumn(new com.alibaba.datax.common.element.BoolColumn(true));
        record.addColumn(new com.alibaba.datax.common.element.DateColumn(1L));
        record.addColumn(new com.alibaba.datax.common.element.BytesColumn(new byte[4]));
        return record.getMemorySize();
    }

    @Test
    void recordLargerThanTheChannelIsDirty() {
        TestHome home = new TestHome(this.dir).reader("records", 10).reader("payloadChars", 5000)
                .set("core.transport.channel.byteCapacity", 1000);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(10, result.errorRecords());
        assertTrue(result.dirtySamples().get(0).exception().contains("core.transport.channel.byteCapacity = 1000"),
                result.dirtySamples().get(0).toString());
    }

    @Test
    void perChannelSpeedLimitThrottlesTheReader() {
        // 2 channels from a job-wide 400 records/s over 200 records/s per channel; 300 records per channel
        // cannot be produced in less than 1.5 s, so the reader must have slept.
        TestHome home = new TestHome(this.dir).reader("slices", 2).reader("records", 300)
                .remove("job.setting.speed.channel").set("job.setting.speed.record", 400)
                .set("core.transport.channel.speed.record", 200);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(2, result.channelNumber());
        for (ChannelMetrics channel : result.channelMetrics()) {
            assertTrue(channel.throttledMillis() > 0, channel.toString());
        }
    }

    @Test
    void secretsAreMaskedInLogsAndDirtyRecords() {
        String password = "Sup3r-Secret-Pw";
        String accessKey = "AK-ZZZ-998877";
        TestHome home = new TestHome(this.dir)
                .reader("password", password).reader("logSecret", true).reader("leakSecret", true)
                .reader("records", 20).writer("dirtyEvery", 5)
                .writer("connection", List.of(Map.of("accessKey", accessKey, "jdbcUrl", "jdbc:x://h/db")));
        LogCapture.clear();

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(4, result.dirtySamples().size());
        String log = LogCapture.text();
        for (String secret : List.of(password, accessKey)) {
            assertFalse(log.contains(secret), () -> "secret in log:\n" + log);
            for (DirtyRecordSample sample : result.dirtySamples()) {
                assertFalse(sample.toString().contains(secret), sample.toString());
            }
        }
        assertTrue(log.contains("\"password\": \"******\""), "the config dump masks the key:\n" + log);
        assertTrue(log.contains("\"accessKey\": \"******\""), "keys inside lists too:\n" + log);
        assertTrue(log.contains("connecting with password ******"), "the plugin's own log line is masked:\n" + log);
        assertTrue(result.dirtySamples().get(0).record().contains("******"), result.dirtySamples().get(0).toString());
        assertTrue(result.dirtySamples().get(0).exception().contains("******"), result.dirtySamples().get(0).toString());
    }

    @Test
    void secretsAreMaskedInErrorMessagesAndStackTraces() {
        String password = "Sup3r-Secret-Pw";
        TestHome home = new TestHome(this.dir).reader("password", password).reader("failAtRecord", 3)
                .reader("failMessage", "login failed for jdbc:x://h/db?user=u&password=" + password);
        LogCapture.clear();

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("login failed for jdbc:x://h/db?user=u&password=******"),
                result.errorMessage());
        String log = LogCapture.text();
        assertTrue(log.contains("login failed"), log);
        assertFalse(log.contains(password), () -> "secret in log:\n" + log);
    }

    @Test
    void failedWriterTaskIsRetriedWhenItSupportsFailoverAndRetriesAreConfigured() {
        String once = "chpack.test.once." + UUID.randomUUID();
        TestHome home = new TestHome(this.dir).reader("records", 500).writer("failAtRecord", 100)
                .writer("failOnceKey", once).writer("supportFailOver", true)
                .set("core.container.task.failOver.maxRetryTimes", 2)
                .set("core.container.task.failOver.retryIntervalInMsec", 0);

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(1, result.retries());
        // The failed attempt's records are not counted twice.
        assertEquals(500, result.totalReadRecords());
        assertEquals(500, result.writeSucceedRecords());
        // Reader and writer were both rerun from the start of the slice.
        assertEquals(2, home.events("reader.task[0].init").size());
        assertEquals(2, home.events("writer.task[0].init").size());
        assertEquals(2, home.events("writer.task[0].destroy").size());
        assertEquals(1, home.events("writer.task[0].post").size());
        assertEquals(1, home.events("writer.job.post").size());
    }

    @Test
    void failoverNeedsMaxRetryTimesOfAtLeastTwo() {
        String once = "chpack.test.once." + UUID.randomUUID();
        TestHome home = new TestHome(this.dir).reader("records", 500).writer("failAtRecord", 100)
                .writer("failOnceKey", once).writer("supportFailOver", true);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertEquals(0, result.retries());
        assertTrue(result.errorMessage().contains("generated writer failure at record 100"), result.errorMessage());
    }

    @Test
    void failoverNeedsTheWriterToSupportIt() {
        String once = "chpack.test.once." + UUID.randomUUID();
        TestHome home = new TestHome(this.dir).reader("records", 500).writer("failAtRecord", 100)
                .writer("failOnceKey", once).set("core.container.task.failOver.maxRetryTimes", 3)
                .set("core.container.task.failOver.retryIntervalInMsec", 0);

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertEquals(0, result.retries());
    }

    @Test
    void missingPluginNamesThePluginTheDirectoryAndWhatIsInstalled() {
        TestHome home = new TestHome(this.dir).set("job.content[0].reader.name", "mysqlreader");

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        String message = result.errorMessage();
        assertTrue(message.contains("reader plugin \"mysqlreader\" is not installed"), message);
        assertTrue(message.contains(home.home.resolve("plugin/reader").toString()), message);
        assertTrue(message.contains("available readers: genreader"), message);
        assertEquals(List.of(), home.events(), "no plugin code runs when a plugin is missing");

        TestHome swapped = new TestHome(this.dir.resolve("swapped"))
                .set("job.content[0].reader.name", "collectwriter");
        String hint = swapped.run().errorMessage();
        assertTrue(hint.contains("(\"collectwriter\" is installed, but as a writer)"), hint);
    }

    @Test
    void pluginDirectoryWithoutPluginJsonIsReported() throws Exception {
        TestHome home = new TestHome(this.dir);
        java.nio.file.Files.createDirectories(home.home.resolve("plugin/writer/brokenwriter"));

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("plugin/writer/brokenwriter has no plugin.json"),
                result.errorMessage());
    }

    @Test
    void pluginNamesMustBeUniqueAcrossReadersAndWriters() throws Exception {
        TestHome home = new TestHome(this.dir);
        Path dupe = home.home.resolve("plugin/writer/zz-copy");
        java.nio.file.Files.createDirectories(dupe);
        java.nio.file.Files.writeString(dupe.resolve("plugin.json"),
                "{\"name\": \"genreader\", \"class\": \"x.Y\"}");

        String message = home.run().errorMessage();

        assertTrue(message.contains("plugin name \"genreader\" is used twice"), message);
        assertTrue(message.contains(dupe.toString()), message);
    }

    @Test
    void wrongPluginClassIsReportedWithTheJarsSearched() throws Exception {
        TestHome home = new TestHome(this.dir);
        java.nio.file.Files.writeString(home.home.resolve("plugin/writer/collectwriter/plugin.json"),
                "{\"name\": \"collectwriter\", \"class\": \"io.chpack.testplugins.NoSuchWriter\"}");

        JobResult result = home.run();

        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("class io.chpack.testplugins.NoSuchWriter$Job was not found in its "
                + "jars [collectwriter.jar, fake-commons-lang3.jar, version.jar]"), result.errorMessage());
        // The reader job had been created and initialised: it is destroyed.
        assertEquals(List.of("reader.job.init", "reader.job.destroy"), home.jobEvents());
    }

    @Test
    void builtInStreamPluginsRunWithoutPluginDirectories() {
        TestHome home = new TestHome(this.dir).set("job.setting.speed.channel", 2)
                .set("job.content[0].reader.name", "streamreader")
                .set("job.content[0].reader.parameter", Map.of("sliceRecordCount", 50, "column",
                        List.of(Map.of("type", "long", "incr", "1,1"), Map.of("type", "string", "value", "x"))))
                .set("job.content[0].writer.name", "streamwriter")
                .set("job.content[0].writer.parameter", Map.of("print", false));

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(2, result.taskNumber());
        assertEquals(100, result.writeSucceedRecords());
    }

    @Test
    void stockStylePluginThatCastsConfigNodesToFastjson2Runs() {
        // Stock DataX plugins (e.g. streamreader) iterate getList(path, JSONObject.class): the engine's
        // Configuration must hold fastjson2 nodes, as DataX's does.
        TestHome home = new TestHome(this.dir).reader("fastjsonColumns",
                List.of(Map.of("type", "long"), Map.of("type", "string")));

        JobResult result = home.run();

        assertTrue(result.isSuccess(), result::toString);
        assertEquals(List.of("reader.job.fastjsonColumns long string"), home.events("reader.job.fastjsonColumns"));
    }

    private static List<String> taskPhases(TestHome home, String task) {
        List<String> phases = new ArrayList<>();
        for (String event : home.events(task + ".")) {
            phases.add(event.substring(task.length() + 1).split(" ")[0]);
        }
        return phases;
    }

    @Test
    void resultOfASuccessfulJobHasNoError() {
        JobResult result = new TestHome(this.dir).run();
        assertTrue(result.isSuccess());
        assertNull(result.error());
        assertNull(result.errorMessage());
    }
}
