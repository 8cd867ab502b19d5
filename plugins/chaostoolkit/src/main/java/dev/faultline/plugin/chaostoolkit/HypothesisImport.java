package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The steady-state hypothesis of a Chaos Toolkit experiment: its probes read into Faultline probes (HTTP,
 * PromQL, command), or one that always answers when it has none.
 */
final class HypothesisImport extends ImportContext {
    private final ToleranceImport tolerances;

    HypothesisImport(ImportContext shared) {
        super(shared);
        this.tolerances = new ToleranceImport(shared);
    }

    Hypothesis hypothesis(JsonNode h, String title) throws ImportException {
        List<Probe> probes = new ArrayList<>();
        String htitle = "";
        if (!h.isMissingNode() && !h.isNull()) {
            htitle = required(h, "steady-state-hypothesis", "title");
            JsonNode list = h.path("probes");
            for (int i = 0; i < list.size(); i++) {
                String path = "steady-state-hypothesis.probes[" + i + "]";
                JsonNode a = resolve(list.get(i), path);
                JsonNode own = list.get(i);
                JsonNode tolerance = own.has("tolerance") ? own.get("tolerance") : a.get("tolerance");
                if (tolerance == null) {
                    throw error(path, "hypothesis probe must have a tolerance");
                }
                tolerances.checkTolerance(tolerance, LocatedSource.child(path, "tolerance"));
                probes.add(probe(
                        a, subst().apply(tolerance, "probe " + a.get("name").asString()), path));
            }
        }
        if (probes.isEmpty()) {
            Command alwaysTrue = new Command(List.of("true"), Duration.ofSeconds(5), null, Map.of());
            probes.add(
                    new Probe("answers", "command", new Params(alwaysTrue.toParams()), new Tolerance.Exact(0), true));
            notes.add(
                    new ConversionNote(
                            "steady-state-hypothesis",
                            h.isMissingNode()
                                    ? "missing: a runbook needs one probe, so 'answers' (runs true) was added; replace it with what shows your steady state"
                                    : "has no probes: 'answers' (runs true) was added; replace it with what shows your steady state"));
        }
        if (ext.has("hypothesisTitle")) {
            htitle = ext.get("hypothesisTitle").asString();
            return new Hypothesis(htitle, probes);
        }
        return new Hypothesis(htitle.isEmpty() ? title : htitle, probes);
    }

    Probe probe(JsonNode a, JsonNode tolerance, String path) throws ImportException {
        String source = a.get("name").asString();
        String name = uniqueProbe(source);
        JsonNode kept = ext.path("probes").path(source);
        boolean during = !kept.has("during") || kept.get("during").asBoolean();
        if (kept.has("kept")) {
            JsonNode k = kept.get("kept");
            Map<String, String> params = new TreeMap<>();
            k.path("params")
                    .propertyNames()
                    .forEach(p -> params.put(p, k.path("params").get(p).asString()));
            return new Probe(
                    name,
                    k.get("type").asString(),
                    new Params(params),
                    ToleranceCodec.read(k.get("expect")),
                    during,
                    k.path("expectText").asString());
        }
        JsonNode provider = subst().apply(a.get("provider"), "probe " + source);
        String what = "probe " + source;
        Probe mapped = switch (provider.get("type").asString()) {
            case "http" -> httpProbe(name, provider, a, tolerance, what, during);
            case "process" -> processProbe(name, provider, a, tolerance, what, during);
            default -> pythonProbe(name, provider, a, tolerance, what, during);
        };
        String expectText = kept.path("expectText").asString(mapped.expectText());
        return new Probe(
                mapped.name(), mapped.type(), mapped.params(), mapped.expect(), mapped.checkedDuring(), expectText);
    }

    Probe httpProbe(String name, JsonNode provider, JsonNode a, JsonNode tol, String what, boolean during) {
        String url = provider.get("url").asString();
        String method = provider.path("method").asString("GET").toUpperCase(Locale.ROOT);
        Duration timeout = timeoutOr(provider.get("timeout"), a.get("timeout"), Duration.ofSeconds(2));
        if (provider.has("headers") || provider.has("arguments")) {
            notes.add(new ConversionNote(
                    what, "its headers and arguments were left out: Faultline's http probe sends none"));
        }
        if (tol.isObject() && tol.path("type").asString("").equals("regex")) {
            String pattern = tol.get("pattern").asString();
            Command c = new Command(
                    List.of("sh", "-c", "curl -sS -X \"$0\" \"$1\" | grep -Eq -- \"$2\"", method, url, pattern),
                    timeout.plusSeconds(1),
                    null,
                    Map.of());
            notes.add(
                    new ConversionNote(
                            what,
                            "its regex tolerance on the response became a command probe: curl, then grep -E for the pattern (exit code 0 when found)"));
            return new Probe(name, "command", new Params(c.toParams()), new Tolerance.Exact(0), during);
        }
        Map<String, String> values = new TreeMap<>();
        values.put("url", url);
        values.put("measure", "status");
        if (provider.has("method")) {
            values.put("method", method);
        }
        if (provider.has("timeout") || a.has("timeout")) {
            values.put("timeout", Durations.format(timeout));
        }
        Params params = new Params(values);
        Tolerance t = tolerances.statusTolerance(tol, what, true);
        return new Probe(name, "http", params, t, during);
    }

    Probe processProbe(String name, JsonNode provider, JsonNode a, JsonNode tol, String what, boolean during) {
        List<String> argv = processArgv(provider, what);
        Duration timeout = timeout(provider.get("timeout"), a.get("timeout"), null);
        if (timeout == null) {
            timeout = ExperimentImport.DEFAULT_TIMEOUT;
            notes.add(new ConversionNote(
                    what,
                    "had no timeout (Chaos Toolkit waits for ever); given "
                            + Durations.format(ExperimentImport.DEFAULT_TIMEOUT)));
        }
        if (tol.isObject() && tol.path("type").asString("").equals("regex")) {
            String target = tol.path("target").asString("stdout");
            List<String> wrapped = new ArrayList<>();
            wrapped.add("sh");
            wrapped.add("-c");
            wrapped.add(("stderr".equals(target) ? "\"$@\" 2>&1 >/dev/null" : "\"$@\"") + " | grep -Eq -- \"$0\"");
            wrapped.add(tol.get("pattern").asString());
            wrapped.addAll(argv);
            notes.add(new ConversionNote(
                    what,
                    "its regex tolerance on " + target + " became grep -E in the command (exit code 0 when found)"));
            return new Probe(
                    name,
                    "command",
                    new Params(new Command(wrapped, timeout, null, Map.of()).toParams()),
                    new Tolerance.Exact(0),
                    during);
        }
        Params params = new Params(new Command(argv, timeout, null, Map.of()).toParams());
        return new Probe(name, "command", params, tolerances.statusTolerance(tol, what, true), during);
    }

    Probe pythonProbe(String name, JsonNode provider, JsonNode a, JsonNode tol, String what, boolean during) {
        String module = provider.get("module").asString();
        String func = provider.get("func").asString();
        JsonNode args = provider.path("arguments");
        if (module.equals("chaosprometheus.probes") && (func.equals("query") || func.equals("query_interval"))) {
            Map<String, String> params = new TreeMap<>();
            params.put("query", args.path("query").asString());
            if (func.equals("query_interval")) {
                params.put(
                        "range",
                        Durations.format(
                                Seconds.toDuration(Math.max(1, args.path("step").asDouble(1)) * 60)));
                params.put(
                        "step",
                        Durations.format(
                                Seconds.toDuration(Math.max(1, args.path("step").asDouble(1)))));
                notes.add(new ConversionNote(
                        what, "a range query: Faultline reads it over a window and takes the last value"));
            }
            String base = subst().text("${prometheus_base_url}", what);
            if (!base.startsWith("${")) {
                params.put("url", base);
            }
            Tolerance t = tolerances.prometheusTolerance(tol, what);
            return new Probe(name, "prometheus", new Params(params), t, during);
        }
        if (!PythonCall.judges(tol)) {
            notes.add(
                    new ConversionNote(
                            what,
                            "its " + tol.path("type").asString()
                                    + " tolerance cannot be judged by Faultline: the probe only has to answer; set its expect by hand"));
        }
        List<String> argv = PythonCall.argv(module, func, args, PythonCall.judges(tol) ? tol : null);
        Duration timeout = timeoutOr(null, a.get("timeout"), ExperimentImport.DEFAULT_TIMEOUT);
        notes.add(
                new ConversionNote(
                        what,
                        "python provider " + module + "." + func
                                + " has no Faultline equivalent: became a command probe that calls it with python3 (exit code 0 when within the tolerance); the extension must be installed where Faultline runs, and configuration and secrets are not passed"));
        return new Probe(
                name,
                "command",
                new Params(new Command(argv, timeout, null, Map.of()).toParams()),
                PythonCall.judges(tol) ? new Tolerance.Exact(0) : ExperimentImport.ANY,
                during);
    }
}
