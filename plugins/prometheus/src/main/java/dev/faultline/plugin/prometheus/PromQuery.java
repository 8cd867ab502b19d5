package dev.faultline.plugin.prometheus;

import dev.faultline.engine.model.Params;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A probe's PromQL settings: {@code query}, optional {@code url} (else the environment's),
 * {@code range} (a window for a range query, reduced to one number by {@code reduce}: last, min,
 * max or avg; default last) with its {@code step} (default range/30, at least 1s), {@code timeout}
 * per attempt (default 2s), {@code retries} on a server or connection failure (default 1) and
 * {@code noData}: {@code fail} (the default: no data is a failed sample) or the number it counts as.
 */
record PromQuery(
        @Nullable String url,
        String query,
        @Nullable Duration range,
        Duration step,
        String reduce,
        Duration timeout,
        int retries,
        @Nullable Double noData) {
    static final Set<String> REDUCERS = Set.of("last", "min", "max", "avg");
    static final Set<String> KEYS = Set.of("url", "query", "range", "step", "reduce", "timeout", "retries", "noData");

    static List<String> problems(Params p) {
        List<String> out = new ArrayList<>();
        p.values().keySet().stream()
                .filter(k -> !KEYS.contains(k))
                .sorted()
                .forEach(k -> out.add(k + ": unknown setting of a prometheus probe (it takes "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")"));
        if (p.get("query").map(String::isBlank).orElse(true)) {
            out.add("query: a prometheus probe needs a PromQL query, e.g. sum(rate(http_requests_total[1m]))");
        }
        try {
            from(p);
        } catch (IllegalArgumentException e) {
            out.add(e.getMessage());
        }
        return out;
    }

    static PromQuery from(Params p) {
        Duration range = p.has("range") ? positive(p.duration("range", Duration.ZERO), "range") : null;
        Duration step = p.has("step")
                ? positive(p.duration("step", Duration.ZERO), "step")
                : range == null ? Duration.ofSeconds(1) : max(Duration.ofSeconds(1), range.dividedBy(30));
        String reduce = p.get("reduce").orElse("last");
        if (!REDUCERS.contains(reduce)) {
            throw new IllegalArgumentException("reduce: '" + reduce + "' is not one of last, min, max, avg");
        }
        int retries;
        try {
            retries = Integer.parseInt(p.get("retries").orElse("1").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retries: '" + p.get("retries").orElse("") + "' is not a whole number");
        }
        if (retries < 0 || retries > 5) {
            throw new IllegalArgumentException("retries: must be from 0 to 5");
        }
        String noData = p.get("noData").orElse("fail").trim();
        Double noDataValue = null;
        if (!noData.toLowerCase(Locale.ROOT).equals("fail")) {
            try {
                noDataValue = Double.parseDouble(noData);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("noData: 'fail' or a number, not '" + noData + "'");
            }
        }
        return new PromQuery(
                p.get("url").orElse(null),
                p.get("query").orElse(""),
                range,
                step,
                reduce,
                positive(p.duration("timeout", Duration.ofSeconds(2)), "timeout"),
                retries,
                noDataValue);
    }

    private static Duration positive(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + ": must be above zero");
        }
        return d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
