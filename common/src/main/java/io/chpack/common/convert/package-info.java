/**
 * DataX Column ⇄ ClickHouse value conversions with explicit rules (architecture decision 5): nothing goes
 * through DataX's lossy {@code asLong()/asDate()}, nothing uses the JVM default zone or locale, and every
 * value that is out of range, unparsable or lossy is a {@link io.chpack.common.convert.ColumnConversionException}
 * naming the column, the ClickHouse type, the Column class and the value — a DataX dirty record.
 *
 * <p>Entry points: {@link io.chpack.common.convert.ColumnEncoder} / {@link io.chpack.common.convert.RowEncoder}
 * (Column → RowBinary, all-or-nothing per row), {@link io.chpack.common.convert.ColumnDecoder} /
 * {@link io.chpack.common.convert.RowDecoder} (RowBinary → Column), {@link io.chpack.common.convert.ConversionOptions}
 * and {@link io.chpack.common.convert.ConversionOptionsReader} (job keys).
 *
 * <table>
 * <caption>writer: DataX Column → ClickHouse (anything not listed is rejected)</caption>
 * <tr><th>target</th><th>LongColumn</th><th>DoubleColumn (exact text)</th><th>StringColumn</th><th>BoolColumn</th><th>DateColumn</th><th>BytesColumn</th></tr>
 * <tr><td>Int8…Int256, UInt8…UInt256</td><td>range-checked exactly</td><td>integral text only (2.0, 1e3), range-checked</td>
 *     <td>strict decimal grammar, integral, range-checked</td><td>1 / 0</td><td>—</td><td>—</td></tr>
 * <tr><td>Float32/64, BFloat16</td><td>nearest value</td><td>nearest value (one rounding); NaN/±Infinity words</td>
 *     <td>strict grammar or nan/inf/infinity (any case, signed)</td><td>1 / 0</td><td>—</td><td>—</td></tr>
 * <tr><td>Decimal(P, S)</td><td>exact</td><td>exact; > S fraction digits: error or decimalRounding</td><td>same as DoubleColumn</td><td>1 / 0</td><td>—</td><td>—</td></tr>
 * <tr><td>Bool</td><td>0 / 1 only</td><td>—</td><td>true/false/1/0, any case</td><td>as is</td><td>—</td><td>—</td></tr>
 * <tr><td>String</td><td>digits</td><td>the text unchanged</td><td>UTF-8 (unpaired surrogate: error)</td><td>true/false</td>
 *     <td>by sub-type in server zone else configured: yyyy-MM-dd / HH:mm:ss[.SSS] / yyyy-MM-dd HH:mm:ss[.SSS]</td><td>raw bytes</td></tr>
 * <tr><td>FixedString(N)</td><td colspan="6">the bytes String would get; shorter: zero-padded; longer: error</td></tr>
 * <tr><td>UUID</td><td>—</td><td>—</td><td>canonical 8-4-4-4-12</td><td>—</td><td>—</td><td>16 bytes (RFC order)</td></tr>
 * <tr><td>IPv4 / IPv6</td><td>IPv4: 0…2^32−1</td><td>—</td><td>strict a.b.c.d / RFC 4291 (IPv4 text → ::ffff:a.b.c.d)</td><td>—</td><td>—</td><td>4 / 16 bytes</td></tr>
 * <tr><td>Enum8/16</td><td>an existing value</td><td>—</td><td>entry name, else an existing value as integer text</td><td>—</td><td>—</td><td>—</td></tr>
 * <tr><td>Date, Date32</td><td>—</td><td>—</td><td>date (or date-time: its date; with offset: its day in the zone)</td><td>—</td>
 *     <td>the day in server zone else configured</td><td>—</td></tr>
 * <tr><td>DateTime, DateTime64(p)</td><td>—</td><td>—</td><td>zone-less text in column zone, else server, else configured; Z/offset text as is; digits beyond p: error or dateTimeRounding</td>
 *     <td>the instant; ms beyond p: error or dateTimeRounding</td><td>—</td></tr>
 * <tr><td>Array, Nested, Map, Tuple</td><td>—</td><td>—</td><td colspan="3">JSON text; elements by these same rules</td><td>UTF-8 JSON</td></tr>
 * <tr><td>Nullable(T), LowCardinality(T)</td><td colspan="6">NULL → NULL; otherwise as T. NULL into non-Nullable: error, or with nullMode default the ClickHouse default</td></tr>
 * </table>
 *
 * <table>
 * <caption>reader: ClickHouse → DataX Column</caption>
 * <tr><th>source</th><th>Column</th><th>inside JSON (Array/Map/Tuple)</th></tr>
 * <tr><td>Int8…Int64, UInt8…UInt32</td><td>LongColumn</td><td>number</td></tr>
 * <tr><td>UInt64, (U)Int128/256</td><td>LongColumn (exact BigInteger)</td><td>number, all digits</td></tr>
 * <tr><td>Float32/64, BFloat16</td><td>DoubleColumn, shortest round-trip text; NaN, Infinity, -Infinity, -0</td><td>number; non-finite as strings</td></tr>
 * <tr><td>Decimal(P, S)</td><td>DoubleColumn, exact plain text with S digits</td><td>number</td></tr>
 * <tr><td>Bool</td><td>BoolColumn</td><td>true/false</td></tr>
 * <tr><td>String</td><td>StringColumn; invalid UTF-8 per invalidUtf8 (BytesColumn / U+FFFD / error)</td><td>string (replace, else error)</td></tr>
 * <tr><td>FixedString(N)</td><td>per fixedStringAs: BytesColumn / StringColumn / StringColumn without trailing NULs</td><td>string</td></tr>
 * <tr><td>UUID, IPv4, IPv6, Enum</td><td>StringColumn, canonical text / entry name</td><td>string</td></tr>
 * <tr><td>Date, Date32</td><td>DateColumn(DATE) at the day's start in server zone else configured</td><td>"yyyy-MM-dd"</td></tr>
 * <tr><td>DateTime</td><td>DateColumn(DATETIME)</td><td>"yyyy-MM-dd HH:mm:ss" in the column's zone</td></tr>
 * <tr><td>DateTime64(p)</td><td>DateColumn truncated to ms; dateTime64AsText: StringColumn with p digits</td><td>text with p digits</td></tr>
 * <tr><td>Array, Nested, Map, Tuple</td><td>StringColumn of compact JSON</td><td>nested JSON</td></tr>
 * <tr><td>Nullable(T)</td><td>NULL → a NULL Column of T's class</td><td>null</td></tr>
 * </table>
 */
package io.chpack.common.convert;
