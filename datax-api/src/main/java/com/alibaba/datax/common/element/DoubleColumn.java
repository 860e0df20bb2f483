package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;

/**
 * A decimal number kept as its exact text (raw data is a String), so decimals pass through without
 * binary rounding. The constructor also accepts "NaN", "Infinity" and "-Infinity" (any case).
 */
public class DoubleColumn extends Column {

    public DoubleColumn(final String data) {
        this(data, data == null ? 0 : data.length());
        validate(data);
    }

    public DoubleColumn(Long data) {
        this(data == null ? (String) null : String.valueOf(data));
    }

    public DoubleColumn(Integer data) {
        this(data == null ? (String) null : String.valueOf(data));
    }

    /**
     * Prefer the String constructor: a double holds only an approximation of most decimals. NaN and the
     * infinities throw NumberFormatException, as in the engine, so plugins must not rely on them.
     */
    public DoubleColumn(final Double data) {
        this(data == null ? (String) null : new BigDecimal(String.valueOf(data)).toPlainString());
    }

    /** Prefer the String constructor; NaN and the infinities throw NumberFormatException. */
    public DoubleColumn(final Float data) {
        this(data == null ? (String) null : new BigDecimal(String.valueOf(data)).toPlainString());
    }

    public DoubleColumn(final BigDecimal data) {
        this(data == null ? (String) null : data.toPlainString());
    }

    public DoubleColumn(final BigInteger data) {
        this(data == null ? (String) null : data.toString());
    }

    public DoubleColumn() {
        this((String) null);
    }

    private DoubleColumn(final String data, int byteSize) {
        super(data, Column.Type.DOUBLE, byteSize);
    }

    @Override
    public BigDecimal asBigDecimal() {
        String raw = (String) this.getRawData();
        if (raw == null) {
            return null;
        }
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to BigDecimal.", raw));
        }
    }

    @Override
    public Double asDouble() {
        String raw = (String) this.getRawData();
        if (raw == null) {
            return null;
        }
        // The engine recognises exactly these spellings here; "Infinity" is accepted by the constructor
        // but not convertible, and we keep that so plugins behave the same under both engines.
        if ("NaN".equals(raw) || "-Infinity".equals(raw) || "+Infinity".equals(raw)) {
            return Double.valueOf(raw);
        }
        BigDecimal decimal = this.asBigDecimal();
        OverFlowUtil.validateDoubleNotOverFlow(decimal);
        return decimal.doubleValue();
    }

    @Override
    public Long asLong() {
        BigDecimal decimal = this.asBigDecimal();
        if (decimal == null) {
            return null;
        }
        OverFlowUtil.validateLongNotOverFlow(decimal.toBigInteger());
        return decimal.longValue();
    }

    @Override
    public BigInteger asBigInteger() {
        BigDecimal decimal = this.asBigDecimal();
        return decimal == null ? null : decimal.toBigInteger();
    }

    @Override
    public String asString() {
        return (String) this.getRawData();
    }

    @Override
    public Boolean asBoolean() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Double cannot be converted to Bool.");
    }

    @Override
    public Date asDate() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Double cannot be converted to Date.");
    }

    @Override
    public byte[] asBytes() {
        throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                "Double cannot be converted to Bytes.");
    }

    private static void validate(final String data) {
        if (data == null || isPlainAsciiDecimal(data) || "NaN".equalsIgnoreCase(data) || "-Infinity".equalsIgnoreCase(data)
                || "Infinity".equalsIgnoreCase(data)) {
            return;
        }
        try {
            new BigDecimal(data);
        } catch (NumberFormatException e) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_NOT_SUPPORT,
                    String.format("String[%s] cannot be converted to Double.", data));
        }
    }

    /**
     * True only for text that {@code new BigDecimal(text)} certainly accepts: [+-] digits [. digits] [e|E [+-]
     * digits], ASCII, at least one mantissa digit, a short exponent. Everything else (other Unicode digits,
     * long texts, bad input) takes the BigDecimal check, so what is accepted stays exactly the same; this only
     * spares the parse on every numeric column of every record.
     */
    private static boolean isPlainAsciiDecimal(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return false;
        }
        int i = 0;
        char c = s.charAt(0);
        if (c == '+' || c == '-') {
            i++;
        }
        int mantissaDigits = 0;
        boolean point = false;
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                mantissaDigits++;
            } else if (c == '.' && !point) {
                point = true;
            } else {
                break;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i == n) {
            return true;
        }
        if (c != 'e' && c != 'E') {
            return false;
        }
        i++;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int exponentDigits = n - i;
        if (exponentDigits == 0 || exponentDigits > 6) {
            return false;
        }
        for (; i < n; i++) {
            c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
