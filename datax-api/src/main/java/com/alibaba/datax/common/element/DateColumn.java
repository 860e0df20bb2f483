package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/**
 * A point in time as epoch milliseconds (raw data is a Long). The sub-type only says which format
 * {@link #asString()} uses; the instant is the same for all three.
 */
public class DateColumn extends Column {

    private DateType subType = DateType.DATETIME;

    public static enum DateType {
        DATE, TIME, DATETIME
    }

    public DateColumn() {
        this((Long) null);
    }

    public DateColumn(final Long stamp) {
        super(stamp, Column.Type.DATE, stamp == null ? 0 : 8);
    }

    public DateColumn(final Date date) {
        this(date == null ? null : date.getTime());
    }

    public DateColumn(final java.sql.Date date) {
        this(date == null ? null : date.getTime());
        this.setSubType(DateType.DATE);
    }

    public DateColumn(final java.sql.Time time) {
        this(time == null ? null : time.getTime());
        this.setSubType(DateType.TIME);
    }

    public DateColumn(final java.sql.Timestamp ts) {
        this(ts == null ? null : ts.getTime());
        this.setSubType(DateType.DATETIME);
    }

    @Override
    public Long asLong() {
        return (Long) this.getRawData();
    }

    @Override
    public String asString() {
        try {
            return ColumnCast.date2String(this);
        } catch (Exception e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("Date[%s] cannot be converted to String.", this));
        }
    }

    @Override
    public Date asDate() {
        Long stamp = this.asLong();
        return stamp == null ? null : new Date(stamp);
    }

    @Override
    public byte[] asBytes() {
        throw notSupported("Bytes");
    }

    @Override
    public Boolean asBoolean() {
        throw notSupported("Boolean");
    }

    @Override
    public Double asDouble() {
        throw notSupported("Double");
    }

    @Override
    public BigInteger asBigInteger() {
        throw notSupported("BigInteger");
    }

    @Override
    public BigDecimal asBigDecimal() {
        throw notSupported("BigDecimal");
    }

    public DateType getSubType() {
        return this.subType;
    }

    public void setSubType(DateType subType) {
        this.subType = subType;
    }

    private static DataXException notSupported(String target) {
        return DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Date cannot be converted to " + target + ".");
    }
}
