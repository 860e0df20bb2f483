/**
 * A small strict JSON parser and string writer with no dependencies (everything in {@code common} is
 * bundled into every plugin jar, and the engine's own JSON library differs between DataX releases).
 *
 * <p>Numbers keep their exact text ({@link io.chpack.common.json.JsonNumber}) so that 18446744073709551615
 * or 0.1 reach a converter unrounded; objects keep their members in order, duplicates included
 * ({@link io.chpack.common.json.JsonObject}), because a ClickHouse Map may legitimately repeat a key.
 */
package io.chpack.common.json;
