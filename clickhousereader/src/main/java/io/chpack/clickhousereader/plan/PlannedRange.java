package io.chpack.clickhousereader.plan;

/** One split of one table: a WHERE predicate (without the user's where), an estimate, a label for logs. */
public final class PlannedRange {
    public final String predicate;
    public final long estimatedRows;
    public final String label;

    public PlannedRange(String predicate, long estimatedRows, String label) {
        this.predicate = predicate;
        this.estimatedRows = estimatedRows;
        this.label = label;
    }

    @Override
    public String toString() {
        return label + " [" + predicate + "] ~" + estimatedRows + " rows";
    }
}
