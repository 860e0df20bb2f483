package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** An integer of any size; raw data is a BigInteger so unsigned 64-bit values survive. */
public class LongColumn extends Column {

    /**
     * Accepts any decimal text, including exponents ("1e3"); a fractional part is truncated toward zero,
     * so fractional text belongs in a DoubleColumn.
     */
    public LongColumn(final String data) {
        super(null, Column.Type.LONG, 0);
        if (data == null) {
            return;
        }
        try {
            if (data.trim().isEmpty()) {
                throw new NumberFormatException("blank");
            }
            super.setRawData(new BigDecimal(data).toBigInteger());
            // The text length, not the bit length: small values would otherwise weigh 0 bytes.
            super.setByteSize(data.length());
        } catch (RuntimeException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Long.", data));
        }
    }

    public LongColumn(Long data) {
        this(data == null ? (BigInteger) null : BigInteger.valueOf(data));
    }

    public LongColumn(Integer data) {
        this(data == null ? (BigInteger) null : BigInteger.valueOf(data));
    }

    public LongColumn(BigInteger data) {
        this(data, data == null ? 0 : 8);
    }

    private LongColumn(BigInteger data, int byteSize) {
        super(data, Column.Type.LONG, byteSize);
    }

    public LongColumn() {
        this((BigInteger) null);
    }

    @Override
    public BigInteger asBigInteger() {
        return (BigInteger) this.getRawData();
    }

    @Override
    public Long asLong() {
        BigInteger raw = this.asBigInteger();
        if (raw == null) {
            return null;
        }
        OverFlowUtil.validateLongNotOverFlow(raw);
        return raw.longValue();
    }

    @Override
    public Double asDouble() {
        BigDecimal decimal = this.asBigDecimal();
        if (decimal == null) {
            return null;
        }
        OverFlowUtil.validateDoubleNotOverFlow(decimal);
        return decimal.doubleValue();
    }

    @Override
    public Boolean asBoolean() {
        BigInteger raw = this.asBigInteger();
        return raw == null ? null : raw.signum() != 0;
    }

    @Override
    public BigDecimal asBigDecimal() {
        BigInteger raw = this.asBigInteger();
        return raw == null ? null : new BigDecimal(raw);
    }

    @Override
    public String asString() {
        BigInteger raw = this.asBigInteger();
        return raw == null ? null : raw.toString();
    }

    /** The value is taken as epoch milliseconds. */
    @Override
    public Date asDate() {
        if (this.getRawData() == null) {
            return null;
        }
        return new Date(this.asLong());
    }

    @Override
    public byte[] asBytes() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Long cannot be converted to Bytes.");
    }
}
