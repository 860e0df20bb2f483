/**
 * Streaming RowBinary encoding and decoding for every type of {@link io.chpack.common.chtype}.
 *
 * <ul>
 * <li>{@link io.chpack.common.rowbinary.RowBinaryOutput} / {@link io.chpack.common.rowbinary.RowBinaryInput}:
 * buffered primitive writes and reads (little-endian, LEB128 lengths, range-checked).</li>
 * <li>{@link io.chpack.common.rowbinary.RowBinaryCodecs#forType}: one codec per column type; the Java value
 * model per type is tabled there. Primitive {@code encodeLong/decodeLong} and {@code encodeDouble/decodeDouble}
 * paths avoid boxing.</li>
 * <li>{@link io.chpack.common.rowbinary.RowBinaryRowCodec}: whole rows, all-or-nothing per row on encode.</li>
 * </ul>
 *
 * Errors: a value that does not fit its type is a {@link io.chpack.common.rowbinary.RowBinaryValueException}
 * (unchecked, for dirty records); input that is not valid RowBinary is a
 * {@link io.chpack.common.rowbinary.RowBinaryFormatException}; input that ends inside a value is a
 * {@link io.chpack.common.rowbinary.RowBinaryTruncatedException}, while a clean end between rows is
 * {@link io.chpack.common.rowbinary.RowBinaryInput#hasMore()} returning false.
 */
package io.chpack.common.rowbinary;
