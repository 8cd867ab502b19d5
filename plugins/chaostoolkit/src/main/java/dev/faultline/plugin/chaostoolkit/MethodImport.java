package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.chaostoolkit.FaultActions.FaultAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The method of a Chaos Toolkit experiment: its activities read into fault, command and wait steps on
 * Faultline's timeline, background activities in lanes of their own, pauses as waits.
 */
final class MethodImport extends ImportContext {
    private final FaultActions faults;

    /** Where the main timeline is, as far as it is known. */
    private Duration offset = Duration.ZERO;

    private boolean offsetExact = true;
    private int nextLane = 1;

    MethodImport(ImportContext shared) {
        super(shared);
        this.faults = new FaultActions(shared);
    }

    List<MethodStep> method(JsonNode root) throws ImportException {
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
            Optional<String> reverts = FaultActions.revertKey(provider);
            if (reverts.isPresent() && faultsByKey.containsKey(reverts.get())) {
                notes.add(new ConversionNote(source, "Faultline reverts the fault itself at the end of its step"));
                addWait(steps, before, source + " pause before");
                addWait(steps, after, source + " pause after");
                continue;
            }
            Optional<FaultAction> fault = faults.faultAction(provider, source);
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

    void addWait(List<MethodStep> steps, Duration d, String what) {
        if (d.isZero()) {
            return;
        }
        steps.add(new MethodStep.WaitStep(uniqueStep("pause-" + (steps.size() + 1)), 0, null, d));
        offset = offset.plus(d);
    }

    Duration pause(JsonNode n, String path) throws ImportException {
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

    MethodStep faultStep(FaultAction f, JsonNode a, int lane, @Nullable Duration at, Duration after, String source) {
        Duration d = f.duration();
        if (d == null) {
            if (!after.isZero()) {
                d = after;
            } else {
                d = ExperimentImport.DEFAULT_FAULT;
                notes.add(
                        new ConversionNote(
                                source,
                                "the fault lasts " + Durations.format(ExperimentImport.DEFAULT_FAULT)
                                        + ": nothing in the experiment says how long (Faultline reverts a fault at the end of its step)"));
            }
        }
        String backend = ext.path("steps").path(a.get("name").asString()).asString(f.backend());
        double share = f.share();
        return new MethodStep.FaultStep(
                uniqueStep(a.get("name").asString()), lane, at, d, backend, f.fault(), f.target(), share);
    }

    MethodStep commandStep(JsonNode a, JsonNode provider, int lane, @Nullable Duration at, String source) {
        String type = provider.get("type").asString();
        Command c;
        switch (type) {
            case "process" -> {
                Duration t = timeout(provider.get("timeout"), a.get("timeout"), null);
                if (t == null) {
                    t = ExperimentImport.DEFAULT_TIMEOUT;
                    notes.add(new ConversionNote(
                            source,
                            "had no timeout (Chaos Toolkit waits for ever); given "
                                    + Durations.format(ExperimentImport.DEFAULT_TIMEOUT)));
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
                        timeoutOr(null, a.get("timeout"), ExperimentImport.DEFAULT_TIMEOUT),
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
}
