package com.alibaba.datax.common.element;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/**
 * One typed value of a record. SQL NULL is a column of the right type whose raw data is null; every
 * {@code asXxx} then returns null. Conversions that lose the value throw DataXException
 * (CONVERT_NOT_SUPPORT or CONVERT_OVER_FLOW), which the engine counts as a dirty record.
 */
public abstract class Column {

    private Type type;

    private Object rawData;

    private int byteSize;

    public Column(final Object object, final Type type, int byteSize) {
        this.rawData = object;
        this.type = type;
        this.byteSize = byteSize;
    }

    public Object getRawData() {
        return this.rawData;
    }

    public Type getType() {
        return this.type;
    }

    public int getByteSize() {
        return this.byteSize;
    }

    protected void setType(Type type) {
        this.type = type;
    }

    protected void setRawData(Object rawData) {
        this.rawData = rawData;
    }

    protected void setByteSize(int byteSize) {
        this.byteSize = byteSize;
    }

    public abstract Long asLong();

    public abstract Double asDouble();

    public abstract String asString();

    public abstract Date asDate();

    public abstract byte[] asBytes();

    public abstract Boolean asBoolean();

    public abstract BigDecimal asBigDecimal();

    public abstract BigInteger asBigInteger();

    /** JSON of the bean properties, like the engine prints columns in dirty-record logs. */
    @Override
    public String toString() {
        return ColumnText.toJson(this);
    }

    public enum Type {
        BAD, NULL, INT, LONG, DOUBLE, STRING, BOOL, DATE, BYTES
    }
}
