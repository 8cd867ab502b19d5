package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ForeignFile;
import dev.faultline.engine.spi.interop.ImportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the parts of one Chaos Toolkit import share: the source, the notes, the activities by name, the
 * step and probe names taken, the configuration; and the checks and readings every part needs (an
 * activity and its {@code ref}, timeouts, a process provider's command line).
 */
class ImportContext {
    final ForeignFile file;
    final LocatedSource src;
    final List<ConversionNote> notes;
    final Map<String, JsonNode> activitiesByName;
    final Set<String> stepNames;
    final Set<String> probeNames;
    final Substitution subst;
    final JsonNode ext;

    ImportContext(ForeignFile file, LocatedSource src, List<ConversionNote> notes, Substitution subst, JsonNode ext) {
        this.file = file;
        this.src = src;
        this.notes = notes;
        this.activitiesByName = new HashMap<>();
        this.stepNames = new HashSet<>();
        this.probeNames = new HashSet<>();
        this.subst = subst;
        this.ext = ext;
    }

    /** A part of the import sharing this one's state: the notes, the names taken, the substitution. */
    ImportContext(ImportContext shared) {
        this.file = shared.file;
        this.src = shared.src;
        this.notes = shared.notes;
        this.activitiesByName = shared.activitiesByName;
        this.stepNames = shared.stepNames;
        this.probeNames = shared.probeNames;
        this.subst = shared.subst;
        this.ext = shared.ext;
    }

    static ImportException error(ForeignFile file, LocatedSource src, String path, String problem) {
        return new ImportException(
                ExperimentImport.FORMAT, file.path(), src.line(path), path.isEmpty() ? null : path, problem);
    }

    ImportException error(String path, String problem) {
        return error(file, src, path, problem);
    }

    Substitution subst() {
        return subst;
    }

    static String required(ForeignFile file, LocatedSource src, JsonNode n, String path, String key)
            throws ImportException {
        JsonNode v = n.get(key);
        if (v == null || v.isNull() || v.asString("").isBlank()) {
            throw error(
                    file,
                    src,
                    LocatedSource.child(path, key),
                    "is missing; Chaos Toolkit requires " + ("title".equals(key) ? "a title" : "a " + key));
        }
        return v.asString().strip();
    }

    String required(JsonNode n, String path, String key) throws ImportException {
        return required(file, src, n, path, key);
    }

    void collectNames(JsonNode root) {
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
    JsonNode resolve(JsonNode a, String path) throws ImportException {
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

    String uniqueProbe(String name) {
        String n = name;
        for (int i = 2; !probeNames.add(n); i++) {
            n = name + "-" + i;
        }
        return n;
    }

    String uniqueStep(String name) {
        String n = ExperimentImport.slug(name);
        String candidate = n;
        for (int i = 2; !stepNames.add(candidate); i++) {
            candidate = n + "-" + i;
        }
        return candidate;
    }

    List<String> processArgv(JsonNode provider, String what) {
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

    static Duration timeoutOr(@Nullable JsonNode provider, @Nullable JsonNode activity, Duration fallback) {
        Duration d = timeout(provider, activity, fallback);
        return d == null ? fallback : d;
    }

    static @Nullable Duration timeout(
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
}
