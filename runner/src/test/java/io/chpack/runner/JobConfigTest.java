package io.chpack.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.runner.support.TestHome;

/** Bad jobs: every message names the file or the full key path and what was expected. */
class JobConfigTest {
    @TempDir
    Path dir;

    private String failure(TestHome home) {
        JobResult result = home.run();
        assertFalse(result.isSuccess());
        assertEquals(List.of(), home.events(), "no plugin code runs for an invalid job");
        return result.errorMessage();
    }

    @Test
    void missingReaderName() {
        String message = failure(new TestHome(this.dir).remove("job.content[0].reader.name"));
        assertTrue(message.contains("job.content[0].reader.name: expected the name of a reader plugin "
                + "(a non-empty string), but it is missing"), message);
    }

    @Test
    void writerParameterOfTheWrongKind() {
        String message = failure(new TestHome(this.dir).set("job.content[0].writer.parameter", List.of(1, 2)));
        assertTrue(message.contains("job.content[0].writer.parameter: expected an object with the writer's "
                + "parameters, but found a list"), message);
    }

    @Test
    void channelThatIsNotANumber() {
        String message = failure(new TestHome(this.dir).set("job.setting.speed.channel", "many"));
        assertTrue(message.contains("job.setting.speed.channel: expected a positive integer (concurrent tasks), "
                + "but found the string \"many\""), message);
    }

    @Test
    void noSpeedAtAll() {
        String message = failure(new TestHome(this.dir).remove("job.setting.speed.channel"));
        assertTrue(message.contains("job.setting.speed: expected \"channel\""), message);
    }

    @Test
    void byteLimitWithoutPerChannelLimit() {
        String message = failure(new TestHome(this.dir).set("job.setting.speed.byte", 1048576));
        assertTrue(message.contains("job.setting.speed.byte is 1048576 bytes/s, so core.transport.channel.speed.byte"),
                message);
    }

    @Test
    void errorLimitPercentageOutOfRange() {
        String message = failure(new TestHome(this.dir).set("job.setting.errorLimit.percentage", 2));
        assertTrue(message.contains("job.setting.errorLimit.percentage: expected a number between 0.0 and 1.0"),
                message);
    }

    @Test
    void coreSettingOverriddenByTheJobIsValidatedToo() {
        String message = failure(new TestHome(this.dir).set("core.transport.channel.capacity", 0));
        assertTrue(message.contains("core.transport.channel.capacity: expected a positive integer (records), "
                + "but found the number 0"), message);
    }

    @Test
    void emptyContent() {
        String message = failure(new TestHome(this.dir).set("job.content", List.of()));
        assertTrue(message.contains("job.content: expected a non-empty list"), message);
    }

    @Test
    void transformersAreRefused() {
        String message = failure(new TestHome(this.dir).set("job.content[0].transformer",
                List.of(Map.of("name", "dx_substr"))));
        assertTrue(message.contains("job.content[0].transformer: expected no transformer"), message);
    }

    @Test
    void invalidJsonNamesTheFileAndThePosition() {
        TestHome home = new TestHome(this.dir);
        Path job = home.writeJob("{\n  \"job\": {\n    \"content\": [,]\n  }\n}\n");
        JobResult result = new Engine(home.home).run(job);
        assertFalse(result.isSuccess());
        assertTrue(result.errorMessage().contains("job file " + job.toAbsolutePath() + " is not valid JSON"),
                result.errorMessage());
        assertTrue(result.errorMessage().contains("line 3, column 17"), result.errorMessage());
    }

    @Test
    void missingJobFile() {
        TestHome home = new TestHome(this.dir);
        Path job = this.dir.resolve("nope.json");
        JobResult result = new Engine(home.home).run(job);
        assertTrue(result.errorMessage().contains("job file " + job.toAbsolutePath() + " does not exist"),
                result.errorMessage());
    }

    @Test
    void homeWithoutCoreJson() {
        TestHome home = new TestHome(this.dir);
        Path job = home.writeJob();
        JobResult result = new Engine(this.dir.resolve("elsewhere")).run(job);
        assertTrue(result.errorMessage().contains("conf/core.json does not exist: is "), result.errorMessage());
    }

    @Test
    void jobCoreKeysOverrideCoreJson() {
        // core.json says 512; the job's own core section wins.
        JobResult result = new TestHome(this.dir).set("core.transport.channel.capacity", 7).run();
        assertTrue(result.isSuccess(), result::toString);
        assertEquals(7, result.channelMetrics().get(0).recordCapacity());
    }
}
