package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/** Binary data; the constructor copies the array so the caller may reuse its buffer. */
public class BytesColumn extends Column {

    public BytesColumn() {
        this(null);
    }

    public BytesColumn(byte[] bytes) {
        super(bytes == null ? null : bytes.clone(), Column.Type.BYTES, bytes == null ? 0 : bytes.length);
    }

    @Override
    public byte[] asBytes() {
        return (byte[]) this.getRawData();
    }

    /** Decodes with the encoding bound in ColumnCast (UTF-8 unless configured). */
    @Override
    public String asString() {
        if (this.getRawData() == null) {
            return null;
        }
        try {
            return ColumnCast.bytes2String(this);
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("Bytes[%s] cannot be converted to String.", this));
        }
    }

    @Override
    public Long asLong() {
        throw notSupported("Long");
    }

    @Override
    public BigDecimal asBigDecimal() {
        throw notSupported("BigDecimal");
    }

    @Override
    public BigInteger asBigInteger() {
        throw notSupported("BigInteger");
    }

    @Override
    public Double asDouble() {
        throw notSupported("Double");
    }

    @Override
    public Date asDate() {
        throw notSupported("Date");
    }

    @Override
    public Boolean asBoolean() {
        throw notSupported("Boolean");
    }

    private static DataXException notSupported(String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Bytes cannot be converted to " + target + ".");
    }
}
