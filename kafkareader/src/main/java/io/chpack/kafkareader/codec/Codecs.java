package io.chpack.kafkareader.codec;

import io.chpack.kafkareader.config.ColumnSpec;
import io.chpack.kafkareader.config.Format;
import io.chpack.kafkareader.config.KafkaReaderConfig;

/** The codec of a configuration (one per task: codecs keep scratch buffers). */
public final class Codecs {
    private Codecs() {
    }

    public static MessageCodec create(KafkaReaderConfig c) {
        validate(c);
        Values v = new Values(c.encoding, c.timeZone, c.missingAsNull);
        switch (c.format) {
            case RAW:
                return new RawCodec(c.columns, v);
            case CSV:
                return new CsvCodec(c.columns, v, c.fieldDelimiter, c.quoteChar, c.nullFormat, c.missingAsNull,
                        c.skipTombstones);
            case DEBEZIUM:
                return new DebeziumCodec(c.columns, v);
            default:
                return new JsonCodec(c.columns, v, c.skipTombstones);
        }
    }

    /** Debezium-only meta columns outside format debezium are configuration errors. */
    public static void validate(KafkaReaderConfig c) {
        if (c.format == Format.DEBEZIUM) {
            return;
        }
        for (ColumnSpec s : c.columns) {
            if (s.meta == ColumnSpec.Meta.OP || s.meta == ColumnSpec.Meta.DELETED || s.meta == ColumnSpec.Meta.VERSION
                    || s.meta == ColumnSpec.Meta.TS_MS) {
                throw KafkaReaderConfig.error("parameter.column '" + s.name + "': meta column " + s.meta.name()
                        .toLowerCase(java.util.Locale.ROOT) + " exists only in format debezium");
            }
        }
    }
}
