package io.chpack.runner;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;

import com.alibaba.datax.common.element.ColumnCast;
import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.config.JobLoader;
import io.chpack.runner.config.RunSettings;
import io.chpack.runner.job.JobContainer;
import io.chpack.runner.job.FailureText;
import io.chpack.runner.log.MaskedLog;
import io.chpack.runner.plugin.PluginRegistry;
import io.chpack.runner.security.SecretMasker;

/**
 * Runs a DataX job file against a DataX-style home (conf/core.json, plugin/reader/*, plugin/writer/*)
 * in this JVM. Never throws for a failing job and never exits the JVM: the outcome is the returned
 * {@link JobResult}, so tests and embedders can run jobs in-process.
 */
public final class Engine {
    public static final String HOME_PROPERTY = "chpack.home";

    private final Path home;
    private final boolean setJvmDefaults;

    public Engine(Path home) {
        this(home, false);
    }

    /**
     * @param setJvmDefaults set the JVM default time zone and locale from {@code common.column.timeZone}
     *        and {@code common.column.locale} (default zh_CN) before the job runs, as DataX's engine does,
     *        so a plugin that wrongly depends on the JVM zone behaves here as it would in DataX. Meant for
     *        the command line (one job per JVM); embedders and tests leave it off.
     */
    public Engine(Path home, boolean setJvmDefaults) {
        this.home = home.toAbsolutePath().normalize();
        this.setJvmDefaults = setJvmDefaults;
    }

    /** The home named by the {@code chpack.home} system property. */
    public static Engine fromSystemProperty() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.trim().isEmpty()) {
            throw DataXException.asDataXException(RunnerErrorCode.ARGUMENT_ERROR,
                    "no chpack home: set -D" + HOME_PROPERTY + "=DIR or pass --home DIR");
        }
        return new Engine(Paths.get(home));
    }

    public Path home() {
        return this.home;
    }

    /** Runs the job with {@code ${name}} variables taken from system properties only (datax.py -p). */
    public JobResult run(Path jobFile) {
        return run(jobFile, Collections.<String, String>emptyMap());
    }

    /** Runs the job; {@code variables} win over system properties for {@code ${name}} substitution. */
    public JobResult run(Path jobFile, Map<String, String> variables) {
        long start = System.currentTimeMillis();
        SecretMasker masker = SecretMasker.none();
        try {
            JobLoader loader = new JobLoader(this.home);
            Configuration job = loader.readJob(jobFile, variables);
            Configuration all = JobLoader.merge(job, loader.readCore());
            masker = SecretMasker.of(all);
            masker.activate();
            MaskedLog log = MaskedLog.of(Engine.class, masker);
            log.info("chpack runner: home %s, job %s", this.home, jobFile.toAbsolutePath());
            log.info("%n%s%n", masker.mask(masker.maskConfiguration(job).beautify()));
            RunSettings settings = loader.validate(all);
            // The engine owns these globals: DataX binds them from the merged configuration too.
            ColumnCast.bind(all);
            if (this.setJvmDefaults) {
                EngineEnvironment.apply(all, log);
            }
            for (String warning : loader.warnings()) {
                log.warn("%s", warning);
            }
            PluginRegistry registry = PluginRegistry.scan(this.home);
            return new JobContainer(settings, registry, Engine.class.getClassLoader(), masker).run();
        } catch (Throwable t) {
            String message = masker.mask(FailureText.describe(t));
            MaskedLog.of(Engine.class, masker).error("Job failed: %s", message);
            long end = System.currentTimeMillis();
            return new JobResult.Builder().failed(t, message).times(start, end)
                    .dirtySamples(Collections.<DirtyRecordSample>emptyList())
                    .channelMetrics(Collections.<ChannelMetrics>emptyList()).build();
        } finally {
            masker.deactivate();
        }
    }
}
