package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** A boolean; as a number it is 1 or 0. */
public class BoolColumn extends Column {

    public BoolColumn(Boolean bool) {
        super(bool, Column.Type.BOOL, 1);
    }

    /** Only "true"/"false" (any case) are accepted; anything else is CONVERT_NOT_SUPPORT. */
    public BoolColumn(final String data) {
        this(true);
        if (data == null) {
            this.setRawData(null);
            this.setByteSize(0);
            return;
        }
        if (!"true".equalsIgnoreCase(data) && !"false".equalsIgnoreCase(data)) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Bool.", data));
        }
        this.setRawData(Boolean.valueOf(data));
        this.setByteSize(1);
    }

    public BoolColumn() {
        super(null, Column.Type.BOOL, 1);
    }

    @Override
    public Boolean asBoolean() {
        return (Boolean) this.getRawData();
    }

    @Override
    public Long asLong() {
        Boolean raw = this.asBoolean();
        return raw == null ? null : (raw ? 1L : 0L);
    }

    @Override
    public Double asDouble() {
        Boolean raw = this.asBoolean();
        return raw == null ? null : (raw ? 1.0d : 0.0d);
    }

    @Override
    public String asString() {
        Boolean raw = this.asBoolean();
        return raw == null ? null : (raw ? "true" : "false");
    }

    @Override
    public BigInteger asBigInteger() {
        Long value = this.asLong();
        return value == null ? null : BigInteger.valueOf(value);
    }

    @Override
    public BigDecimal asBigDecimal() {
        Long value = this.asLong();
        return value == null ? null : BigDecimal.valueOf(value);
    }

    @Override
    public Date asDate() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Bool cannot be converted to Date.");
    }

    @Override
    public byte[] asBytes() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Bool cannot be converted to Bytes.");
    }
}
