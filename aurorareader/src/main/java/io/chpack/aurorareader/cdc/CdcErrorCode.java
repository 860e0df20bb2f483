package io.chpack.aurorareader.cdc;

import com.alibaba.datax.common.exception.DataXException;
import com.alibaba.datax.common.spi.ErrorCode;

/** Named errors of the CDC mode; every one says what to do. */
public enum CdcErrorCode implements ErrorCode {
    BAD_CONFIG("AuroraCdc-00", "invalid CDC configuration"),
    BINLOG_DISABLED("AuroraCdc-01", "binary logging is off"),
    BINLOG_FORMAT_NOT_ROW("AuroraCdc-02", "binlog_format is not ROW"),
    BINLOG_ROW_IMAGE_NOT_FULL("AuroraCdc-03", "binlog_row_image is not FULL"),
    MISSING_REPLICATION_PRIVILEGE("AuroraCdc-04", "the user lacks REPLICATION SLAVE/CLIENT"),
    BINLOG_PURGED("AuroraCdc-05", "the saved binlog position is no longer on the server"),
    SLOT_MISSING("AuroraCdc-06", "the logical replication slot does not exist"),
    PUBLICATION_MISSING("AuroraCdc-07", "the publication does not exist"),
    REPLICA_IDENTITY("AuroraCdc-08", "a table's REPLICA IDENTITY does not give old row images"),
    WAL_LEVEL_NOT_LOGICAL("AuroraCdc-09", "wal_level is not logical"),
    UNKNOWN_TABLE("AuroraCdc-10", "a configured table does not exist"),
    SCHEMA_CHANGED("AuroraCdc-11", "a table's columns differ from the change log's row images"),
    STREAM_FAILED("AuroraCdc-12", "reading the change log failed"),
    POSITION_MISMATCH("AuroraCdc-13", "the saved position belongs to another kind of source"),
    NO_KEY("AuroraCdc-14", "a table has no primary key");

    private final String code;
    private final String description;

    CdcErrorCode(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @Override
    public String getCode() {
        return code;
    }

    @Override
    public String getDescription() {
        return description;
    }

    DataXException error(String message) {
        return DataXException.asDataXException(this, message);
    }

    DataXException error(String message, Throwable cause) {
        return DataXException.asDataXException(this, message, cause);
    }

    @Override
    public String toString() {
        return "Code:[" + code + "], Description:[" + description + "]";
    }
}
