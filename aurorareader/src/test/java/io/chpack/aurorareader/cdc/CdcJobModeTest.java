package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.element.Record;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.plugin.RecordSender;
import com.alibaba.datax.common.util.Configuration;
import io.chpack.aurorareader.AuroraReader;
import io.chpack.aurorareader.cdc.CdcTestSupport.ListRecord;
import io.chpack.aurorareader.checkpoint.CheckpointStore;
import io.chpack.testkit.MariaDbServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** mode cdc through AuroraReader.Job/Task (ModeRegistry → CdcJobMode/CdcTaskReader) and the hand-off API. */
class CdcJobModeTest {
    private static MariaDbServer db;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        db = MariaDbServer.start();
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private Configuration parameter(String mode) {
        return Configuration.from("{\"username\": \"root\", \"password\": \"" + db.rootPassword() + "\", "
                + "\"mode\": \"" + mode + "\", \"connection\": [{\"jdbcUrl\": [\"" + db.jdbcUrl() + "\"], "
                + "\"table\": [\"jobt\"]}], \"checkpoint\": {\"type\": \"file\", \"path\": \""
                + tmp.toString().replace("\\", "\\\\") + "\", \"id\": \"cdc-job-test\"}}");
    }

    static final class ListSender implements RecordSender {
        final List<ListRecord> records = new ArrayList<>();

        @Override
        public Record createRecord() {
            return new ListRecord();
        }

        @Override
        public void sendToWriter(Record record) {
            records.add((ListRecord) record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void terminate() {
        }

        @Override
        public void shutdown() {
        }
    }

    private List<ListRecord> runJob(Configuration parameter) {
        AuroraReader.Job job = new AuroraReader.Job();
        job.setPluginJobConf(parameter);
        job.setPeerPluginJobConf(Configuration.newDefault());
        job.setPeerPluginName("streamwriter");
        job.init();
        try {
            List<Configuration> slices = job.split(4);
            assertEquals(1, slices.size());
            AuroraReader.Task task = new AuroraReader.Task();
            task.setPluginJobConf(slices.get(0));
            task.init();
            ListSender sender = new ListSender();
            try {
                task.startRead(sender);
            } finally {
                task.destroy();
            }
            job.post();
            return sender.records;
        } finally {
            job.destroy();
        }
    }

    @Test
    void handOffThenTwoJobsCommitPositions() throws Exception {
        try (Connection c = BinlogChangeSourceTest.connectTo(db)) {
            BinlogChangeSourceTest.exec(c, "CREATE TABLE jobt (id INT PRIMARY KEY, v VARCHAR(20))",
                    "INSERT INTO jobt VALUES (1, 'a')");
            // No position yet: a named error says how to get one.
            DataXException none = assertThrows(DataXException.class, () -> runJob(parameter("cdc")));
            assertEquals(CdcErrorCode.BAD_CONFIG, none.getErrorCode());
            assertTrue(none.getMessage().contains("captureStart"), none.getMessage());

            // The full load captures at its start and commits in post.
            String start = CdcHandOff.capture(parameter("full"));
            BinlogChangeSourceTest.exec(c, "INSERT INTO jobt VALUES (2, 'b')", "UPDATE jobt SET v = 'a2' WHERE id = 1");
            CdcHandOff.commit(parameter("full"), start);

            List<ListRecord> first = runJob(parameter("cdc"));
            assertEquals(2, first.size(), first.toString());
            assertEquals("STRING:c", CdcTestSupport.render(first.get(0).getColumn(2)));
            assertEquals("STRING:u", CdcTestSupport.render(first.get(1).getColumn(2)));
            String afterFirst;
            try (CheckpointStore store = CdcHandOff.openStore(parameter("cdc"))) {
                afterFirst = store.get(CdcHandOff.POSITION_KEY);
            }
            assertTrue(CdcPosition.parse(afterFirst).compareTo(CdcPosition.parse(start)) > 0);

            BinlogChangeSourceTest.exec(c, "DELETE FROM jobt WHERE id = 2");
            List<ListRecord> second = runJob(parameter("cdc"));
            assertEquals(1, second.size(), second.toString());
            assertEquals("STRING:d", CdcTestSupport.render(second.get(0).getColumn(2)));
            assertEquals("LONG:1", CdcTestSupport.render(second.get(0).getColumn(4)));
            // Versions grow across runs.
            assertTrue(Long.parseLong(second.get(0).getColumn(3).asString())
                    > Long.parseLong(first.get(1).getColumn(3).asString()));
            // Nothing new: an empty run.
            assertEquals(0, runJob(parameter("cdc")).size());
        }
    }
}
