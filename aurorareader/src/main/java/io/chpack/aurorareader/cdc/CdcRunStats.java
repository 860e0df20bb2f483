package io.chpack.aurorareader.cdc;

/** What one bounded run read. */
public final class CdcRunStats {
    long inserts;
    long updates;
    long deletes;
    long transactions;
    long records;
    CdcPosition end;

    public long inserts() {
        return inserts;
    }

    public long updates() {
        return updates;
    }

    public long deletes() {
        return deletes;
    }

    /** Committed transactions that touched a configured table. */
    public long transactions() {
        return transactions;
    }

    /** Records sent (a key-changing update sends two). */
    public long records() {
        return records;
    }

    /** The position the run stopped at (the requested end). */
    public CdcPosition end() {
        return end;
    }

    @Override
    public String toString() {
        return "CDC run to " + end + ": " + records + " records (" + inserts + " inserts, " + updates + " updates, "
                + deletes + " deletes) in " + transactions + " transactions";
    }
}
