package com.alibaba.datax.common.element;

import com.alibaba.datax.common.exception.CommonErrorCode;
import com.alibaba.datax.common.exception.DataXException;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Range checks behind the numeric conversions of the columns. */
public final class OverFlowUtil {

    public static final BigInteger MAX_LONG = BigInteger.valueOf(Long.MAX_VALUE);

    public static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);

    public static final BigDecimal MIN_DOUBLE_POSITIVE = new BigDecimal(String.valueOf(Double.MIN_VALUE));

    public static final BigDecimal MAX_DOUBLE_POSITIVE = new BigDecimal(String.valueOf(Double.MAX_VALUE));

    public static boolean isLongOverflow(final BigInteger integer) {
        return integer.compareTo(MAX_LONG) > 0 || integer.compareTo(MIN_LONG) < 0;
    }

    public static void validateLongNotOverFlow(final BigInteger integer) {
        if (isLongOverflow(integer)) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_OVER_FLOW,
                    String.format("[%s] overflows Long.", integer));
        }
    }

    /** Non-zero magnitudes below Double.MIN_VALUE count as overflow too: they would silently become 0. */
    public static boolean isDoubleOverFlow(final BigDecimal decimal) {
        if (decimal.signum() == 0) {
            return false;
        }
        BigDecimal magnitude = decimal.abs();
        return magnitude.compareTo(MIN_DOUBLE_POSITIVE) < 0 || magnitude.compareTo(MAX_DOUBLE_POSITIVE) > 0;
    }

    public static void validateDoubleNotOverFlow(final BigDecimal decimal) {
        if (isDoubleOverFlow(decimal)) {
            throw DataXException.asDataXException(CommonErrorCode.CONVERT_OVER_FLOW,
                    String.format("[%s] overflows Double.", decimal.toPlainString()));
        }
    }
}
