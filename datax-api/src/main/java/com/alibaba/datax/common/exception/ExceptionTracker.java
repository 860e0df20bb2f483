package com.alibaba.datax.common.exception;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Renders a stack trace as text for messages and logs. */
public final class ExceptionTracker {

    public static final int STRING_BUFFER = 1024;

    public static String trace(Throwable ex) {
        StringWriter sw = new StringWriter(STRING_BUFFER);
        PrintWriter pw = new PrintWriter(sw);
        ex.printStackTrace(pw);
        pw.flush();
        return sw.toString();
    }
}
