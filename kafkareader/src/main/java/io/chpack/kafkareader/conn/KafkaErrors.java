package io.chpack.kafkareader.conn;

import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TimeoutException;

import com.alibaba.datax.common.exception.DataXException;

import io.chpack.kafkareader.KafkaReaderErrorCode;

/** Maps Kafka client exceptions to named errors. Kafka's messages carry no credentials. */
public final class KafkaErrors {
    private KafkaErrors() {
    }

    public static DataXException wrap(Throwable e, KafkaReaderErrorCode fallback, String context) {
        if (e instanceof DataXException) {
            return (DataXException) e;
        }
        Throwable t = e;
        while (t != null) {
            if (t instanceof AuthenticationException) {
                return DataXException.asDataXException(KafkaReaderErrorCode.AUTH_FAILED, context
                        + ": authentication failed: " + t.getMessage(), e);
            }
            if (t instanceof AuthorizationException) {
                return DataXException.asDataXException(KafkaReaderErrorCode.AUTH_FAILED, context
                        + ": not authorized: " + t.getMessage(), e);
            }
            if (t instanceof OffsetOutOfRangeException) {
                return DataXException.asDataXException(KafkaReaderErrorCode.OFFSET_OUT_OF_RANGE, context + ": "
                        + t.getMessage() + " (the messages were deleted by retention or compaction before this run "
                        + "read them)", e);
            }
            if (t instanceof TimeoutException) {
                return DataXException.asDataXException(KafkaReaderErrorCode.BROKER_UNREACHABLE, context
                        + ": no answer from the brokers in time (" + t.getMessage() + ")", e);
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        String msg = e instanceof KafkaException || e.getMessage() != null ? e.getMessage() : e.toString();
        return DataXException.asDataXException(fallback, context + ": " + e.getClass().getSimpleName() + ": " + msg, e);
    }
}
