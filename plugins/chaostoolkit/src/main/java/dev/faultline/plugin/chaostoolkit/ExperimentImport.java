package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Experiment;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.RollbackAction;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.model.Timing;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.engine.spi.interop.Imported;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One Chaos Toolkit experiment read into a Faultline experiment. HTTP probes become HTTP probes,
 * Prometheus queries PromQL probes, process providers commands, Toxiproxy actions Toxiproxy faults,
 * pod kills and Chaos Mesh resources Chaos Mesh faults, pauses waits; what has no exact equivalent
 * becomes a command and is named in a {@link ConversionNote}.
 */
final class ExperimentImport {
    static final String FORMAT = "Chaos Toolkit";
    /** The timeout a command gets when the source gives none (Chaos Toolkit waits for ever). */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /** How long a fault lasts when nothing in the source says. */
    static final Duration DEFAULT_FAULT = Duration.ofSeconds(30);
    /** The tolerance of a probe whose source tolerance has no equivalent: any number it answers. */
    static final Tolerance ANY = new Tolerance.Range(-1e15, 1e15);

    private final ForeignFile file;
    private final LocatedSource src;
    private final Map<String, String> env;
    private final List<ConversionNote> notes = new ArrayList<>();
    private final Map<String, JsonNode> activitiesByName = new HashMap<>();
    private final Set<String> stepNames = new HashSet<>();
    private final Set<String> probeNames = new HashSet<>();
    private @Nullable Substitution subst;
    private JsonNode ext = JsonNodeFactory.instance.objectNode();

    ExperimentImport(ForeignFile file, LocatedSource src, Map<String, String> env) {
        this.file = file;
        this.src = src;
        this.env = env;
    }

    private ImportException error(String path, String problem) {
        return new ImportException(FORMAT, file.path(), src.line(path), path.isEmpty() ? null : path, problem);
    }

    private Substitution subst() {
        return java.util.Objects.requireNonNull(subst);
    }

    Imported read() throws ImportException {
        JsonNode root = src.root();
        if (!root.isObject()) {
            throw error("", "is not a mapping of title, description, method ...");
        }
        Optional<String> old = PreOneDotZero.check(root);
        if (old.isPresent()) {
            throw preOneDotZero(old.get());
        }
        String title = required(root, "", "title");
        String description = required(root, "", "description");
        JsonNode tags = root.path("tags");
        if (!tags.isMissingNode() && !tags.isArray()) {
            throw error("tags", "must be a list of texts");
        }
        for (int i = 0; i < tags.size(); i++) {
            if (!tags.get(i).isString() || tags.get(i).asString().isEmpty()) {
                throw error("tags[" + i + "]", "experiment tags must be non-empty texts");
            }
        }
        for (JsonNode e : root.path("extensions")) {
            if (e.path("name").asString("").equals(ChaosToolkitExporter.EXTENSION)) {
                ext = e;
            }
        }
        subst = new Substitution(root.path("configuration"), root.path("secrets"), env, notes);
        collectNames(root);

        Hypothesis hypothesis = hypothesis(root.path("steady-state-hypothesis"), title);
        List<MethodStep> method = method(root);
        List<RollbackAction> rollbacks = rollbacks(root.path("rollbacks"));
        controls(root);
        contributions(root);

        Map<String, String> labels = new TreeMap<>();
        JsonNode extLabels = ext.path("labels");
        for (String k : extLabels.propertyNames()) {
            labels.put(k, extLabels.get(k).asString());
        }
        String name = ext.path("runbook").asString(slug(title));
        String environment = ext.path("environment").asString("local");
        if (!ext.has("environment")) {
            notes.add(new ConversionNote(
                    "experiment " + title, "environment set to 'local'; change it to where it should run"));
        }
        Timing timing = timing(ext.path("timing"));
        BlastRadius blastRadius = blastRadius(ext.path("blastRadius"));
        List<StopCondition> stops = stopConditions(ext.path("stopConditions"), hypothesis);
        String text = ext.has("description") ? ext.get("description").asString() : description;
        if (!ext.has("runbook") && !tags.isEmpty()) {
            List<String> t = new ArrayList<>();
            tags.forEach(x -> t.add(x.asString()));
            text = description + (description.endsWith(".") ? "" : ".") + " Tags: " + String.join(", ", t) + ".";
        }
        try {
            Experiment experiment = new Experiment(
                    name, title, text, labels, environment, hypothesis, method, blastRadius, stops, rollbacks, timing);
            return new Imported(List.of(experiment), List.of(), notes);
        } catch (IllegalArgumentException e) {
            throw error("", "cannot be written as a runbook: " + e.getMessage());
        }
    }

    ImportException preOneDotZero(String path) {
        return error(
                path,
                "is written in the format from before Chaos Toolkit 1.0 (a method of steps with an 'action' and"
                        + " 'steady'/'close' probes, activities with a 'layer'), which chaostoolkit-lib dropped in"
                        + " 0.6 (December 2017): rewrite it with a steady-state-hypothesis and a method of"
                        + " activities (type probe or action, with a provider), then import it again");
    }

    private String required(JsonNode n, String path, String key) throws ImportException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asString("").isBlank()) {
            throw error(
                    LocatedSource.child(path, key),
                    "is missing; Chaos Toolkit requires " + ("title".equals(key) ? "a title" : "a " + key));
        }
        return v.asString().strip();
    }

    private void collectNames(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        root.path("steady-state-hypothesis").path("probes").forEach(all::add);
        root.path("method").forEach(all::add);
        root.path("rollbacks").forEach(all::add);
        for (JsonNode a : all) {
            if (a.has("name") && !a.has("ref")) {
                activitiesByName.putIfAbsent(a.get("name").asString(), a);
            }
        }
    }

    /** The activity, or the one its {@code ref} names. */
    private JsonNode resolve(JsonNode a, String path) throws ImportException {
        if (!a.isObject()) {
            throw error(path, "is not an activity (a mapping with type, name and provider)");
        }
        if (a.has("ref")) {
            String ref = a.get("ref").asString("");
            JsonNode target = activitiesByName.get(ref);
            if (ref.isEmpty() || target == null) {
                throw error(
                        LocatedSource.child(path, "ref"), "referenced activity '" + ref + "' is not in the experiment");
            }
            return target;
        }
        String type = a.path("type").asString("");
        if (!type.equals("probe") && !type.equals("action")) {
            throw error(
                    LocatedSource.child(path, "type"),
                    type.isEmpty()
                            ? "an activity must have a type: probe or action"
                            : "'" + type + "' is not an activity type (probe or action)");
        }
        if (a.path("name").asString("").isBlank()) {
            throw error(LocatedSource.child(path, "name"), "an activity must have a name");
        }
        JsonNode provider = a.path("provider");
        if (!provider.isObject()) {
            throw error(LocatedSource.child(path, "provider"), "an activity requires a provider");
        }
        String pt = provider.path("type").asString("");
        String pp = LocatedSource.child(path, "provider");
        switch (pt) {
            case "http" -> {
                if (provider.path("url").asString("").isBlank()) {
                    throw error(LocatedSource.child(pp, "url"), "an http provider needs a url");
                }
            }
            case "process" -> {
                if (provider.path("path").asString("").isBlank()) {
                    throw error(LocatedSource.child(pp, "path"), "a process provider needs a path");
                }
            }
            case "python" -> {
                if (provider.path("module").asString("").isBlank()) {
                    throw error(LocatedSource.child(pp, "module"), "a python provider needs a module");
                }
                if (provider.path("func").asString("").isBlank()) {
                    throw error(LocatedSource.child(pp, "func"), "a python provider needs a func");
                }
            }
            default ->
                throw error(
                        LocatedSource.child(pp, "type"),
                        pt.isEmpty()
                                ? "a provider must have a type: http, process or python"
                                : "unknown provider type '" + pt + "' (http, process or python)");
        }
        JsonNode timeout = a.get("timeout");
        if (timeout != null && !timeout.isNumber()) {
            throw error(LocatedSource.child(path, "timeout"), "activity timeout must be a number of seconds");
        }
        if (a.has("background") && !a.get("background").isBoolean()) {
            throw error(LocatedSource.child(path, "background"), "activity background must be true or false");
        }
        return a;
    }

    // ---------------------------------------------------------------- hypothesis

    private Hypothesis hypothesis(JsonNode h, String title) throws ImportException {
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
                checkTolerance(tolerance, LocatedSource.child(path, "tolerance"));
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

    private void checkTolerance(JsonNode t, String path) throws ImportException {
        if (t.isNull()) {
            throw error(path, "a tolerance must be a number, a text, a boolean, a list or a mapping");
        }
        if (t.isObject()) {
            String type = t.path("type").asString("");
            switch (type) {
                case "probe" -> {
                    if (!t.path("provider").isObject()) {
                        throw error(LocatedSource.child(path, "provider"), "a probe tolerance needs a provider");
                    }
                }
                case "regex" -> {
                    if (!t.has("pattern")) {
                        throw error(path, "a regex tolerance must have a pattern");
                    }
                    try {
                        java.util.regex.Pattern.compile(t.get("pattern").asString());
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw error(
                                LocatedSource.child(path, "pattern"), "is not a valid pattern: " + e.getDescription());
                    }
                }
                case "jsonpath" -> {
                    if (t.path("path").asString("").isBlank()) {
                        throw error(path, "a jsonpath tolerance must have a path");
                    }
                }
                case "range" -> {
                    JsonNode r = t.path("range");
                    if (!r.isArray()
                            || r.size() != 2
                            || !r.get(0).isNumber()
                            || !r.get(1).isNumber()) {
                        throw error(
                                LocatedSource.child(path, "range"), "a range tolerance needs two numbers, e.g. [0, 5]");
                    }
                }
                default ->
                    throw error(
                            LocatedSource.child(path, "type"),
                            "tolerance type '" + type + "' is not one of probe, regex, jsonpath, range");
            }
        }
    }

    private String uniqueProbe(String name) {
        String n = name;
        for (int i = 2; !probeNames.add(n); i++) {
            n = name + "-" + i;
        }
        return n;
    }

    private Probe probe(JsonNode a, JsonNode tolerance, String path) throws ImportException {
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

    private Probe httpProbe(String name, JsonNode provider, JsonNode a, JsonNode tol, String what, boolean during) {
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
        Tolerance t = statusTolerance(tol, what, true);
        return new Probe(name, "http", params, t, during);
    }

    private Probe processProbe(String name, JsonNode provider, JsonNode a, JsonNode tol, String what, boolean during) {
        List<String> argv = processArgv(provider, what);
        Duration timeout = timeout(provider.get("timeout"), a.get("timeout"), null);
        if (timeout == null) {
            timeout = DEFAULT_TIMEOUT;
            notes.add(new ConversionNote(
                    what, "had no timeout (Chaos Toolkit waits for ever); given " + Durations.format(DEFAULT_TIMEOUT)));
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
        return new Probe(name, "command", params, statusTolerance(tol, what, true), during);
    }

    private Probe pythonProbe(String name, JsonNode provider, JsonNode a, JsonNode tol, String what, boolean during) {
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
            Tolerance t = prometheusTolerance(tol, what);
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
        Duration timeout = timeoutOr(null, a.get("timeout"), DEFAULT_TIMEOUT);
        notes.add(
                new ConversionNote(
                        what,
                        "python provider " + module + "." + func
                                + " has no Faultline equivalent: became a command probe that calls it with python3 (exit code 0 when within the tolerance); the extension must be installed where Faultline runs, and configuration and secrets are not passed"));
        return new Probe(
                name,
                "command",
                new Params(new Command(argv, timeout, null, Map.of()).toParams()),
                PythonCall.judges(tol) ? new Tolerance.Exact(0) : ANY,
                during);
    }

    /** A tolerance on an HTTP status or an exit code (Chaos Toolkit compares numbers and lists with those). */
    private Tolerance statusTolerance(JsonNode tol, String what, boolean membership) {
        if (tol.isNumber()) {
            return new Tolerance.Exact(tol.asDouble());
        }
        if (tol.isArray() && !tol.isEmpty() && allNumbers(tol)) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            for (JsonNode v : tol) {
                min = Math.min(min, v.asDouble());
                max = Math.max(max, v.asDouble());
            }
            if (tol.size() == 1) {
                return new Tolerance.Exact(min);
            }
            boolean consecutive = max - min == tol.size() - 1 && new HashSet<>(numbers(tol)).size() == tol.size();
            if (!consecutive) {
                notes.add(new ConversionNote(
                        what,
                        "tolerance " + tol + " (one of these) became the range " + Numbers.format(min) + ".."
                                + Numbers.format(max) + ", which also accepts the values between"));
            }
            return new Tolerance.Range(min, max);
        }
        if (tol.isObject() && tol.path("type").asString("").equals("range")) {
            return new Tolerance.Range(
                    tol.get("range").get(0).asDouble(), tol.get("range").get(1).asDouble());
        }
        notes.add(new ConversionNote(
                what,
                "tolerance " + describe(tol)
                        + " has no Faultline equivalent: the probe only has to answer; set its expect by hand"));
        return ANY;
    }

    private Tolerance prometheusTolerance(JsonNode tol, String what) {
        if (tol.isObject() && tol.path("type").asString("").equals("jsonpath") && tol.has("expect")) {
            JsonNode e = tol.get("expect");
            JsonNode v = e.isArray() && e.size() == 1 ? e.get(0) : e;
            try {
                return new Tolerance.Exact(Double.parseDouble(v.asString().strip()));
            } catch (NumberFormatException ex) {
                // falls through to the note below
            }
        }
        if (tol.isObject() && tol.path("type").asString("").equals("range")) {
            return new Tolerance.Range(
                    tol.get("range").get(0).asDouble(), tol.get("range").get(1).asDouble());
        }
        if (tol.isNumber()) {
            return new Tolerance.Exact(tol.asDouble());
        }
        if (tol.isArray() && tol.size() == 2 && allNumbers(tol)) {
            return new Tolerance.Range(tol.get(0).asDouble(), tol.get(1).asDouble());
        }
        notes.add(
                new ConversionNote(
                        what,
                        "tolerance " + describe(tol)
                                + " has no Faultline equivalent for a PromQL value: the query only has to answer; set its expect by hand"));
        return ANY;
    }

    private static String describe(JsonNode tol) {
        if (tol.isObject() && tol.has("type")) {
            String type = tol.get("type").asString();
            return switch (type) {
                case "probe" ->
                    "(a probe: "
                            + tol.path("provider")
                                    .path("module")
                                    .asString(tol.path("provider").path("type").asString()) + "."
                            + tol.path("provider").path("func").asString("") + ")";
                case "jsonpath" ->
                    "(jsonpath " + tol.path("path").asString()
                            + (tol.has("expect") ? " expect " + tol.get("expect") : "")
                            + (tol.has("count") ? " count " + tol.get("count") : "") + ")";
                default -> "(" + type + ")";
            };
        }
        return tol.toString();
    }

    private static boolean allNumbers(JsonNode a) {
        for (JsonNode v : a) {
            if (!v.isNumber()) {
                return false;
            }
        }
        return true;
    }

    private static List<Double> numbers(JsonNode a) {
        List<Double> out = new ArrayList<>();
        a.forEach(v -> out.add(v.asDouble()));
        return out;
    }

    private List<String> processArgv(JsonNode provider, String what) {
        String path = provider.get("path").asString();
        JsonNode args = provider.path("arguments");
        List<String> argv = new ArrayList<>();
        if (args.isString()) {
            return List.of("sh", "-c", path + " " + args.asString());
        }
        argv.add(path);
        if (args.isObject()) {
            notes.add(
                    new ConversionNote(
                            what,
                            "arguments given as a mapping (deprecated by Chaos Toolkit) were passed as name value pairs, in order"));
            for (String k : args.propertyNames()) {
                argv.add(k);
                if (!args.get(k).isNull() && !args.get(k).asString().isEmpty()) {
                    argv.add(args.get(k).asString());
                }
            }
        } else {
            for (JsonNode v : args) {
                if (!v.isNull() && !v.asString().isEmpty()) {
                    argv.add(v.asString());
                }
            }
        }
        return argv;
    }

    private static Duration timeoutOr(@Nullable JsonNode provider, @Nullable JsonNode activity, Duration fallback) {
        Duration d = timeout(provider, activity, fallback);
        return d == null ? fallback : d;
    }

    private static @Nullable Duration timeout(
            @Nullable JsonNode provider, @Nullable JsonNode activity, @Nullable Duration fallback) {
        JsonNode t = provider != null && !provider.isNull() ? provider : activity;
        if (t == null || t.isNull()) {
            return fallback;
        }
        if (t.isArray() && t.size() == 2) {
            return Seconds.toDuration(t.get(0).asDouble() + t.get(1).asDouble());
        }
        double s = t.asDouble(0);
        return s > 0 ? Seconds.toDuration(s) : fallback;
    }

    // ---------------------------------------------------------------- method

    private String uniqueStep(String name) {
        String n = slug(name);
        String candidate = n;
        for (int i = 2; !stepNames.add(candidate); i++) {
            candidate = n + "-" + i;
        }
        return candidate;
    }

    /** Where the main timeline is, as far as it is known. */
    private Duration offset = Duration.ZERO;

    private boolean offsetExact = true;
    private int nextLane = 1;

    private List<MethodStep> method(JsonNode root) throws ImportException {
        JsonNode m = root.get("method");
        if (m == null || m.isNull()) {
            throw error("method", "is missing: Chaos Toolkit requires a method (it may be empty)");
        }
        if (!m.isArray()) {
            throw error("method", "must be a list of activities");
        }
        List<MethodStep> steps = new ArrayList<>();
        Map<String, Integer> faultsByKey = new HashMap<>();
        for (int i = 0; i < m.size(); i++) {
            String path = "method[" + i + "]";
            JsonNode own = m.get(i);
            JsonNode a = resolve(own, path);
            String source = a.get("type").asString() + " " + a.get("name").asString();
            boolean background =
                    own.path("background").asBoolean(a.path("background").asBoolean(false));
            Duration before = pause(a.path("pauses").path("before"), LocatedSource.child(path, "pauses.before"));
            Duration after = pause(a.path("pauses").path("after"), LocatedSource.child(path, "pauses.after"));
            JsonNode provider = subst().apply(a.get("provider"), source);
            Optional<String> reverts = revertKey(provider);
            if (reverts.isPresent() && faultsByKey.containsKey(reverts.get())) {
                notes.add(new ConversionNote(source, "Faultline reverts the fault itself at the end of its step"));
                addWait(steps, before, source + " pause before");
                addWait(steps, after, source + " pause after");
                continue;
            }
            Optional<FaultAction> fault = faultAction(provider, source);
            if (background) {
                int lane = nextLane++;
                Duration at = offset.plus(before);
                if (!offsetExact) {
                    notes.add(new ConversionNote(
                            source,
                            "runs in the background: it starts at " + Durations.format(at)
                                    + " on the timeline, which leaves out how long the commands before it took"));
                }
                MethodStep s = fault.isPresent()
                        ? faultStep(fault.get(), a, lane, at, after, source)
                        : commandStep(a, provider, lane, at, source);
                steps.add(s);
                fault.flatMap(f -> f.key()).ifPresent(k -> faultsByKey.put(k, steps.size() - 1));
                continue;
            }
            addWait(steps, before, source + " pause before");
            if (fault.isPresent()) {
                MethodStep s = faultStep(fault.get(), a, 0, null, after, source);
                steps.add(s);
                offset = offset.plus(s.plannedLength());
                fault.get().key().ifPresent(k -> faultsByKey.put(k, steps.size() - 1));
                Duration held = fault.get().duration();
                if (held != null && after.compareTo(held) > 0) {
                    // the pause after a resource with its own duration holds it; only what is longer is a wait
                    addWait(steps, after.minus(held), source + " pause after");
                }
            } else {
                steps.add(commandStep(a, provider, 0, null, source));
                offsetExact = false;
                addWait(steps, after, source + " pause after");
            }
        }
        return steps;
    }

    private void addWait(List<MethodStep> steps, Duration d, String what) {
        if (d.isZero()) {
            return;
        }
        steps.add(new MethodStep.WaitStep(uniqueStep("pause-" + (steps.size() + 1)), 0, null, d));
        offset = offset.plus(d);
    }

    private Duration pause(JsonNode n, String path) throws ImportException {
        if (n.isMissingNode() || n.isNull()) {
            return Duration.ZERO;
        }
        JsonNode v = subst().apply(n, path);
        double s;
        if (v.isNumber()) {
            s = v.asDouble();
        } else {
            try {
                s = Double.parseDouble(v.asString().strip());
            } catch (NumberFormatException e) {
                throw error(path, "a pause must be a number of seconds or ${name} of one, not '" + v.asString() + "'");
            }
        }
        if (s < 0) {
            throw error(path, "a pause cannot be negative");
        }
        return Seconds.toDuration(s);
    }

    private MethodStep faultStep(
            FaultAction f, JsonNode a, int lane, @Nullable Duration at, Duration after, String source) {
        Duration d = f.duration();
        if (d == null) {
            if (!after.isZero()) {
                d = after;
            } else {
                d = DEFAULT_FAULT;
                notes.add(
                        new ConversionNote(
                                source,
                                "the fault lasts " + Durations.format(DEFAULT_FAULT)
                                        + ": nothing in the experiment says how long (Faultline reverts a fault at the end of its step)"));
            }
        }
        String backend = ext.path("steps").path(a.get("name").asString()).asString(f.backend());
        double share = f.share();
        return new MethodStep.FaultStep(
                uniqueStep(a.get("name").asString()), lane, at, d, backend, f.fault(), f.target(), share);
    }

    private MethodStep commandStep(JsonNode a, JsonNode provider, int lane, @Nullable Duration at, String source) {
        String type = provider.get("type").asString();
        Command c;
        switch (type) {
            case "process" -> {
                Duration t = timeout(provider.get("timeout"), a.get("timeout"), null);
                if (t == null) {
                    t = DEFAULT_TIMEOUT;
                    notes.add(new ConversionNote(
                            source,
                            "had no timeout (Chaos Toolkit waits for ever); given "
                                    + Durations.format(DEFAULT_TIMEOUT)));
                }
                c = new Command(processArgv(provider, source), t, null, Map.of());
                if (a.get("type").asString().equals("probe")) {
                    notes.add(
                            new ConversionNote(
                                    source,
                                    "a probe in the method: runs as a command step; Chaos Toolkit only records its value, Faultline samples the hypothesis throughout instead"));
                } else {
                    notes.add(new ConversionNote(
                            source,
                            "runs as a command step: unlike Chaos Toolkit, an exit code other than 0 halts the run"));
                }
            }
            case "http" -> {
                Duration t = timeoutOr(provider.get("timeout"), a.get("timeout"), Duration.ofSeconds(30));
                String method = provider.path("method").asString("GET").toUpperCase(Locale.ROOT);
                List<String> argv = new ArrayList<>(List.of("curl", "-sS", "-o", "/dev/null", "-X", method));
                JsonNode headers = provider.path("headers");
                for (String h : headers.propertyNames()) {
                    argv.add("-H");
                    argv.add(h + ": " + headers.get(h).asString());
                }
                JsonNode args = provider.path("arguments");
                if (args.isObject() && !args.isEmpty()) {
                    argv.add("--json");
                    argv.add(args.toString());
                }
                argv.add(provider.get("url").asString());
                c = new Command(argv, t, null, Map.of());
                notes.add(new ConversionNote(
                        source,
                        "an http " + a.get("type").asString() + " in the method: became a command step running curl"));
            }
            default -> {
                String module = provider.get("module").asString();
                String func = provider.get("func").asString();
                c = new Command(
                        PythonCall.argv(module, func, provider.path("arguments"), null),
                        timeoutOr(null, a.get("timeout"), DEFAULT_TIMEOUT),
                        null,
                        Map.of());
                notes.add(
                        new ConversionNote(
                                source,
                                "python provider " + module + "." + func
                                        + " has no Faultline equivalent: became a command step that calls it with python3; the extension must be installed where Faultline runs, and configuration and secrets are not passed"));
            }
        }
        return new CommandStep(uniqueStep(a.get("name").asString()), lane, at, c);
    }

    /** A fault made by an action, where it goes, and how long the source says it lasts (null: not said). */
    record FaultAction(
            Fault fault,
            Target target,
            String backend,
            double share,
            @Nullable Duration duration,
            Optional<String> key) {}

    private Optional<FaultAction> faultAction(JsonNode provider, String source) {
        if (!provider.get("type").asString().equals("python")) {
            return Optional.empty();
        }
        String module = provider.get("module").asString();
        String func = provider.get("func").asString();
        JsonNode args = provider.path("arguments");
        try {
            if (module.equals("chaostoxi.toxic.actions") && func.startsWith("create_")) {
                return toxic(func, args, source);
            }
            if (module.equals("chaostoxi.proxy.actions") && func.equals("disable_proxy")) {
                String proxy = args.path("proxy_name").asString();
                return Optional.of(new FaultAction(
                        new ProxyFault.Down(),
                        proxyTarget(proxy),
                        "toxiproxy",
                        1,
                        null,
                        Optional.of("proxy/" + proxy)));
            }
            if (module.equals("chaosk8s.pod.actions") && func.equals("terminate_pods")) {
                return podKill(args, source);
            }
            if (module.equals("chaosk8s.crd.actions")
                    && (func.equals("create_custom_object") || func.equals("create_cluster_custom_object"))
                    && args.path("group").asString("").equals(ChaosMeshResources.GROUP)) {
                JsonNode resource = args.path("resource");
                if (!resource.isObject()) {
                    notes.add(
                            new ConversionNote(
                                    source,
                                    "its Chaos Mesh resource is in a separate file ("
                                            + args.path("resource_as_yaml_file").asString("?")
                                            + "): import that file with the Chaos Mesh importer; here it became a command step"));
                    return Optional.empty();
                }
                return chaosMesh(resource, source);
            }
            if (module.equals("chaosk8s.chaosmesh.network.actions")) {
                return chaosMeshNetwork(func, args, source);
            }
        } catch (IllegalArgumentException e) {
            notes.add(new ConversionNote(
                    source, "could not be read as a Faultline fault (" + e.getMessage() + "): became a command step"));
        }
        return Optional.empty();
    }

    private static Target proxyTarget(String proxy) {
        return new Target("proxy", Params.of("name", proxy));
    }

    private Optional<FaultAction> toxic(String func, JsonNode args, String source) {
        String proxy = args.path("for_proxy").asString();
        String toxicName = args.path("toxic_name").asString();
        String type;
        JsonNode attrs;
        double toxicity = 1;
        switch (func) {
            case "create_toxic" -> {
                type = args.path("toxic_type").asString();
                attrs = args.path("attributes");
                toxicity = args.path("toxicity").asDouble(1);
                if (args.path("stream").asString("downstream").equals("upstream")) {
                    notes.add(new ConversionNote(
                            source, "an upstream toxic: Faultline's proxy faults act on the connection as a whole"));
                }
            }
            case "create_latency_toxic" -> {
                type = "latency";
                attrs = args;
            }
            case "create_bandwith_degradation_toxic" -> {
                type = "bandwidth";
                attrs = args;
            }
            case "create_slow_connection_close_toxic" -> {
                type = "slow_close";
                attrs = args;
            }
            case "create_timeout_toxic" -> {
                type = "timeout";
                attrs = args;
            }
            case "create_slicer_toxic" -> {
                type = "slicer";
                attrs = args;
            }
            case "create_limiter_toxic" -> {
                type = "limit_data";
                attrs = JsonNodeFactory.instance
                        .objectNode()
                        .put("bytes", args.path("bytes_limit").asLong());
            }
            default -> {
                return Optional.empty();
            }
        }
        Fault fault = switch (type) {
            case "latency" -> new ProxyFault.Latency(ms(attrs, "latency"), ms(attrs, "jitter"), 0);
            case "bandwidth" -> new ProxyFault.Bandwidth(attrs.path("rate").asLong());
            case "slow_close" -> new ProxyFault.SlowClose(ms(attrs, "delay"));
            case "timeout" -> new ProxyFault.ConnectionTimeout(ms(attrs, "timeout"));
            case "reset_peer" -> new ProxyFault.ResetPeer(ms(attrs, "timeout"));
            case "slicer" ->
                new ProxyFault.Slicer(
                        attrs.path("average_size").asLong(),
                        attrs.path("size_variation").asLong(),
                        Duration.ofNanos(attrs.path("delay").asLong() * 1000));
            case "limit_data" -> new ProxyFault.LimitData(attrs.path("bytes").asLong());
            default -> null;
        };
        if (fault == null) {
            notes.add(new ConversionNote(
                    source, "toxic type '" + type + "' has no Faultline equivalent: became a command step"));
            return Optional.empty();
        }
        return Optional.of(new FaultAction(
                fault,
                proxyTarget(proxy),
                "toxiproxy",
                toxicity,
                null,
                Optional.of("toxic/" + proxy + "/" + toxicName)));
    }

    private static Duration ms(JsonNode attrs, String key) {
        return Duration.ofMillis(attrs.path(key).asLong(0));
    }

    private Optional<FaultAction> podKill(JsonNode args, String source) {
        Map<String, String> sel = new TreeMap<>();
        sel.put("namespace", args.path("ns").asString("default"));
        String labels = args.path("label_selector").asString("");
        if (labels.isBlank()) {
            notes.add(
                    new ConversionNote(
                            source,
                            "kills pods without a label selector (by name pattern or all of a namespace): Faultline never selects a whole namespace; became a command step"));
            return Optional.empty();
        }
        sel.put("labels", labels.replace(" ", ""));
        String mode = args.path("mode").asString("fixed");
        if (args.path("all").asBoolean(false)) {
            // every matching pod: no count
        } else if (mode.equals("percentage")) {
            notes.add(new ConversionNote(
                    source,
                    "kills " + args.path("qty").asInt(1)
                            + "% of the pods: Faultline's pod-kill on every matching pod, limited by the share"));
            return Optional.of(new FaultAction(
                    new PodFault.PodKill(grace(args)),
                    new Target("pods", new Params(sel)),
                    "chaos-mesh",
                    Math.max(0.01, Math.min(1, args.path("qty").asInt(1) / 100.0)),
                    null,
                    Optional.empty()));
        } else {
            sel.put("count", String.valueOf(Math.max(1, args.path("qty").asInt(1))));
        }
        if (args.path("name_pattern").isString()) {
            notes.add(new ConversionNote(source, "its name_pattern was left out: Faultline selects pods by labels"));
        }
        return Optional.of(new FaultAction(
                new PodFault.PodKill(grace(args)),
                new Target("pods", new Params(sel)),
                "chaos-mesh",
                1,
                null,
                Optional.empty()));
    }

    private static Duration grace(JsonNode args) {
        return Duration.ofSeconds(Math.max(0, args.path("grace_period").asLong(-1)));
    }

    private Optional<FaultAction> chaosMesh(JsonNode resource, String source) {
        List<String> why = new ArrayList<>();
        Optional<ChaosMeshResources.Read> r = ChaosMeshResources.read(resource, why);
        if (r.isEmpty()) {
            notes.add(new ConversionNote(source, String.join("; ", why) + ": became a command step"));
            return Optional.empty();
        }
        String name = resource.path("metadata").path("name").asString("");
        return Optional.of(new FaultAction(
                r.get().fault(),
                r.get().target(),
                "chaos-mesh",
                r.get().share(),
                r.get().duration(),
                Optional.of("chaos-mesh/" + resource.path("kind").asString() + "/" + name)));
    }

    private Optional<FaultAction> chaosMeshNetwork(String func, JsonNode args, String source) {
        var nodes = JsonNodeFactory.instance;
        var resource = nodes.objectNode();
        resource.put("kind", "NetworkChaos");
        resource.putObject("metadata")
                .put("name", args.path("name").asString())
                .put("namespace", args.path("ns").asString("default"));
        var spec = resource.putObject("spec");
        spec.put("mode", args.path("mode").asString("one"));
        if (args.has("mode_value")) {
            spec.put("value", args.path("mode_value").asString());
        }
        var selector = spec.putObject("selector");
        JsonNode labels = args.path("label_selectors");
        if (labels.isString()) {
            var l = selector.putObject("labelSelectors");
            for (String pair : labels.asString().split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    l.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
                }
            }
        } else if (labels.isObject()) {
            selector.set("labelSelectors", labels);
        }
        selector.putArray("namespaces").add(args.path("ns").asString("default"));
        switch (func) {
            case "add_latency" -> {
                spec.put("action", "delay");
                var d = spec.putObject("delay");
                d.put("latency", args.path("latency").asString("0"));
                if (args.has("jitter")) {
                    d.put("jitter", args.path("jitter").asString());
                }
            }
            case "set_loss" -> {
                spec.put("action", "loss");
                spec.putObject("loss").put("loss", args.path("loss").asString("0"));
            }
            case "duplicate_packets" -> {
                spec.put("action", "duplicate");
                spec.putObject("duplicate")
                        .put("duplicate", args.path("duplicate").asString("0"));
            }
            case "corrupt_packets" -> {
                spec.put("action", "corrupt");
                spec.putObject("corrupt").put("corrupt", args.path("corrupt").asString("0"));
            }
            default -> {
                return Optional.empty();
            }
        }
        return chaosMesh(resource, source);
    }

    /** What a deleting action undoes, in the keys {@link FaultAction#key()} gives. */
    private static Optional<String> revertKey(JsonNode provider) {
        if (!provider.get("type").asString().equals("python")) {
            return Optional.empty();
        }
        String module = provider.get("module").asString();
        String func = provider.get("func").asString();
        JsonNode args = provider.path("arguments");
        if (module.equals("chaostoxi.toxic.actions") && func.equals("delete_toxic")) {
            return Optional.of("toxic/" + args.path("for_proxy").asString() + "/"
                    + args.path("toxic_name").asString());
        }
        if (module.equals("chaostoxi.proxy.actions") && func.equals("enable_proxy")) {
            return Optional.of("proxy/" + args.path("proxy_name").asString());
        }
        if (module.equals("chaosk8s.crd.actions")
                && (func.equals("delete_custom_object") || func.equals("delete_cluster_custom_object"))) {
            String plural = args.path("plural").asString("");
            String kind =
                    plural.equals("networkchaos") ? "NetworkChaos" : plural.equals("podchaos") ? "PodChaos" : plural;
            return Optional.of("chaos-mesh/" + kind + "/" + args.path("name").asString());
        }
        if (module.equals("chaosk8s.chaosmesh.network.actions") && func.equals("delete_network_fault")) {
            return Optional.of("chaos-mesh/NetworkChaos/" + args.path("name").asString());
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- rollbacks, controls

    private List<RollbackAction> rollbacks(JsonNode list) throws ImportException {
        List<RollbackAction> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "rollbacks[" + i + "]";
            JsonNode a = resolve(list.get(i), path);
            String source = "rollback " + a.get("name").asString();
            JsonNode provider = subst().apply(a.get("provider"), source);
            if (revertKey(provider).isPresent()) {
                notes.add(new ConversionNote(
                        source, "Faultline reverts every fault itself, on a halt too: not needed as a rollback"));
                continue;
            }
            CommandStep c = (CommandStep) commandStep(a, provider, 0, null, source);
            stepNames.remove(c.name());
            String name = c.name();
            for (int k = 2; !names.add(name); k++) {
                name = c.name() + "-" + k;
            }
            out.add(new RollbackAction(
                    name, Shell.line(c.command().argv()), c.command().timeout()));
        }
        return out;
    }

    private void controls(JsonNode root) {
        List<JsonNode> all = new ArrayList<>();
        root.path("controls").forEach(all::add);
        root.path("steady-state-hypothesis").path("controls").forEach(all::add);
        root.path("method").forEach(a -> a.path("controls").forEach(all::add));
        for (JsonNode c : all) {
            notes.add(
                    new ConversionNote(
                            "control " + c.path("name").asString("?"),
                            "left out (" + c.path("provider").path("module").asString("?")
                                    + "): Faultline has no controls; its own safety applies (kill switch, stop conditions, blast radius, journal)"));
        }
    }

    private void contributions(JsonNode root) {
        JsonNode c = root.path("contributions");
        if (c.isObject() && !c.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (String k : c.propertyNames()) {
                parts.add(k + " " + c.get(k).asString());
            }
            notes.add(new ConversionNote(
                    "contributions",
                    "left out (" + String.join(", ", parts) + "): Faultline has no contribution model"));
        }
    }

    // ---------------------------------------------------------------- the faultline extension

    private static Timing timing(JsonNode t) {
        if (!t.isObject()) {
            return Timing.DEFAULT;
        }
        return new Timing(
                Durations.parse(t.path("warmup").asString("0s"), "warmup"),
                Durations.parse(t.path("probeInterval").asString("1s"), "probeInterval"),
                t.path("baselineSamples").asInt(3),
                Durations.parse(t.path("recoveryWindow").asString("5s"), "recoveryWindow"),
                t.path("verificationSamples").asInt(3));
    }

    private static BlastRadius blastRadius(JsonNode b) {
        if (!b.isObject()) {
            return BlastRadius.UNLIMITED;
        }
        List<String> targets = new ArrayList<>();
        b.path("targets").forEach(x -> targets.add(x.asString()));
        return new BlastRadius(
                targets,
                b.path("maxShare").asDouble(1),
                Durations.parse(b.path("maxDuration").asString("4h"), "maxDuration"),
                b.path("maxTargets").asInt(Integer.MAX_VALUE));
    }

    private static List<StopCondition> stopConditions(JsonNode list, Hypothesis h) {
        List<StopCondition> out = new ArrayList<>();
        for (JsonNode s : list) {
            JsonNode p = s.path("probe");
            Probe probe;
            if (p.isString()) {
                probe = h.probe(p.asString())
                        .orElseThrow(() -> new IllegalArgumentException("no hypothesis probe " + p.asString()));
            } else {
                Map<String, String> params = new LinkedHashMap<>();
                p.path("params")
                        .propertyNames()
                        .forEach(k -> params.put(k, p.path("params").get(k).asString()));
                probe = new Probe(
                        p.path("name").asString(),
                        p.path("type").asString(),
                        new Params(params),
                        ToleranceCodec.read(p.path("expect")),
                        p.path("during").asBoolean(true),
                        p.path("expectText").asString());
            }
            out.add(new StopCondition(
                    s.path("name").asString(),
                    probe,
                    ToleranceCodec.read(s.path("haltWhen")),
                    s.path("for").asInt(1),
                    s.path("haltExpected").asBoolean(false)));
        }
        return out;
    }

    /** A runbook name from a title: lower-case letters, digits and dashes, at most 63. */
    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "imported";
        }
        if (!Character.isLetter(s.charAt(0))) {
            s = "x-" + s;
        }
        return s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
    }
}
