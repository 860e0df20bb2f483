package com.alibaba.datax.common.spi;

/**
 * An error code a plugin reports through DataXException. The engine prints {@link #toString()} at the
 * head of the message, so implementations should render code and description there.
 */
public interface ErrorCode {

    String getCode();

    String getDescription();

    @Override
    String toString();
}
