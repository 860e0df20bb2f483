package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Text; conversions parse it (numbers as decimal text, dates with the formats bound in ColumnCast). */
public class StringColumn extends Column {

    public StringColumn() {
        this((String) null);
    }

    public StringColumn(final String rawData) {
        super(rawData, Column.Type.STRING, rawData == null ? 0 : rawData.length());
    }

    @Override
    public String asString() {
        return (String) this.getRawData();
    }

    @Override
    public BigInteger asBigInteger() {
        String raw = this.asString();
        if (raw == null) {
            return null;
        }
        rejectDoubleSpecial(raw);
        try {
            return this.asBigDecimal().toBigInteger();
        } catch (RuntimeException e) {
            throw notSupported(raw, "BigInteger");
        }
    }

    /**
     * Like the engine, every failure here is CONVERT_NOT_SUPPORT, even an out-of-range value: the range
     * check's CONVERT_OVER_FLOW is folded into it.
     */
    @Override
    public Long asLong() {
        String raw = this.asString();
        if (raw == null) {
            return null;
        }
        rejectDoubleSpecial(raw);
        try {
            BigInteger integer = this.asBigInteger();
            OverFlowUtil.validateLongNotOverFlow(integer);
            return integer.longValue();
        } catch (RuntimeException e) {
            throw notSupported(raw, "Long");
        }
    }

    @Override
    public BigDecimal asBigDecimal() {
        String raw = this.asString();
        if (raw == null) {
            return null;
        }
        rejectDoubleSpecial(raw);
        try {
            return new BigDecimal(raw);
        } catch (RuntimeException e) {
            throw notSupported(raw, "BigDecimal");
        }
    }

    @Override
    public Double asDouble() {
        String raw = this.asString();
        if (raw == null) {
            return null;
        }
        if ("NaN".equals(raw)) {
            return Double.NaN;
        }
        if ("Infinity".equals(raw)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(raw)) {
            return Double.NEGATIVE_INFINITY;
        }
        BigDecimal decimal = this.asBigDecimal();
        OverFlowUtil.validateDoubleNotOverFlow(decimal);
        return decimal.doubleValue();
    }

    @Override
    public Boolean asBoolean() {
        String raw = this.asString();
        if (raw == null) {
            return null;
        }
        if ("true".equalsIgnoreCase(raw)) {
            return Boolean.TRUE;
        }
        if ("false".equalsIgnoreCase(raw)) {
            return Boolean.FALSE;
        }
        throw notSupported(raw, "Bool");
    }

    @Override
    public Date asDate() {
        try {
            return ColumnCast.string2Date(this);
        } catch (Exception e) {
            throw notSupported(this.asString(), "Date");
        }
    }

    @Override
    public byte[] asBytes() {
        try {
            return ColumnCast.string2Bytes(this);
        } catch (Exception e) {
            throw notSupported(this.asString(), "Bytes");
        }
    }

    /** Double's special values are only meaningful as doubles; as integers or decimals they are dirty. */
    private static void rejectDoubleSpecial(String raw) {
        if ("NaN".equals(raw) || "Infinity".equals(raw) || "-Infinity".equals(raw)) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[\"%s\"] is a special Double value and converts to no other type.",
                            raw));
        }
    }

    private static DataXException notSupported(String raw, String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                String.format("String[\"%s\"] cannot be converted to %s.", raw, target));
    }
}
