package dev.faultline.plugin.local.probe;

import java.util.Map;
import java.util.TreeMap;

/** {@code name} or {@code name{label="v",other="w"}}: the series it matches are summed. */
record Selector(String name, Map<String, String> labels) {

    static Selector parse(String text) {
        String t = text.strip();
        int brace = t.indexOf('{');
        if (brace < 0) {
            if (t.isEmpty() || !t.matches("[A-Za-z_:][A-Za-z0-9_:]*")) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a metric selector, e.g. orders_total{outcome=\"ok\"}");
            }
            return new Selector(t, Map.of());
        }
        if (!t.endsWith("}")) {
            throw new IllegalArgumentException("'" + text + "' is not a metric selector: missing }");
        }
        Map<String, String> labels = new TreeMap<>();
        for (String part : t.substring(brace + 1, t.length() - 1).split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            String v = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (eq < 0 || v.length() < 2 || !v.startsWith("\"") || !v.endsWith("\"")) {
                throw new IllegalArgumentException("'" + text + "': labels are written label=\"value\"");
            }
            labels.put(part.substring(0, eq).strip(), v.substring(1, v.length() - 1));
        }
        return new Selector(parse(t.substring(0, brace)).name(), labels);
    }

    boolean matches(Exposition.Sample s) {
        if (!s.name().equals(name)) {
            return false;
        }
        for (Map.Entry<String, String> l : labels.entrySet()) {
            if (!l.getValue().equals(s.labels().get(l.getKey()))) {
                return false;
            }
        }
        return true;
    }

    double sum(Iterable<Exposition.Sample> samples) {
        double total = 0;
        boolean any = false;
        for (Exposition.Sample s : samples) {
            if (matches(s)) {
                total += s.value();
                any = true;
            }
        }
        return any ? total : Double.NaN;
    }
}
