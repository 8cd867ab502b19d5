package dev.faultline.plugin.litmus.interop;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ImportedExperiments;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A ChaosEngine's probes as hypothesis probes where Faultline has the equivalent: an
 * {@code httpProbe} GET comparing the response code is an {@code http} probe of the status, a
 * {@code promProbe} with a comparison a {@code prometheus} probe. {@code Continuous} and
 * {@code OnChaos} probes are checked during the faults too; {@code SOT}, {@code EOT} and
 * {@code Edge} ones at baseline and final verification. {@code cmdProbe}, {@code k8sProbe} and
 * {@code sloProbe} have no equivalent yet: notes.
 */
final class LitmusProbeReader {
    private final String source;
    private final List<ConversionNote> notes;

    LitmusProbeReader(String source, List<ConversionNote> notes) {
        this.source = source;
        this.notes = notes;
    }

    Optional<Probe> read(ManifestNode p) throws ImportException {
        String name = p.require("name").text();
        String type = p.require("type").text();
        String here = source + " probe " + name;
        Optional<Probe> probe = switch (type) {
            case "httpProbe" -> http(p.require("httpProbe/inputs"), name, here);
            case "promProbe" -> prom(p.require("promProbe/inputs"), name, here);
            default -> {
                notes.add(new ConversionNote(
                        here,
                        "left out: Faultline has no " + type + " (its probes read HTTP and Prometheus);"
                                + " check it by hand or add a probe of your own"));
                yield Optional.empty();
            }
        };
        if (probe.isEmpty()) {
            return probe;
        }
        String mode = p.text("mode", "Continuous");
        boolean during = switch (mode) {
            case "Continuous", "OnChaos" -> true;
            case "SOT", "EOT", "Edge" -> false;
            default ->
                throw p.require("mode")
                        .problem("mode '" + mode + "' is not SOT, EOT, Edge, Continuous" + " or OnChaos");
        };
        if (mode.equals("SOT") || mode.equals("EOT") || mode.equals("OnChaos")) {
            notes.add(new ConversionNote(
                    here + " mode " + mode,
                    during
                            ? "checked during the faults and also at baseline and final verification"
                            : "checked at baseline and at final verification (Faultline judges both)"));
        }
        if (p.has("runProperties")) {
            notes.add(new ConversionNote(
                    here + " runProperties",
                    "not carried over: Faultline samples every probe at the experiment's probeInterval, and a"
                            + " sample either holds or not (no retries)"));
        }
        Probe q = probe.get();
        return Optional.of(new Probe(q.name(), q.type(), q.params(), q.expect(), during));
    }

    private Optional<Probe> http(ManifestNode in, String name, String here) throws ImportException {
        String url = in.require("url").text();
        if (!isUrl(url)) {
            notes.add(new ConversionNote(here, "left out: '" + url + "' is not an http(s) URL"));
            return Optional.empty();
        }
        ManifestNode method = in.require("method");
        Optional<ManifestNode> get = method.get("get");
        Optional<ManifestNode> post = method.get("post");
        ManifestNode m = get.or(() -> post).orElseThrow(() -> method.problem("give get or post"));
        if (post.isPresent()) {
            notes.add(new ConversionNote(
                    here, "the POST is sent without its body (Faultline's http probe sends no" + " body)"));
        }
        for (String key : in.keys()) {
            if (!key.equals("url") && !key.equals("method")) {
                notes.add(new ConversionNote(here + " " + key, "left out: Faultline's http probe has no " + key));
            }
        }
        String code = m.text("responseCode", "");
        String criteria = m.text("criteria", "==");
        if (code.isEmpty() || !code.strip().matches("\\d{3}")) {
            notes.add(new ConversionNote(
                    here,
                    "left out: it compares no response code (Faultline's http probe of"
                            + " the status compares the code)"));
            return Optional.empty();
        }
        Optional<Tolerance> t = tolerance(criteria, Double.parseDouble(code.strip()));
        if (t.isEmpty()) {
            notes.add(new ConversionNote(here, "left out: criteria '" + criteria + "' has no Faultline tolerance"));
            return Optional.empty();
        }
        Params params = Params.of("url", url, "measure", "status");
        if (post.isPresent()) {
            params = params.with("method", "POST");
        }
        return Optional.of(new Probe(ImportedExperiments.runbookName(name), "http", params, t.get(), true));
    }

    private Optional<Probe> prom(ManifestNode in, String name, String here) throws ImportException {
        Optional<String> query = in.optText("query");
        if (query.isEmpty()) {
            notes.add(new ConversionNote(here, "left out: its query is in a file (queryPath); give the query itself"));
            return Optional.empty();
        }
        ManifestNode cmp = in.require("comparator");
        String criteria = cmp.text("criteria", "==");
        String value = cmp.text("value", "");
        double bound;
        try {
            bound = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            notes.add(new ConversionNote(here, "left out: '" + value + "' is not a number to compare with"));
            return Optional.empty();
        }
        Optional<Tolerance> t = tolerance(criteria, bound);
        if (t.isEmpty()) {
            notes.add(new ConversionNote(here, "left out: criteria '" + criteria + "' has no Faultline tolerance"));
            return Optional.empty();
        }
        Params params = Params.of("query", query.get().strip());
        String endpoint = in.text("endpoint", "");
        if (isUrl(endpoint)) {
            params = params.with("url", endpoint);
        } else if (!endpoint.isEmpty()) {
            notes.add(new ConversionNote(
                    here + " endpoint",
                    "'" + endpoint + "' is not an http(s) URL: the probe" + " reads the environment's Prometheus"));
        }
        return Optional.of(new Probe(ImportedExperiments.runbookName(name), "prometheus", params, t.get(), true));
    }

    private static Optional<Tolerance> tolerance(String criteria, double v) {
        return switch (criteria.strip()) {
            case "==" -> Optional.of(new Tolerance.Exact(v));
            case ">=" -> Optional.of(new Tolerance.Threshold(Tolerance.Op.GE, v));
            case ">" -> Optional.of(new Tolerance.Threshold(Tolerance.Op.GT, v));
            case "<=" -> Optional.of(new Tolerance.Threshold(Tolerance.Op.LE, v));
            case "<" -> Optional.of(new Tolerance.Threshold(Tolerance.Op.LT, v));
            default -> Optional.empty();
        };
    }

    private static boolean isUrl(String s) {
        try {
            URI u = URI.create(s.strip());
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
