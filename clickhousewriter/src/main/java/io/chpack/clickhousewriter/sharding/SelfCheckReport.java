package io.chpack.clickhousewriter.sharding;

/**
 * The outcome of {@link ShardingSelfCheck}: whether the server and Java agree on the sharding key's type
 * and on its value for every sample row, and if not, the first disagreement with the row's inputs.
 */
public final class SelfCheckReport {
    private final String expression;
    private final int rowsChecked;
    private final String javaType;
    private final String serverType;
    private final int mismatchRow;
    private final String mismatchInputs;
    private final String serverValue;
    private final String javaValue;
    private final String error;
    private final boolean valuesCompared;

    SelfCheckReport(String expression, int rowsChecked, String javaType, String serverType, int mismatchRow,
            String mismatchInputs, String serverValue, String javaValue, String error, boolean valuesCompared) {
        this.expression = expression;
        this.rowsChecked = rowsChecked;
        this.javaType = javaType;
        this.serverType = serverType;
        this.mismatchRow = mismatchRow;
        this.mismatchInputs = mismatchInputs;
        this.serverValue = serverValue;
        this.javaValue = javaValue;
        this.error = error;
        this.valuesCompared = valuesCompared;
    }

    /** True when the types match and every compared value matches (and the server answered). */
    public boolean agrees() {
        return error == null && mismatchRow < 0 && javaType.equals(serverType);
    }

    public String expression() {
        return expression;
    }

    public int rowsChecked() {
        return rowsChecked;
    }

    public String javaType() {
        return javaType;
    }

    /** The server's {@code toTypeName} of the key, or null when it failed. */
    public String serverType() {
        return serverType;
    }

    /** 0-based index of the first sample row whose value differs, or -1. */
    public int mismatchRow() {
        return mismatchRow;
    }

    /** The mismatching row's referenced values as SQL literals. */
    public String mismatchInputs() {
        return mismatchInputs;
    }

    public String serverValue() {
        return serverValue;
    }

    public String javaValue() {
        return javaValue;
    }

    /** The server's error, when the check query failed. */
    public String error() {
        return error;
    }

    /** False for random keys ({@code rand()}): only the type was compared. */
    public boolean valuesCompared() {
        return valuesCompared;
    }

    @Override
    public String toString() {
        if (error != null) {
            return "sharding key " + expression + ": the server could not evaluate it: " + error;
        }
        if (!javaType.equals(serverType)) {
            return "sharding key " + expression + ": server type " + serverType + ", Java type " + javaType;
        }
        if (mismatchRow >= 0) {
            return "sharding key " + expression + ": sample row " + mismatchRow + " (" + mismatchInputs + "): server "
                    + serverValue + ", Java " + javaValue;
        }
        return "sharding key " + expression + " :: " + javaType + ": server and Java agree on " + rowsChecked
                + " rows" + (valuesCompared ? "" : " (type only: the key is random)");
    }
}
