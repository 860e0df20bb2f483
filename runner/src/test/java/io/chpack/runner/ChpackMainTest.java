package io.chpack.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chpack.runner.support.LogCapture;
import io.chpack.runner.support.TestHome;

class ChpackMainTest {
    @TempDir
    Path dir;

    private java.util.TimeZone savedZone;
    private java.util.Locale savedLocale;

    @org.junit.jupiter.api.BeforeEach
    void saveJvmDefaults() {
        this.savedZone = java.util.TimeZone.getDefault();
        this.savedLocale = java.util.Locale.getDefault();
        // Start from something neither DataX's default nor the machine's, so a change is visible.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Chatham"));
        java.util.Locale.setDefault(java.util.Locale.GERMANY);
    }

    @org.junit.jupiter.api.AfterEach
    void restoreJvmDefaults() {
        java.util.TimeZone.setDefault(this.savedZone);
        java.util.Locale.setDefault(this.savedLocale);
    }

    @Test
    void commandLineSetsJvmZoneAndLocaleLikeDataX() throws Exception {
        TestHome home = new TestHome(this.dir).reader("records", 1);
        int code = ChpackMain.execute(new String[] {"run", home.writeJob().toString(), "--home", home.home.toString()},
                System.err);
        assertEquals(0, code);
        assertEquals("GMT+08:00", java.util.TimeZone.getDefault().getID(), "core.json's common.column.timeZone");
        assertEquals(java.util.Locale.CHINA, java.util.Locale.getDefault(), "DataX's default locale zh_CN");

        TestHome tokyo = new TestHome(this.dir.resolve("tokyo")).reader("records", 1)
                .set("common.column.timeZone", "Asia/Tokyo").set("common.column.locale", "en_US");
        assertEquals(0, ChpackMain.execute(new String[] {"run", tokyo.writeJob().toString(), "--home",
                tokyo.home.toString()}, System.err));
        assertEquals("Asia/Tokyo", java.util.TimeZone.getDefault().getID(), "the job's own common.column.timeZone wins");
        assertEquals(java.util.Locale.US, java.util.Locale.getDefault());
    }

    @Test
    void inProcessEngineLeavesJvmDefaultsAlone() throws Exception {
        TestHome home = new TestHome(this.dir).reader("records", 1);
        assertTrue(new Engine(home.home).run(home.writeJob(), Map.of()).isSuccess());
        assertEquals("Pacific/Chatham", java.util.TimeZone.getDefault().getID());
        assertEquals(java.util.Locale.GERMANY, java.util.Locale.getDefault());
    }

    @Test
    void paramsSubstituteVariablesInTheJob() throws Exception {
        Path out = this.dir.resolve("out.txt");
        TestHome home = new TestHome(this.dir).reader("records", "${records}").writer("outputFile", "$outDir/out.txt");
        Path job = home.writeJob();
        assertTrue(Files.readString(job).contains("${records}"), Files.readString(job));

        int code = ChpackMain.execute(new String[] {"run", job.toString(), "-p",
                "-Drecords=123 -DoutDir=" + this.dir, "--home", home.home.toString()}, System.err);

        assertEquals(0, code);
        assertEquals(List.of("0 123 " + checksum(123)), Files.readAllLines(out));
    }

    private static long checksum(int records) {
        long sum = 0;
        for (long id = 0; id < records; id++) {
            sum += id * 31 + id % 7;
        }
        return sum;
    }

    @Test
    void undefinedVariableIsLeftAsWrittenWithAWarning() throws Exception {
        TestHome home = new TestHome(this.dir).reader("table", "${chpackNoSuchVariable}");
        LogCapture.clear();
        JobResult result = new Engine(home.home).run(home.writeJob(), Map.of());
        assertTrue(result.isSuccess(), result::toString);
        assertTrue(LogCapture.text().contains("undefined variables ${chpackNoSuchVariable}"), LogCapture.text());
    }

    @Test
    void failingJobExitsWithOne() {
        TestHome home = new TestHome(this.dir).reader("failAtRecord", 1);
        int code = ChpackMain.execute(new String[] {"run", home.writeJob().toString(), "--home=" + home.home},
                System.err);
        assertEquals(1, code);
    }

    @Test
    void usageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(1, ChpackMain.execute(new String[] {}, print));
        assertEquals(1, ChpackMain.execute(new String[] {"go", "x.json"}, print));
        assertEquals(1, ChpackMain.execute(new String[] {"run"}, print));
        assertEquals(1, ChpackMain.execute(new String[] {"run", "x.json", "-p", "records=1"}, print));
        assertEquals(0, ChpackMain.execute(new String[] {"--help"}, print));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unknown command \"go\""), text);
        assertTrue(text.contains("run needs the path of a job file"), text);
        assertTrue(text.contains("-p expects -Dname=value options, got \"records=1\""), text);
        assertTrue(text.contains("usage: chpack run <job.json>"), text);
    }

    @Test
    void paramsAreTokenizedLikeAShell() {
        ChpackMain.Arguments args = ChpackMain.Arguments.parse(new String[] {"run", "j.json",
                "-p-Da=1 -Db='two words' -Dc=\"x y\" -Dd="});
        assertEquals(Map.of("a", "1", "b", "two words", "c", "x y", "d", ""), args.variables);
        assertThrows(IllegalArgumentException.class,
                () -> ChpackMain.Arguments.parse(new String[] {"run", "j.json", "-p", "-Da='open"}));
    }
}
