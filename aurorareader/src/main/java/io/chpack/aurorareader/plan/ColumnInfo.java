package io.chpack.aurorareader.plan;

/** A source column: name, type text (MySQL COLUMN_TYPE, PostgreSQL format_type), enum flag, nullability, PK position. */
public final class ColumnInfo {
    public final String name;
    public final String type;
    public final boolean pgEnum;
    public final boolean nullable;
    public final int keyPosition;

    public ColumnInfo(String name, String type, boolean pgEnum, boolean nullable, int keyPosition) {
        this.name = name;
        this.type = type;
        this.pgEnum = pgEnum;
        this.nullable = nullable;
        this.keyPosition = keyPosition;
    }

    /** {@code name|type|e|n|k} for split configurations (names and types may hold '|': escaped). */
    public String encode() {
        return esc(name) + "|" + esc(type) + "|" + (pgEnum ? 1 : 0) + "|" + (nullable ? 1 : 0) + "|" + keyPosition;
    }

    public static ColumnInfo decode(String s) {
        String[] p = new String[5];
        int n = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(s.charAt(++i));
            } else if (c == '|' && n < 4) {
                p[n++] = cur.toString();
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        p[n] = cur.toString();
        return new ColumnInfo(p[0], p[1], p[2].equals("1"), p[3].equals("1"), Integer.parseInt(p[4]));
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }
}
