/**
 * ClickHouse column types as the server reports them ({@code system.columns.type}, {@code DESCRIBE}), for
 * ClickHouse 18.16 through 26.x: {@link io.chpack.common.chtype.ClickHouseType#parse(String)} builds an
 * immutable {@link io.chpack.common.chtype.ClickHouseType}; its {@code toString()} is the server's canonical
 * spelling and parses back to an equal type.
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li><b>Nested.</b> With the default {@code flatten_nested = 1} (and always on 18.16) the server reports a
 * Nested column as parallel {@code Array(T)} columns named {@code n.a}, {@code n.b}; those are ordinary arrays
 * here and must be written as such (equal lengths per row). 18.16 flattens a column declared
 * {@code Array(Tuple(...))} the same way ({@code v.1}, {@code v.2}). The type string {@code Nested(a T, …)}
 * (reported with {@code flatten_nested = 0}) is kind {@code NESTED}, modelled and encoded as an array of named
 * tuples, {@code Array(Tuple(a T, …))}; {@link io.chpack.common.chtype.ClickHouseType#flattenedNestedColumns}
 * gives the parallel-array view.</li>
 * <li><b>SimpleAggregateFunction(f, T)</b> is parsed as T: the wire format is T's.</li>
 * <li><b>Unsupported</b> (an {@link io.chpack.common.chtype.UnsupportedClickHouseTypeException} naming the type and
 * the way out): JSON, Object('json'), Variant, Dynamic, AggregateFunction, and anything unknown (Time,
 * Time64, Interval*, geo types, QBit, …). Only JSON can be passed through as String, and only on servers that
 * have the settings {@code output_format_binary_write_json_as_string} / {@code input_format_binary_read_json_as_string}
 * (24.x and later; see {@code stringPassThroughSettings()}); for the others the remedy is
 * {@code CAST(col AS String)} (or finalizeAggregation / -Merge for aggregate states) in the reader's querySql.</li>
 * <li><b>Normalisation.</b> Decimal32/64/128/256(S) and Decimal(P) become {@code Decimal(P, S)} with the storage
 * width implied by P; Enum entries are kept sorted by value as the server prints them; {@code Enum(...)} picks
 * Enum8 or Enum16 by range.</li>
 * </ul>
 */
package io.chpack.common.chtype;
