package io.chpack.odpsreaderext.conn;

import com.alibaba.datax.common.exception.DataXException;
import com.aliyun.odps.Odps;
import com.aliyun.odps.tunnel.TableTunnel;
import io.chpack.odps.OdpsClient;
import io.chpack.odps.OdpsFailures;
import io.chpack.odpsreaderext.OdpsReaderErrorCode;
import io.chpack.odpsreaderext.config.OdpsReaderConfig;

/**
 * This plugin's side of the SDK client ({@link OdpsClient}, shared with the other ODPS plugin): its error codes,
 * with 401/403 reported as AUTH_FAILED, and every message masked (access key secret and STS token as {@code ***}).
 */
public final class OdpsConnection {
    private final OdpsReaderConfig config;
    private final OdpsClient client;
    private final Odps odps;

    public OdpsConnection(OdpsReaderConfig config) {
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

    /** A DataXException for an SDK failure, with 401/403 as AUTH_FAILED and the secrets masked. */
    public DataXException fail(OdpsReaderErrorCode code, String what, Throwable e) {
        return fail(config, code, what, e);
    }

    public static DataXException fail(OdpsReaderConfig config, OdpsReaderErrorCode code, String what, Throwable e) {
        OdpsReaderErrorCode c = OdpsFailures.isAuthFailure(e) ? OdpsReaderErrorCode.AUTH_FAILED : code;
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

    public static String mask(OdpsReaderConfig config, String text) {
        return OdpsFailures.mask(config.access(), text);
    }
}
