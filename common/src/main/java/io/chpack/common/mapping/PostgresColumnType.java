package io.chpack.common.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL column type in any of the spellings a reader meets: {@code format_type()} output
 * ({@code character varying(20)}, {@code timestamp(3) with time zone}, {@code numeric(10,2)},
 * {@code integer[]}), {@code information_schema.columns.udt_name} and {@code ResultSetMetaData.getColumnTypeName}
 * ({@code int4}, {@code timestamptz}, {@code _int4}) and DDL spellings ({@code serial}, {@code float(24)},
 * {@code decimal}, {@code text ARRAY}). Names are normalised to the internal (udt) name: {@code int4},
 * {@code varchar}, {@code bpchar}, {@code timestamptz}, …; a name it does not know is kept as written (an enum,
 * a domain, an extension type) and {@link #isKnown()} is false.
 */
public final class PostgresColumnType {
    private static final Map<String, String> NAMES = new HashMap<>();
    private static final Pattern ARRAY_SUFFIX = Pattern.compile("(?:\\s*\\[\\s*\\d*\\s*\\])+$");
    private static final Pattern SQL_ARRAY_SUFFIX = Pattern.compile("(?i)\\s+array(?:\\s*\\[\\s*\\d*\\s*\\])?$");
    private static final Pattern MODIFIERS = Pattern.compile("\\(([^)]*)\\)");

    static {
        String[][] groups = {
            {"int2", "int2", "smallint", "smallserial", "serial2"},
            {"int4", "int4", "integer", "int", "serial", "serial4"},
            {"int8", "int8", "bigint", "bigserial", "serial8"},
            {"oid", "oid"},
            {"numeric", "numeric", "decimal"},
            {"float4", "float4", "real"},
            {"float8", "float8", "double precision"},
            {"bool", "bool", "boolean"},
            {"text", "text", "citext", "name"},
            {"varchar", "varchar", "character varying", "char varying"},
            {"bpchar", "bpchar", "character", "char"},
            {"char1", "\"char\""},
            {"bytea", "bytea"},
            {"date", "date"},
            {"time", "time", "time without time zone"},
            {"timetz", "timetz", "time with time zone"},
            {"timestamp", "timestamp", "timestamp without time zone"},
            {"timestamptz", "timestamptz", "timestamp with time zone"},
            {"interval", "interval"},
            {"uuid", "uuid"},
            {"json", "json"},
            {"jsonb", "jsonb"},
            {"inet", "inet"},
            {"cidr", "cidr"},
            {"macaddr", "macaddr"},
            {"macaddr8", "macaddr8"},
            {"money", "money"},
            {"bit", "bit"},
            {"varbit", "varbit", "bit varying"},
            {"xml", "xml"},
            {"tsvector", "tsvector"},
            {"tsquery", "tsquery"},
            {"point", "point"}, {"line", "line"}, {"lseg", "lseg"}, {"box", "box"}, {"path", "path"},
            {"polygon", "polygon"}, {"circle", "circle"},
            {"int4range", "int4range"}, {"int8range", "int8range"}, {"numrange", "numrange"},
            {"tsrange", "tsrange"}, {"tstzrange", "tstzrange"}, {"daterange", "daterange"},
            {"int4multirange", "int4multirange"}, {"int8multirange", "int8multirange"},
            {"nummultirange", "nummultirange"}, {"tsmultirange", "tsmultirange"},
            {"tstzmultirange", "tstzmultirange"}, {"datemultirange", "datemultirange"},
            {"pg_lsn", "pg_lsn"}, {"txid_snapshot", "txid_snapshot"}, {"pg_snapshot", "pg_snapshot"},
            {"jsonpath", "jsonpath"}, {"xid", "xid"}, {"xid8", "xid8"}, {"cid", "cid"}, {"tid", "tid"},
            {"regclass", "regclass"}, {"regtype", "regtype"}, {"regproc", "regproc"},
        };
        for (String[] g : groups) {
            for (int i = 1; i < g.length; i++) {
                NAMES.put(g[i], g[0]);
            }
        }
    }

    private final String text;
    private final String name;
    private final List<Integer> modifiers;
    private final int arrayDimensions;
    private final boolean known;

    private PostgresColumnType(String text, String name, List<Integer> modifiers, int arrayDimensions, boolean known) {
        this.text = text;
        this.name = name;
        this.modifiers = Collections.unmodifiableList(modifiers);
        this.arrayDimensions = arrayDimensions;
        this.known = known;
    }

    /**
     * @throws IllegalArgumentException when the text is empty or its modifiers are not numbers
     */
    public static PostgresColumnType parse(String typeText) {
        if (typeText == null || typeText.trim().isEmpty()) {
            throw new IllegalArgumentException("empty PostgreSQL column type");
        }
        String s = typeText.trim();
        int dims = 0;
        Matcher sm = SQL_ARRAY_SUFFIX.matcher(s);
        Matcher am = ARRAY_SUFFIX.matcher(s);
        if (sm.find()) {
            dims = 1; // "int ARRAY" / "int ARRAY[4]": one dimension, the size is not enforced
            s = s.substring(0, sm.start()).trim();
        } else if (am.find()) {
            String suffix = am.group();
            for (int i = 0; i < suffix.length(); i++) {
                if (suffix.charAt(i) == '[') {
                    dims++;
                }
            }
            s = s.substring(0, am.start()).trim();
        }
        List<Integer> mods = new ArrayList<>();
        Matcher mm = MODIFIERS.matcher(s);
        if (mm.find()) {
            for (String part : mm.group(1).split(",")) {
                try {
                    mods.add(Integer.parseInt(part.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("malformed PostgreSQL type '" + typeText + "': modifier '"
                            + part.trim() + "' is not a number");
                }
            }
            s = (s.substring(0, mm.start()) + " " + s.substring(mm.end())).trim();
        }
        String base = s.startsWith("\"") ? s : s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (base.startsWith("pg_catalog.")) {
            base = base.substring("pg_catalog.".length());
        }
        if (dims == 0 && base.startsWith("_") && base.length() > 1) {
            dims = 1; // udt_name of an array type: _int4
            base = base.substring(1);
        }
        if (base.startsWith("interval ")) {
            base = "interval"; // interval year to month, interval day to second(3), …
        }
        String canonical = NAMES.get(base);
        if (canonical == null && base.equals("float")) {
            // float(p): p ≤ 24 is real, otherwise (and without p) double precision.
            canonical = !mods.isEmpty() && mods.get(0) <= 24 ? "float4" : "float8";
            mods.clear();
        }
        if (canonical == null) {
            String unquoted = base.startsWith("\"") && base.endsWith("\"") && base.length() > 1
                    ? base.substring(1, base.length() - 1).replace("\"\"", "\"") : base;
            return new PostgresColumnType(typeText, unquoted, mods, dims, false);
        }
        return new PostgresColumnType(typeText, canonical, mods, dims, true);
    }

    /** The text this type was parsed from. */
    public String text() {
        return text;
    }

    /**
     * Internal name of the (element) type: {@code int4}, {@code numeric}, {@code varchar}, {@code bpchar},
     * {@code timestamptz}, …; {@code char1} for the one-byte {@code "char"}; the name as written for unknown types.
     */
    public String name() {
        return name;
    }

    /** Type modifiers: (precision, scale) of numeric, the length of varchar, the precision of timestamp. */
    public List<Integer> modifiers() {
        return modifiers;
    }

    public int modifier(int i, int dflt) {
        return i < modifiers.size() ? modifiers.get(i) : dflt;
    }

    /** 0 for a scalar; the number of {@code []} (1 for {@code _int4}); PostgreSQL does not enforce it. */
    public int arrayDimensions() {
        return arrayDimensions;
    }

    public boolean isArray() {
        return arrayDimensions > 0;
    }

    /** The element type of an array type (the same type for a scalar). */
    public PostgresColumnType elementType() {
        return arrayDimensions == 0 ? this : new PostgresColumnType(text, name, modifiers, 0, known);
    }

    /** False for names this module does not know: enums, domains, composites, extension types. */
    public boolean isKnown() {
        return known;
    }

    @Override
    public String toString() {
        return text;
    }
}
