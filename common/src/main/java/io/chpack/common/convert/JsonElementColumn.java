package io.chpack.common.convert;

import com.alibaba.datax.common.element.Column;
import io.chpack.common.json.JsonObject;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;

/**
 * A JSON array or object nested inside the JSON text of an Array/Map/Tuple value, handed to the element
 * writer like any other Column (type BAD, so scalar writers reject it by rule). Never leaves this
 * package.
 */
final class JsonElementColumn extends Column {
    JsonElementColumn(Object node) {
        super(node, Type.BAD, 0);
    }

    String description() {
        return getRawData() instanceof List ? "a JSON array" : "a JSON object";
    }

    String valueText() {
        Object n = getRawData();
        if (n instanceof List) {
            return "[…" + ((List<?>) n).size() + " elements]";
        }
        return "{…" + ((JsonObject) n).size() + " members}";
    }

    private UnsupportedOperationException internal() {
        return new UnsupportedOperationException("internal JSON element column");
    }

    @Override
    public Long asLong() {
        throw internal();
    }

    @Override
    public Double asDouble() {
        throw internal();
    }

    @Override
    public String asString() {
        throw internal();
    }

    @Override
    public Date asDate() {
        throw internal();
    }

    @Override
    public byte[] asBytes() {
        throw internal();
    }

    @Override
    public Boolean asBoolean() {
        throw internal();
    }

    @Override
    public BigDecimal asBigDecimal() {
        throw internal();
    }

    @Override
    public BigInteger asBigInteger() {
        throw internal();
    }
}
