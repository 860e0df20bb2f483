package io.chpack.kafkareader;

import com.alibaba.datax.common.spi.ErrorCode;

/** Error codes of kafkareader; every message names the key, topic, partition or offset it is about. */
public enum KafkaReaderErrorCode implements ErrorCode {
    CONFIG_ERROR("KafkaReader-00", "invalid reader configuration"),
    BROKER_UNREACHABLE("KafkaReader-01", "cannot reach the Kafka brokers"),
    TOPIC_NOT_FOUND("KafkaReader-02", "the topic does not exist"),
    OFFSETS_FAILED("KafkaReader-03", "cannot read or commit offsets"),
    READ_FAILED("KafkaReader-04", "reading a partition failed"),
    OFFSET_OUT_OF_RANGE("KafkaReader-05", "a planned offset is no longer in the log"),
    CHECKPOINT_FAILED("KafkaReader-06", "the checkpoint store failed"),
    AUTH_FAILED("KafkaReader-07", "the brokers rejected the credentials or the access"),
    STALLED("KafkaReader-08", "a partition made no progress within idleTimeoutMs");

    private final String code;
    private final String description;

    KafkaReaderErrorCode(String code, String description) {
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

    @Override
    public String toString() {
        return "Code:[" + code + "], Description:[" + description + "].";
    }
}
