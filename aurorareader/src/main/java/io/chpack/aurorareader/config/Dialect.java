package io.chpack.aurorareader.config;

/** The SQL family of the source: Aurora MySQL (and MySQL/MariaDB) or Aurora PostgreSQL (and PostgreSQL). */
public enum Dialect {
    MYSQL,
    POSTGRES;

    public String quote(String identifier) {
        if (this == MYSQL) {
            return "`" + identifier.replace("`", "``") + "`";
        }
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A possibly schema-qualified table name ({@code db.t}, {@code `db`.`t`}, {@code "s"."t"}) quoted part by part. */
    public String quoteQualified(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : TableName.parts(name)) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(quote(part));
        }
        return sb.toString();
    }
}
