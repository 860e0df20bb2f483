package io.chpack.runner;

import java.util.Locale;
import java.util.TimeZone;

import com.alibaba.datax.common.util.Configuration;

import io.chpack.runner.log.MaskedLog;

/**
 * The JVM-wide defaults DataX's engine sets before a job: time zone from {@code common.column.timeZone}
 * and locale from {@code common.column.locale} (zh_CN when absent). chpack plugins never read either
 * for data; stock plugins do, and should see what they see under DataX.
 */
final class EngineEnvironment {
    static final String TIME_ZONE_KEY = "common.column.timeZone";
    static final String LOCALE_KEY = "common.column.locale";

    private EngineEnvironment() {
    }

    static void apply(Configuration all, MaskedLog log) {
        Locale locale = toLocale(all.getString(LOCALE_KEY, "zh_CN"));
        TimeZone zone = TimeZone.getDefault();
        String zoneText = all.getString(TIME_ZONE_KEY);
        if (zoneText != null && !zoneText.trim().isEmpty()) {
            zone = TimeZone.getTimeZone(zoneText.trim());
            if ("GMT".equals(zone.getID()) && !zoneText.trim().toUpperCase(Locale.ROOT).startsWith("GMT")
                    && !"UTC".equalsIgnoreCase(zoneText.trim())) {
                // TimeZone.getTimeZone falls back to GMT silently; say so rather than run in the wrong zone.
                log.warn("%s '%s' is not a known time zone; using GMT", TIME_ZONE_KEY, zoneText);
            }
        }
        Locale.setDefault(locale);
        TimeZone.setDefault(zone);
        log.info("JVM TimeZone: %s, Locale: %s", zone.getID(), locale);
    }

    static Locale toLocale(String text) {
        String[] parts = text.trim().split("[_-]");
        if (parts.length >= 2) {
            return new Locale(parts[0], parts[1]);
        }
        return new Locale(parts[0]);
    }
}
