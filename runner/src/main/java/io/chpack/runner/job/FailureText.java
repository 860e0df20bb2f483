package io.chpack.runner.job;

/** Failure texts: one line per exception, because DataXException messages embed whole stack traces. */
public final class FailureText {
    private FailureText() {
    }

    /** The exception's first message line, and its root cause's when that is another exception. */
    public static String describe(Throwable error) {
        if (error == null) {
            return "";
        }
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = oneLine(error);
        if (root != error) {
            String rootText = oneLine(root);
            if (!text.contains(firstLine(root.getMessage()))) {
                text = text + " (root cause: " + rootText + ")";
            }
        }
        return text;
    }

    private static String oneLine(Throwable error) {
        String message = firstLine(error.getMessage());
        if (error instanceof com.alibaba.datax.common.exception.DataXException) {
            return message;
        }
        return message.isEmpty() ? error.getClass().getName() : error.getClass().getName() + ": " + message;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String trimmed = message.trim();
        int newline = trimmed.indexOf('\n');
        return (newline < 0 ? trimmed : trimmed.substring(0, newline)).trim();
    }
}
