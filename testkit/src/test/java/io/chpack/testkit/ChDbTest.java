package io.chpack.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** One chDB bridge for the class (one node process); the last test closes it and checks it is gone. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChDbTest {
    private static ChDb chdb;

    @BeforeAll
    static void start() {
        chdb = ChDb.start();
        System.out.println("[ChDbTest] engine " + chdb.version() + " loaded in " + chdb.startDuration().toMillis() + " ms");
    }

    @AfterAll
    static void stop() {
        if (chdb != null) {
            chdb.close();
        }
    }

    @Test
    @Order(1)
    void isTheClickHouse26EngineInUtc() {
        assertTrue(chdb.version().startsWith("26."), chdb.version());
        assertEquals(chdb.version() + "\n", chdb.query("SELECT version()"));
        assertEquals("UTC\n", chdb.query("SELECT timezone()"));
        assertTrue(chdb.isRunning() && chdb.pid() > 0);
    }

    @Test
    @Order(2)
    void binaryResultsKeepNulBytes() {
        // String 'a\0b' then UInt64 1: RowBinary is length-prefixed, little-endian
        byte[] expected = {3, 'a', 0, 'b', 1, 0, 0, 0, 0, 0, 0, 0};
        assertArrayEquals(expected, chdb.queryBinary("SELECT 'a\\0b', toUInt64(1) FORMAT RowBinary"));
        assertArrayEquals(expected, chdb.queryBinary("SELECT 'a\\0b', toUInt64(1)", "RowBinary"));
        byte[] big = chdb.queryBinary("SELECT toUInt32(number) FROM numbers(100000) FORMAT RowBinary");
        assertEquals(400_000, big.length);
        assertEquals(0x9F, big[4 * 99_999] & 0xFF); // 99999 = 0x1869F, little-endian
    }

    @Test
    @Order(3)
    void tablesFilesAndTextFormats() throws Exception {
        chdb.query("CREATE TABLE t (a UInt8, s String) ENGINE = Memory");
        chdb.query("INSERT INTO t VALUES (1, 'x\ty'), (2, 'é😀')");
        assertEquals("1\tx\\ty\n2\té😀\n", chdb.query("SELECT * FROM t ORDER BY a"));
        assertEquals("{\"a\":1}\n", chdb.query("SELECT a FROM t WHERE a = 1", "JSONEachRow"));

        Path in = chdb.newFile("in.bin");
        Files.write(in, new byte[] {7, 2, 'h', 'i'});
        assertEquals("7\thi\n", chdb.query("SELECT * FROM file(" + ChDb.literal(in.toString()) + ", 'RowBinary', 'a UInt8, s String')"));

        Path out = chdb.newFile("out.bin");
        chdb.query("SELECT a, s FROM t ORDER BY a INTO OUTFILE " + ChDb.literal(out.toString()) + " FORMAT RowBinary");
        byte[] written = Files.readAllBytes(out);
        assertEquals(1 + 1 + 3 + 1 + 1 + 6, written.length);
        ChDbQueryException again = assertThrows(ChDbQueryException.class,
                () -> chdb.query("SELECT 1 INTO OUTFILE " + ChDb.literal(out.toString()) + " FORMAT RowBinary"));
        assertEquals(504, again.code(), again.getMessage()); // FILE_ALREADY_EXISTS: hence newFile()

        Path viaBridge = chdb.queryToFile("SELECT a, s FROM t ORDER BY a", "RowBinary");
        assertArrayEquals(written, Files.readAllBytes(viaBridge));
        chdb.query("DROP TABLE t");
    }

    @Test
    @Order(4)
    void engineErrorsCarryTheEngineMessageAndLeaveTheBridgeUsable() {
        long pid = chdb.pid();
        ChDbQueryException e = assertThrows(ChDbQueryException.class, () -> chdb.query("SELECT * FROM no_such_table"));
        assertEquals(60, e.code());
        assertTrue(e.engineMessage().contains("no_such_table"), e.getMessage());
        assertTrue(e.getMessage().contains("query: SELECT * FROM no_such_table"), e.getMessage());
        ChDbQueryException syntax = assertThrows(ChDbQueryException.class, () -> chdb.query("SELEC 1"));
        assertEquals(62, syntax.code(), syntax.getMessage());
        assertEquals("1\n", chdb.query("SELECT 1"));
        assertEquals(pid, chdb.pid(), "same process after engine errors");
    }

    @Test
    @Order(5)
    void manyQueriesShareOneProcess() {
        long t0 = System.nanoTime();
        int n = 200;
        for (int i = 0; i < n; i++) {
            assertEquals(i + "\n", chdb.query("SELECT " + i));
        }
        long perQueryMicros = (System.nanoTime() - t0) / 1000 / n;
        System.out.println("[ChDbTest] " + n + " small queries: " + perQueryMicros + " µs each");
        assertEquals(1, chdb.starts());
    }

    @Test
    @Order(6)
    void aMissedDeadlineKillsTheEngineAndTheNextRequestStartsAFreshOne() {
        // its own bridge: a failure keeps the scratch dir (the log is evidence), the shared one must close clean
        ChDb own = ChDb.start();
        try {
            long pid = own.pid();
            ChDbBridgeException e = assertThrows(ChDbBridgeException.class,
                    () -> own.queryBinary("SELECT count() FROM numbers(100000000000)", "TSV", Duration.ofMillis(300)));
            assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "timed-out engine killed");
            assertEquals("2\n", own.query("SELECT 2"));
            assertEquals(2, own.starts());
            assertTrue(own.pid() != pid);
        } finally {
            own.close();
            ScratchDirs.deleteTree(own.scratchDir());
        }
    }

    @Test
    @Order(7)
    void closeEndsTheProcessAndDeletesScratch() {
        long pid = chdb.pid();
        Path scratch = chdb.scratchDir();
        long t0 = System.nanoTime();
        chdb.close();
        System.out.println("[ChDbTest] close took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node " + pid + " still alive");
        assertFalse(Files.exists(scratch), "scratch dir kept after a clean close: " + scratch);
        assertThrows(IllegalStateException.class, () -> chdb.query("SELECT 1"));
        chdb = null;
    }

    @Test
    void theShutdownHookKillsABridgeThatWasNotClosed() throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "-D" + TestkitSettings.ROOT + "=" + TestkitSettings.scratchRoot(),
                ChDbOrphanProbeMain.class.getName());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] f = out.lines().reduce((a, b) -> b).orElse("").split(" ");
        long pid = Long.parseLong(f[0]);
        // the hook ran before the JVM exited: node must already be gone
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "node " + pid + " outlived its JVM");
        ScratchDirs.deleteTree(Path.of(f[1]));
    }

    @Test
    void missingInstallationNamesSetup(@TempDir Path empty) {
        MissingBinaryException e = assertThrows(MissingBinaryException.class,
                () -> ChDb.locate(empty.toString(), null, "/nonexistent"));
        assertTrue(e.getMessage().startsWith("chdb not installed: run scripts/setup first"), e.getMessage());
        MissingBinaryException viaEnv = assertThrows(MissingBinaryException.class,
                () -> ChDb.locate(null, empty.toString(), "/nonexistent"));
        assertTrue(viaEnv.getMessage().contains(empty.resolve("chdb").toString()), viaEnv.getMessage());
        MissingBinaryException viaHome = assertThrows(MissingBinaryException.class, () -> ChDb.locate(null, null, empty.toString()));
        assertTrue(viaHome.getMessage().contains(empty.resolve(".cache/chpack/chdb").toString()), viaHome.getMessage());
    }
}
