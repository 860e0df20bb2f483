package io.chpack.odpswriterext.conn;

import java.util.Map;

import com.alibaba.datax.common.exception.DataXException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.OdpsException;
import com.aliyun.odps.task.SQLTask;
import com.aliyun.odps.tunnel.TableTunnel;
import io.chpack.odps.OdpsClient;
import io.chpack.odps.OdpsFailures;
import io.chpack.odpswriterext.OdpsWriterErrorCode;
import io.chpack.odpswriterext.config.OdpsWriterConfig;

/**
 * This plugin's side of the SDK client ({@link OdpsClient}, shared with the other ODPS plugin): its error codes,
 * with 401/403 reported as AUTH_FAILED, and every message masked (access key secret and STS token as {@code ***}).
 */
public final class OdpsConnection {
    private final OdpsWriterConfig config;
    private final OdpsClient client;
    private final Odps odps;

    public OdpsConnection(OdpsWriterConfig config) {
        this.config = config;
        this.client = new OdpsClient(config.access());
        this.odps = client.odps();
    }

    public Odps odps() {
        return odps;
    }

    public TableTunnel tunnel() {
        return client.tunnel();
    }

    /** Runs SQL with the 2.0 type-system hints and waits for it. */
    public void sql(String query, Map<String, String> hints) {
        try {
            SQLTask.run(odps, config.project, query.trim().endsWith(";") ? query : query + ";", hints, null)
                    .waitForSuccess();
        } catch (OdpsException e) {
            throw fail(OdpsWriterErrorCode.SQL_FAILED, "SQL '" + shorten(query) + "' failed", e);
        }
    }

    /** A DataXException for an SDK failure, with 401/403 as AUTH_FAILED and the secrets masked. */
    public DataXException fail(OdpsWriterErrorCode code, String what, Throwable e) {
        return fail(config, code, what, e);
    }

    public static DataXException fail(OdpsWriterConfig config, OdpsWriterErrorCode code, String what, Throwable e) {
        OdpsWriterErrorCode c = OdpsFailures.isAuthFailure(e) ? OdpsWriterErrorCode.AUTH_FAILED : code;
        return DataXException.asDataXException(c, OdpsFailures.message(config.access(), what, e));
    }

    public static boolean isAuthFailure(Throwable e) {
        return OdpsFailures.isAuthFailure(e);
    }

    public static boolean isNotFound(Throwable e) {
        return OdpsFailures.isNotFound(e);
    }

    public static String describe(Throwable e) {
        return OdpsFailures.describe(e);
    }

    public static String mask(OdpsWriterConfig config, String text) {
        return OdpsFailures.mask(config.access(), text);
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "..." : t;
    }
}
