package io.chpack.common.rowbinary;

import io.chpack.common.chtype.ClickHouseType;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random well-formed type trees (printed canonically, then parsed, so the parser is exercised too). */
final class RandomTypes {
    static final String[] SCALARS = {
            "Int8", "Int16", "Int32", "Int64", "Int128", "Int256", "UInt8", "UInt16", "UInt32", "UInt64", "UInt128",
            "UInt256", "Float32", "Float64", "BFloat16", "Decimal(9, 2)", "Decimal(18, 0)", "Decimal(38, 38)",
            "Decimal(76, 20)", "Decimal(1, 1)", "Bool", "String", "FixedString(1)", "FixedString(5)", "UUID", "Date",
            "Date32", "DateTime", "DateTime('Asia/Shanghai')", "DateTime64(0)", "DateTime64(3, 'UTC')", "DateTime64(6)",
            "DateTime64(9)", "Enum8('a' = -128, 'b\\'c' = 0, 'd e' = 127)", "Enum16('x' = -32768, 'y' = 32767)",
            "IPv4", "IPv6"};
    private static final String[] KEYS = {"String", "UInt64", "Int32", "FixedString(2)", "UUID", "Date", "LowCardinality(String)"};

    private final Random r;

    RandomTypes(Random r) {
        this.r = r;
    }

    ClickHouseType next() {
        return ClickHouseType.parse(render(3));
    }

    private String scalar() {
        return SCALARS[r.nextInt(SCALARS.length)];
    }

    private String render(int depth) {
        int choice = depth == 0 ? 0 : r.nextInt(9);
        switch (choice) {
            case 1: return "Nullable(" + scalar() + ")";
            case 2: return "LowCardinality(" + (r.nextBoolean() ? "Nullable(String)" : scalar()) + ")";
            case 3: return "Array(" + render(depth - 1) + ")";
            case 4: return "Map(" + KEYS[r.nextInt(KEYS.length)] + ", " + render(depth - 1) + ")";
            case 5: return "Tuple(" + elements(depth, r.nextBoolean()) + ")";
            case 6: return "Nested(" + elements(depth, true) + ")";
            case 7: return r.nextBoolean() ? "Nullable(Nothing)" : "Array(Nothing)";
            default: return scalar();
        }
    }

    private String elements(int depth, boolean named) {
        int n = 1 + r.nextInt(3);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = i == 1 ? "`odd name " + i + "`" : "f" + i;
            parts.add((named ? name + " " : "") + render(depth - 1));
        }
        return String.join(", ", parts);
    }
}
