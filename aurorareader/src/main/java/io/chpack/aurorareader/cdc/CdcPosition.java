package io.chpack.aurorareader.cdc;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A position in a change log, immutable and serializable to one line of text for the checkpoint store:
 * <ul>
 * <li>MySQL/MariaDB binlog: {@code binlog:<file>:<position>}, e.g. {@code binlog:mysql-bin.000003:1234}
 * (the position is the start of the next event, i.e. a transaction boundary);</li>
 * <li>PostgreSQL WAL: {@code lsn:<hi>/<lo>} in PostgreSQL's own spelling, e.g. {@code lsn:0/16B3748}.</li>
 * </ul>
 * {@link #parse(String)} reads what {@link #toString()} writes.
 */
public final class CdcPosition implements Serializable, Comparable<CdcPosition> {
    private static final long serialVersionUID = 1L;

    /** Which log a position points into. */
    public enum Kind {
        BINLOG, LSN
    }

    private final Kind kind;
    private final String file;
    private final long offset;

    private CdcPosition(Kind kind, String file, long offset) {
        this.kind = kind;
        this.file = file;
        this.offset = offset;
    }

    /** A binlog position: file name (as SHOW MASTER STATUS prints it) and byte offset. */
    public static CdcPosition binlog(String file, long position) {
        Objects.requireNonNull(file, "file");
        if (file.isEmpty() || file.indexOf(':') >= 0) {
            throw new IllegalArgumentException("binlog file name '" + file + "' is empty or contains ':'");
        }
        if (position < 4) {
            throw new IllegalArgumentException("binlog position " + position + " is before the first event (4)");
        }
        return new CdcPosition(Kind.BINLOG, file, position);
    }

    /** A WAL position (LSN) as the 64-bit number. */
    public static CdcPosition lsn(long lsn) {
        return new CdcPosition(Kind.LSN, null, lsn);
    }

    /** A WAL position in PostgreSQL's {@code X/Y} text. */
    public static CdcPosition lsn(String text) {
        return lsn(parseLsn(text));
    }

    /**
     * @throws IllegalArgumentException when the text is not {@code binlog:file:pos} or {@code lsn:X/Y}
     */
    public static CdcPosition parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("CDC position is null");
        }
        String s = text.trim();
        try {
            if (s.startsWith("binlog:")) {
                int colon = s.lastIndexOf(':');
                if (colon <= "binlog:".length()) {
                    throw new IllegalArgumentException("missing ':<position>'");
                }
                return binlog(s.substring("binlog:".length(), colon), Long.parseLong(s.substring(colon + 1)));
            }
            if (s.startsWith("lsn:")) {
                return lsn(s.substring(4));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed CDC position '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("malformed CDC position '" + text
                + "': expected 'binlog:<file>:<position>' (MySQL) or 'lsn:<X>/<Y>' (PostgreSQL)");
    }

    static long parseLsn(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("LSN '" + text + "' is not X/Y hex");
        }
        long hi = Long.parseLong(text.substring(0, slash), 16);
        long lo = Long.parseLong(text.substring(slash + 1), 16);
        if (hi > 0xFFFFFFFFL || lo > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("LSN '" + text + "' has a part above 32 bits");
        }
        return (hi << 32) | lo;
    }

    static String formatLsn(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase(Locale.ROOT) + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
    }

    public Kind kind() {
        return kind;
    }

    /** Binlog file name; null for an LSN. */
    public String file() {
        return file;
    }

    /** Binlog byte offset, or the LSN. */
    public long offset() {
        return offset;
    }

    /**
     * The binlog file's numeric suffix ({@code mysql-bin.000003} → 3), which orders files; -1 when the name has
     * no numeric extension.
     */
    public long fileIndex() {
        if (file == null) {
            return -1;
        }
        int dot = file.lastIndexOf('.');
        try {
            return Long.parseLong(file.substring(dot + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Orders positions of the same kind (binlog: file index, then offset); kinds never compare. */
    @Override
    public int compareTo(CdcPosition o) {
        if (kind != o.kind) {
            throw new IllegalArgumentException("cannot compare a " + kind + " position with a " + o.kind + " position");
        }
        if (kind == Kind.BINLOG) {
            int c = Long.compare(fileIndex(), o.fileIndex());
            if (c != 0) {
                return c;
            }
            return Long.compare(offset, o.offset);
        }
        return Long.compareUnsigned(offset, o.offset);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CdcPosition)) {
            return false;
        }
        CdcPosition p = (CdcPosition) o;
        return kind == p.kind && offset == p.offset && Objects.equals(file, p.file);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, file, offset);
    }

    @Override
    public String toString() {
        return kind == Kind.BINLOG ? "binlog:" + file + ":" + offset : "lsn:" + formatLsn(offset);
    }
}
