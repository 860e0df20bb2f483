package io.chpack.testkit.maxcompute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DDL subset of MaxCompute SQL that the SDK ({@code Tables.create}, {@code createPartition},
 * {@code deletePartition}, {@code truncate}, {@code delete}) and the plugins issue, parsed into statements:
 * <pre>
 * CREATE TABLE [IF NOT EXISTS] [p.]t (c TYPE [NOT NULL] [DEFAULT 'x'] [COMMENT 'x'], ...) [COMMENT 'x']
 *     [PARTITIONED BY (c TYPE [COMMENT 'x'], ...)] [LIFECYCLE n]
 * ALTER TABLE [p.]t ADD [IF NOT EXISTS] PARTITION (k='v', ...) [PARTITION (...)]...
 * ALTER TABLE [p.]t DROP [IF EXISTS] PARTITION (k='v', ...) [, PARTITION (...)]...
 * TRUNCATE TABLE [p.]t [PARTITION (k='v', ...)]
 * DROP TABLE [IF EXISTS] [p.]t
 * </pre>
 * Names may be back-quoted; statements are separated by {@code ;}. Anything else is a {@link SqlException}.
 */
final class SqlScript {
    enum Kind { CREATE_TABLE, ADD_PARTITION, DROP_PARTITION, TRUNCATE, DROP_TABLE }

    static final class ColumnDef {
        final String name;
        final String type;
        final String comment;
        final boolean notNull;

        ColumnDef(String name, String type, String comment, boolean notNull) {
            this.name = name;
            this.type = type;
            this.comment = comment;
            this.notNull = notNull;
        }
    }

    static final class Statement {
        final Kind kind;
        final String project;
        final String table;
        boolean ifNotExists;
        boolean ifExists;
        final List<ColumnDef> columns = new ArrayList<>();
        final List<ColumnDef> partitionColumns = new ArrayList<>();
        final List<Map<String, String>> partitions = new ArrayList<>();
        String comment;
        Long lifecycle;

        Statement(Kind kind, String project, String table) {
            this.kind = kind;
            this.project = project;
            this.table = table;
        }
    }

    static final class SqlException extends Exception {
        private static final long serialVersionUID = 1L;

        SqlException(String message) {
            super(message);
        }
    }

    private static final class Token {
        final char kind; // 'i' identifier/keyword, 'q' quoted identifier, 's' string, 'n' number, 'p' punctuation
        final String text;

        Token(char kind, String text) {
            this.kind = kind;
            this.text = text;
        }

        boolean is(String keyword) {
            return kind == 'i' && text.equalsIgnoreCase(keyword);
        }

        boolean isPunct(String p) {
            return kind == 'p' && text.equals(p);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final List<Token> tokens;
    private int pos;

    private SqlScript(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Statement> parse(String sql) throws SqlException {
        SqlScript p = new SqlScript(tokenize(sql));
        List<Statement> out = new ArrayList<>();
        while (p.pos < p.tokens.size()) {
            if (p.peek().isPunct(";")) {
                p.pos++;
                continue;
            }
            out.add(p.statement());
            if (p.pos < p.tokens.size() && !p.peek().isPunct(";")) {
                throw new SqlException("unexpected '" + p.peek() + "' after the statement");
            }
        }
        if (out.isEmpty()) {
            throw new SqlException("empty query");
        }
        return out;
    }

    private Statement statement() throws SqlException {
        Token first = next();
        if (first.is("CREATE")) {
            expect("TABLE");
            boolean ifNotExists = false;
            if (peek().is("IF")) {
                next();
                expect("NOT");
                expect("EXISTS");
                ifNotExists = true;
            }
            String[] name = qualifiedName();
            Statement s = new Statement(Kind.CREATE_TABLE, name[0], name[1]);
            s.ifNotExists = ifNotExists;
            columnList(s.columns);
            while (pos < tokens.size() && !peek().isPunct(";")) {
                Token t = next();
                if (t.is("COMMENT")) {
                    s.comment = string();
                } else if (t.is("PARTITIONED")) {
                    expect("BY");
                    columnList(s.partitionColumns);
                } else if (t.is("LIFECYCLE")) {
                    Token n = next();
                    if (n.kind != 'n') {
                        throw new SqlException("LIFECYCLE needs a number, got '" + n + "'");
                    }
                    s.lifecycle = Long.parseLong(n.text);
                } else {
                    throw new SqlException("unsupported CREATE TABLE clause '" + t + "'");
                }
            }
            return s;
        }
        if (first.is("ALTER")) {
            expect("TABLE");
            String[] name = qualifiedName();
            Token op = next();
            if (op.is("ADD")) {
                Statement s = new Statement(Kind.ADD_PARTITION, name[0], name[1]);
                if (peek().is("IF")) {
                    next();
                    expect("NOT");
                    expect("EXISTS");
                    s.ifNotExists = true;
                }
                do {
                    expect("PARTITION");
                    s.partitions.add(partitionSpec());
                } while (pos < tokens.size() && peek().is("PARTITION"));
                return s;
            }
            if (op.is("DROP")) {
                Statement s = new Statement(Kind.DROP_PARTITION, name[0], name[1]);
                if (peek().is("IF")) {
                    next();
                    expect("EXISTS");
                    s.ifExists = true;
                }
                do {
                    if (peek().isPunct(",")) {
                        next();
                    }
                    expect("PARTITION");
                    s.partitions.add(partitionSpec());
                } while (pos < tokens.size() && (peek().is("PARTITION") || peek().isPunct(",")));
                return s;
            }
            throw new SqlException("unsupported ALTER TABLE operation '" + op + "'");
        }
        if (first.is("TRUNCATE")) {
            expect("TABLE");
            String[] name = qualifiedName();
            Statement s = new Statement(Kind.TRUNCATE, name[0], name[1]);
            if (pos < tokens.size() && peek().is("PARTITION")) {
                next();
                s.partitions.add(partitionSpec());
                while (pos < tokens.size() && peek().isPunct(",")) {
                    next();
                    expect("PARTITION");
                    s.partitions.add(partitionSpec());
                }
            }
            return s;
        }
        if (first.is("DROP")) {
            expect("TABLE");
            boolean ifExists = false;
            if (peek().is("IF")) {
                next();
                expect("EXISTS");
                ifExists = true;
            }
            String[] name = qualifiedName();
            Statement s = new Statement(Kind.DROP_TABLE, name[0], name[1]);
            s.ifExists = ifExists;
            return s;
        }
        throw new SqlException("the MaxCompute emulator runs only CREATE TABLE, ALTER TABLE ADD/DROP PARTITION, "
                + "TRUNCATE TABLE and DROP TABLE; got '" + first + " ...'");
    }

    private void columnList(List<ColumnDef> out) throws SqlException {
        expectPunct("(");
        for (;;) {
            String name = identifier();
            StringBuilder type = new StringBuilder();
            int depth = 0;
            while (true) {
                Token t = peek();
                if (depth == 0 && (t.isPunct(",") || t.isPunct(")") || t.is("NOT") || t.is("DEFAULT")
                        || t.is("COMMENT") || t.is("NULL"))) {
                    break;
                }
                next();
                if (t.isPunct("<") || t.isPunct("(")) {
                    depth++;
                } else if (t.isPunct(">") || t.isPunct(")")) {
                    depth--;
                }
                type.append(t.text); // back-quoted struct field names lose their quotes: STRUCT<end:STRING>
            }
            if (type.length() == 0) {
                throw new SqlException("column '" + name + "' has no type");
            }
            boolean notNull = false;
            String comment = null;
            for (;;) {
                Token t = peek();
                if (t.is("NOT")) {
                    next();
                    expect("NULL");
                    notNull = true;
                } else if (t.is("NULL")) {
                    next();
                } else if (t.is("DEFAULT")) {
                    next();
                    next();
                } else if (t.is("COMMENT")) {
                    next();
                    comment = string();
                } else {
                    break;
                }
            }
            out.add(new ColumnDef(name, type.toString(), comment, notNull));
            Token sep = next();
            if (sep.isPunct(")")) {
                return;
            }
            if (!sep.isPunct(",")) {
                throw new SqlException("expected ',' or ')' after column '" + name + "', got '" + sep + "'");
            }
            if (peek().is("PRIMARY")) {
                throw new SqlException("PRIMARY KEY (transactional tables) is not emulated");
            }
        }
    }

    private Map<String, String> partitionSpec() throws SqlException {
        expectPunct("(");
        Map<String, String> spec = new LinkedHashMap<>();
        for (;;) {
            String key = identifier();
            expectPunct("=");
            Token v = next();
            if (v.kind != 's' && v.kind != 'n' && v.kind != 'i') {
                throw new SqlException("partition value for '" + key + "' must be a literal, got '" + v + "'");
            }
            if (spec.put(key.toLowerCase(Locale.ROOT), v.text) != null) {
                throw new SqlException("partition key '" + key + "' given twice");
            }
            Token sep = next();
            if (sep.isPunct(")")) {
                return spec;
            }
            if (!sep.isPunct(",")) {
                throw new SqlException("expected ',' or ')' in a partition spec, got '" + sep + "'");
            }
        }
    }

    private String[] qualifiedName() throws SqlException {
        String a = identifier();
        if (pos < tokens.size() && peek().isPunct(".")) {
            next();
            String b = identifier();
            if (pos < tokens.size() && peek().isPunct(".")) { // project.schema.table: schema ignored
                next();
                return new String[] {a, identifier()};
            }
            return new String[] {a, b};
        }
        return new String[] {null, a};
    }

    private String identifier() throws SqlException {
        Token t = next();
        if (t.kind != 'i' && t.kind != 'q') {
            throw new SqlException("expected a name, got '" + t + "'");
        }
        return t.text;
    }

    private String string() throws SqlException {
        Token t = next();
        if (t.kind != 's') {
            throw new SqlException("expected a string literal, got '" + t + "'");
        }
        return t.text;
    }

    private void expect(String keyword) throws SqlException {
        Token t = next();
        if (!t.is(keyword)) {
            throw new SqlException("expected " + keyword + ", got '" + t + "'");
        }
    }

    private void expectPunct(String p) throws SqlException {
        Token t = next();
        if (!t.isPunct(p)) {
            throw new SqlException("expected '" + p + "', got '" + t + "'");
        }
    }

    private Token peek() throws SqlException {
        if (pos >= tokens.size()) {
            throw new SqlException("unexpected end of statement");
        }
        return tokens.get(pos);
    }

    private Token next() throws SqlException {
        Token t = peek();
        pos++;
        return t;
    }

    private static List<Token> tokenize(String sql) throws SqlException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '`') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new SqlException("unterminated back-quoted name");
                    }
                    char d = sql.charAt(i++);
                    if (d == '`') {
                        if (i < n && sql.charAt(i) == '`') {
                            sb.append('`');
                            i++;
                            continue;
                        }
                        break;
                    }
                    sb.append(d);
                }
                out.add(new Token('q', sb.toString()));
            } else if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw new SqlException("unterminated string literal");
                    }
                    char d = sql.charAt(i++);
                    if (d == '\\' && i < n) {
                        char e = sql.charAt(i++);
                        switch (e) {
                            case 'n':
                                sb.append('\n');
                                break;
                            case 't':
                                sb.append('\t');
                                break;
                            case 'r':
                                sb.append('\r');
                                break;
                            case '0':
                                sb.append('\0');
                                break;
                            default:
                                sb.append(e);
                        }
                    } else if (d == c) {
                        if (i < n && sql.charAt(i) == c) {
                            sb.append(c);
                            i++;
                            continue;
                        }
                        break;
                    } else {
                        sb.append(d);
                    }
                }
                out.add(new Token('s', sb.toString()));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))
                    && (out.isEmpty() || out.get(out.size() - 1).isPunct("=")))) {
                int start = i++;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    i++;
                }
                out.add(new Token('n', sql.substring(start, i)));
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                out.add(new Token('i', sql.substring(start, i)));
            } else if ("(),;<>:.=".indexOf(c) >= 0) {
                out.add(new Token('p', String.valueOf(c)));
                i++;
            } else {
                throw new SqlException("unexpected character '" + c + "' in SQL");
            }
        }
        return out;
    }
}
