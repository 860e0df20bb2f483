package io.chpack.testkit;

/** Escaping for the handful of values we put into generated XML configs. */
final class Xml {
    private Xml() {
    }

    static String esc(Object v) {
        return String.valueOf(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
