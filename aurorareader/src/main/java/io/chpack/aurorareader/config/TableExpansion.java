package io.chpack.aurorareader.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** DataX's table-name ranges: {@code t_[0-3]} → t_0 … t_3, {@code t_[00-15]} keeps the width. */
public final class TableExpansion {
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)-(\\d+)]");

    private TableExpansion() {
    }

    public static List<String> expand(String name) {
        Matcher m = RANGE.matcher(name);
        if (!m.find()) {
            return Collections.singletonList(name);
        }
        String a = m.group(1);
        String b = m.group(2);
        long lo = Long.parseLong(a);
        long hi = Long.parseLong(b);
        if (hi < lo || hi - lo > 100_000) {
            throw new IllegalArgumentException("table range '" + m.group() + "' in '" + name + "' is empty or too large");
        }
        int width = a.length() == b.length() && a.startsWith("0") ? a.length() : 0;
        List<String> out = new ArrayList<>();
        for (long i = lo; i <= hi; i++) {
            String n = width > 0 ? String.format("%0" + width + "d", i) : Long.toString(i);
            out.addAll(expand(name.substring(0, m.start()) + n + name.substring(m.end())));
        }
        return out;
    }
}
