/**
 * Cross-system type mapping tables (rules and errors per cell in {@code docs/type-mapping.md}):
 * <ul>
 * <li>MySQL/MariaDB → DataX Column (→ ClickHouse): {@link io.chpack.common.mapping.MysqlTypeMapping}, type text
 * parsed by {@link io.chpack.common.mapping.MysqlColumnType};</li>
 * <li>PostgreSQL → DataX Column (→ ClickHouse): {@link io.chpack.common.mapping.PostgresTypeMapping}, type text
 * parsed by {@link io.chpack.common.mapping.PostgresColumnType};</li>
 * <li>ClickHouse ⇄ MaxCompute: {@link io.chpack.common.mapping.ClickHouseToMaxCompute},
 * {@link io.chpack.common.mapping.MaxComputeToClickHouse}, {@link io.chpack.common.mapping.MaxComputeType} and
 * write validation by {@link io.chpack.common.mapping.TypeCompatibility};</li>
 * <li>DDL: {@link io.chpack.common.mapping.ClickHouseDdl} (modern and 18.16 via
 * {@link io.chpack.common.mapping.LegacyTypeFallback}) and {@link io.chpack.common.mapping.MaxComputeDdl}.</li>
 * </ul>
 *
 * <h2>Decisions</h2>
 * <ul>
 * <li>Readers are lossless by default: unsigned BIGINT as BigInteger from text, DECIMAL/numeric as exact text,
 * floats as their shortest round-trip text, date-times with more than 3 fraction digits as full-precision text
 * ({@link io.chpack.common.mapping.FractionalSeconds#AUTO}); explicit zones, never the JVM's.</li>
 * <li>Values a policy refuses raise {@link io.chpack.common.mapping.SourceValueException} (a dirty record naming
 * column, source type and value); types that cannot be read raise
 * {@link io.chpack.common.mapping.UnsupportedSourceTypeException} when the mapping is built, with the way out.</li>
 * <li>ClickHouse types are chosen for the widest value range (Date32, DateTime64) on modern servers and rewritten
 * for 18.16, where every fallback keeps the values except Date32 → Date and the opt-in DateTime64 → DateTime.</li>
 * </ul>
 */
package io.chpack.common.mapping;
