package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.FileSystemFault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Sizes;
import dev.faultline.engine.model.StressFault;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.chaosmesh.interop.ChaosSelectors.Selection;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec of one of Chaos Mesh's eight chaos kinds as Faultline faults (a {@code netem} or a
 * StressChaos with several stressors gives several). Whatever a Faultline fault cannot say exactly
 * becomes a {@link ConversionNote}; a malformed value is an {@link ImportException} at its line.
 */
final class ChaosSpecReader {
    /** The chaos kinds, as {@code kind} names them, and the field a Workflow or Schedule embeds them in. */
    static final Map<String, String> EMBEDDED = new LinkedHashMap<>();

    static {
        EMBEDDED.put("PodChaos", "podChaos");
        EMBEDDED.put("NetworkChaos", "networkChaos");
        EMBEDDED.put("StressChaos", "stressChaos");
        EMBEDDED.put("IOChaos", "ioChaos");
        EMBEDDED.put("TimeChaos", "timeChaos");
        EMBEDDED.put("HTTPChaos", "httpChaos");
        EMBEDDED.put("DNSChaos", "dnsChaos");
        EMBEDDED.put("JVMChaos", "jvmChaos");
    }

    private static final Set<String> COMMON = Set.of("selector", "mode", "value", "duration", "containerNames");
    private static final Map<String, Set<String>> HANDLED = Map.of(
            "PodChaos", Set.of("action", "gracePeriod"),
            "NetworkChaos",
                    Set.of(
                            "action",
                            "delay",
                            "loss",
                            "duplicate",
                            "corrupt",
                            "bandwidth",
                            "direction",
                            "target",
                            "externalTargets"),
            "StressChaos", Set.of("stressors"),
            "IOChaos", Set.of("action", "volumePath", "path", "percent", "delay", "errno"),
            "TimeChaos", Set.of("timeOffset"),
            "HTTPChaos",
                    Set.of("target", "port", "path", "method", "request_headers", "abort", "delay", "replace", "patch"),
            "DNSChaos", Set.of("action", "patterns"),
            "JVMChaos", Set.of("action", "class", "method", "exception", "latency", "returnValue"));
    private static final Pattern EXCEPTION = Pattern.compile("\\s*([\\w.$]+)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);
    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)");

    private final List<ConversionNote> notes;
    private final String source;

    /**
     * @param source how notes name the resource or template: {@code NetworkChaos web-delay}
     * @param notes where what is not carried over exactly is written
     */
    ChaosSpecReader(String source, List<ConversionNote> notes) {
        this.source = source;
        this.notes = notes;
    }

    static boolean isChaosKind(String kind) {
        return EMBEDDED.containsKey(kind);
    }

    /** The faults of {@code spec}, a {@code kind} chaos named {@code name}, in namespace {@code namespace}. */
    List<ChaosFault> read(String kind, String name, ManifestNode spec, String namespace) throws ImportException {
        if (!spec.isMap()) {
            throw spec.problem("a " + kind + "'s spec is a mapping");
        }
        for (String key : spec.keys()) {
            if (!COMMON.contains(key) && !HANDLED.getOrDefault(kind, Set.of()).contains(key)) {
                note(spec, key, "left out: Faultline's " + kind + " faults have no equivalent of '" + key + "'");
            }
        }
        Selection sel = ChaosSelectors.read(spec, namespace, source, notes);
        Optional<Duration> duration = ownDuration(spec);
        List<Fault> faults = new ArrayList<>();
        try {
            switch (kind) {
                case "PodChaos" -> faults.add(pod(spec));
                case "NetworkChaos" -> faults.addAll(network(spec, sel.target()));
                case "StressChaos" -> faults.addAll(stress(spec));
                case "IOChaos" -> io(spec).ifPresent(faults::add);
                case "TimeChaos" -> faults.add(time(spec));
                case "HTTPChaos" -> http(spec).ifPresent(faults::add);
                case "DNSChaos" ->
                    faults.add(new NetworkFault.DnsFault(spec.text("action", "error"), spec.texts("patterns")));
                case "JVMChaos" -> jvm(spec).ifPresent(faults::add);
                default -> throw spec.problem("'" + kind + "' is not one of Chaos Mesh's chaos kinds");
            }
        } catch (IllegalArgumentException e) {
            notes.add(new ConversionNote(source, "left out: " + e.getMessage()));
        }
        Target target = sel.target();
        if (kind.equals("HTTPChaos") && spec.has("port")) {
            target = new Target("pods", target.selector().with("port", spec.text("port", "")));
        }
        List<ChaosFault> out = new ArrayList<>();
        for (Fault f : faults) {
            String stepName = faults.size() == 1 ? name : name + "-" + f.type();
            out.add(new ChaosFault(stepName, f, target, sel.share(), duration));
        }
        return out;
    }

    private static Optional<Duration> ownDuration(ManifestNode spec) throws ImportException {
        Optional<ManifestNode> d = spec.get("duration");
        return d.isEmpty() ? Optional.empty() : Optional.of(positive(d.get()));
    }

    static Duration positive(ManifestNode n) throws ImportException {
        Duration d = duration(n);
        if (d.isNegative() || d.isZero()) {
            throw n.problem("a duration must be above zero, not " + n.text());
        }
        return d;
    }

    static Duration duration(ManifestNode n) throws ImportException {
        try {
            return GoDurations.parse(n.text());
        } catch (IllegalArgumentException e) {
            throw n.problem(String.valueOf(e.getMessage()));
        }
    }

    private Fault pod(ManifestNode spec) throws ImportException {
        String action = spec.require("action").text();
        return switch (action) {
            case "pod-kill" -> new PodFault.PodKill(Duration.ofSeconds(spec.number("gracePeriod", 0)));
            case "pod-failure" -> new PodFault.PodFailure();
            case "container-kill" -> new PodFault.ContainerKill(spec.texts("containerNames"));
            default ->
                throw spec.require("action")
                        .problem("PodChaos action '" + action + "' is not pod-kill, pod-failure or container-kill");
        };
    }

    private List<Fault> network(ManifestNode spec, Target target) throws ImportException {
        ManifestNode actionNode = spec.require("action");
        String action = actionNode.text();
        List<Fault> out = new ArrayList<>();
        if (action.equals("partition")) {
            String peers = "";
            Optional<ManifestNode> peer = spec.get("target");
            if (peer.isPresent()) {
                ManifestNode sel = peer.get().get("selector").orElse(peer.get());
                peers = ChaosSelectors.pairs(sel.textMap("labelSelectors"));
                for (String key : sel.keys()) {
                    if (!key.equals("labelSelectors") && !(key.equals("namespaces") && sameNamespace(sel, target))) {
                        note(sel, key, "left out: a partition's peers are selected by labels only");
                    }
                }
                if (!peer.get().text("mode", "all").equals("all")) {
                    note(peer.get(), "mode", "the partition cuts the traffic to all peers the labels select");
                }
            }
            out.add(new NetworkFault.Partition(spec.text("direction", "to"), peers, spec.texts("externalTargets")));
            return out;
        }
        if (!spec.text("direction", "to").equals("to") || spec.has("target") || spec.has("externalTargets")) {
            notes.add(new ConversionNote(
                    source + " " + spec.field() + ".direction",
                    "Faultline's " + action + " fault acts on all the pods' traffic: the direction, target and"
                            + " externalTargets of the source are not carried over"));
        }
        boolean netem = action.equals("netem");
        if (action.equals("delay") || (netem && spec.has("delay"))) {
            ManifestNode d = spec.require("delay");
            if (d.has("reorder")) {
                note(d, "reorder", "left out: Faultline's latency does not reorder packets");
            }
            out.add(new ProxyFault.Latency(
                    nonNegative(d.require("latency")),
                    d.has("jitter") ? nonNegative(d.require("jitter")) : Duration.ZERO,
                    percent(d, "correlation")));
        }
        if (action.equals("loss") || (netem && spec.has("loss"))) {
            ManifestNode l = spec.require("loss");
            out.add(new NetworkFault.PacketLoss(percent(l, "loss"), percent(l, "correlation")));
        }
        if (action.equals("duplicate") || (netem && spec.has("duplicate"))) {
            ManifestNode l = spec.require("duplicate");
            out.add(new NetworkFault.PacketDuplicate(percent(l, "duplicate"), percent(l, "correlation")));
        }
        if (action.equals("corrupt") || (netem && spec.has("corrupt"))) {
            ManifestNode l = spec.require("corrupt");
            out.add(new NetworkFault.PacketCorrupt(percent(l, "corrupt"), percent(l, "correlation")));
        }
        if (action.equals("bandwidth") || (netem && spec.has("bandwidth"))) {
            ManifestNode b = spec.require("bandwidth");
            for (String key : b.keys()) {
                if (!key.equals("rate")) {
                    note(
                            b,
                            key,
                            "left out: Faultline's bandwidth fault sets the rate only (its Chaos Mesh"
                                    + " backend chooses the queue)");
                }
            }
            out.add(new ProxyFault.Bandwidth(kilobytesPerSecond(b.require("rate"))));
        }
        if (out.isEmpty()) {
            throw actionNode.problem("NetworkChaos action '" + action + "' has none of its settings");
        }
        return out;
    }

    private static boolean sameNamespace(ManifestNode sel, Target target) throws ImportException {
        List<String> ns = sel.texts("namespaces");
        return ns.size() == 1
                && ns.getFirst().equals(target.selector().get("namespace").orElse(""));
    }

    /** {@code 1mbps} as KB/s: tc's units, in which {@code kbps} is kilobytes and {@code kbit} kilobits. */
    private static long kilobytesPerSecond(ManifestNode n) throws ImportException {
        Matcher m = RATE.matcher(n.text().strip());
        if (!m.matches()) {
            throw n.problem("'" + n.text() + "' is not a rate, e.g. 1mbps");
        }
        BigDecimal v = new BigDecimal(m.group(1));
        BigDecimal bytes = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "", "bit" -> v.divide(BigDecimal.valueOf(8));
            case "bps" -> v;
            case "kbit" -> v.multiply(BigDecimal.valueOf(125));
            case "kbps" -> v.multiply(BigDecimal.valueOf(1_000));
            case "mbit" -> v.multiply(BigDecimal.valueOf(125_000));
            case "mbps" -> v.multiply(BigDecimal.valueOf(1_000_000));
            case "gbit" -> v.multiply(BigDecimal.valueOf(125_000_000));
            case "gbps" -> v.multiply(BigDecimal.valueOf(1_000_000_000));
            default ->
                throw n.problem(
                        "'" + m.group(2) + "' is not a rate unit (bps, kbps, mbps, gbps, kbit," + " mbit, gbit)");
        };
        long kb = bytes.divide(BigDecimal.valueOf(1000), java.math.RoundingMode.HALF_UP)
                .longValue();
        return Math.max(1, kb);
    }

    private List<Fault> stress(ManifestNode spec) throws ImportException {
        List<Fault> out = new ArrayList<>();
        ManifestNode stressors = spec.get("stressors").orElse(null);
        if (stressors != null) {
            Optional<ManifestNode> cpu = stressors.get("cpu");
            if (cpu.isPresent()) {
                extra(cpu.get(), Set.of("workers", "load"), "Faultline's cpu-stress has workers and load only");
                out.add(new StressFault.CpuStress(
                        (int) cpu.get().number("workers", 1), (int) cpu.get().number("load", 100)));
            }
            Optional<ManifestNode> mem = stressors.get("memory");
            if (mem.isPresent()) {
                extra(mem.get(), Set.of("workers", "size"), "Faultline's memory-stress has its size only");
                long workers = mem.get().number("workers", 1);
                ManifestNode size = mem.get().require("size");
                String text = size.text().strip();
                if (text.endsWith("%")) {
                    note(
                            mem.get(),
                            "size",
                            "left out: a share of the memory (" + text + ") has no Faultline"
                                    + " equivalent; give a size such as 256MB");
                } else {
                    long bytes;
                    try {
                        bytes = Sizes.parse(text.toLowerCase(Locale.ROOT), size.field());
                    } catch (IllegalArgumentException e) {
                        throw size.problem(String.valueOf(e.getMessage()));
                    }
                    if (workers > 1) {
                        note(
                                mem.get(),
                                "workers",
                                workers + " workers of " + text + " each became one of "
                                        + Sizes.format(bytes * workers));
                    }
                    out.add(new StressFault.MemoryStress(bytes * workers));
                }
            }
        }
        if (out.isEmpty()) {
            throw spec.problem("the StressChaos has no cpu or memory stressor Faultline can make");
        }
        return out;
    }

    private Optional<Fault> io(ManifestNode spec) throws ImportException {
        String action = spec.require("action").text();
        String volume = spec.require("volumePath").text();
        String path = spec.text("path", "");
        double probability = spec.number("percent", 100) / 100.0;
        return switch (action) {
            case "latency" ->
                Optional.of(
                        new FileSystemFault.IoLatency(nonNegative(spec.require("delay")), volume, path, probability));
            case "fault" ->
                Optional.of(new FileSystemFault.IoFault((int) spec.number("errno", 5), volume, path, probability));
            default -> {
                notes.add(new ConversionNote(
                        source,
                        "left out: Faultline's io faults delay or fail calls; IOChaos " + action
                                + " has no equivalent"));
                yield Optional.empty();
            }
        };
    }

    private Fault time(ManifestNode spec) throws ImportException {
        ManifestNode n = spec.require("timeOffset");
        Duration d = duration(n);
        Duration ms = Duration.ofMillis(d.toMillis());
        if (!ms.equals(d)) {
            notes.add(new ConversionNote(
                    source + " " + n.field(),
                    n.text() + " became " + GoDurations.format(ms)
                            + " (Faultline shifts the clock by whole milliseconds)"));
        }
        return new PodFault.TimeShift(ms);
    }

    private Optional<Fault> http(ManifestNode spec) throws ImportException {
        boolean response = spec.text("target", "Request").equals("Response");
        Map<String, String> addHeaders = new LinkedHashMap<>();
        int code = 0;
        String body = "";
        Optional<ManifestNode> replace = spec.get("replace");
        if (replace.isPresent()) {
            for (String key : replace.get().keys()) {
                switch (key) {
                    case "code" -> code = (int) replace.get().number("code", 0);
                    case "body" -> body = decode(replace.get().require("body"));
                    default -> note(replace.get(), key, "left out: Faultline's http fault cannot replace the " + key);
                }
            }
        }
        Optional<ManifestNode> patch = spec.get("patch");
        if (patch.isPresent()) {
            for (String key : patch.get().keys()) {
                if (key.equals("headers")) {
                    for (ManifestNode h : patch.get().items("headers")) {
                        List<ManifestNode> pair = h.items();
                        if (pair.size() != 2) {
                            throw h.problem("a patched header is a [name, value] pair");
                        }
                        if (addHeaders.put(pair.get(0).text(), pair.get(1).text()) != null) {
                            note(
                                    patch.get(),
                                    "headers",
                                    "header " + pair.get(0).text() + " is added once, with its last value");
                        }
                    }
                } else {
                    note(patch.get(), key, "left out: Faultline's http fault cannot patch the " + key);
                }
            }
        }
        if (!addHeaders.isEmpty() && !response) {
            note(
                    spec,
                    "patch",
                    "the headers are added to the response (Faultline adds headers to responses"
                            + " only), not to the request");
        }
        boolean abort = spec.flag("abort", false);
        Duration delay = spec.has("delay") ? nonNegative(spec.require("delay")) : Duration.ZERO;
        if (code == 0 && body.isEmpty() && addHeaders.isEmpty() && !abort && delay.isZero()) {
            notes.add(new ConversionNote(
                    source,
                    "left out: nothing of this HTTPChaos (" + String.join(", ", spec.keys())
                            + ") is an action Faultline's http fault makes (abort, delay, a replaced code or body,"
                            + " added headers)"));
            return Optional.empty();
        }
        String path = spec.text("path", "*");
        return Optional.of(new HttpFault(
                spec.text("method", ""),
                path.isEmpty() ? "*" : path,
                spec.textMap("request_headers"),
                code,
                delay,
                abort,
                body,
                false,
                addHeaders));
    }

    private static String decode(ManifestNode n) throws ImportException {
        try {
            return new String(Base64.getDecoder().decode(n.text().strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw n.problem("a replaced body is base64, as HTTPChaos takes it");
        }
    }

    private Optional<Fault> jvm(ManifestNode spec) throws ImportException {
        String action = spec.require("action").text();
        return switch (action) {
            case "exception" -> {
                JvmFault.JvmMethod m = method(spec);
                ManifestNode ex = spec.require("exception");
                Matcher mm = EXCEPTION.matcher(ex.text());
                if (!mm.matches()) {
                    throw ex.problem("'" + ex.text() + "' is not an exception, e.g. java.io.IOException(\"BOOM\")");
                }
                String message = mm.group(2) == null ? "" : unquote(mm.group(2).strip());
                yield Optional.of(new JvmFault.JvmException(m, mm.group(1), message));
            }
            case "latency" ->
                Optional.of(new JvmFault.JvmLatency(method(spec), Duration.ofMillis(spec.number("latency", 0))));
            case "return" -> {
                String v = spec.require("returnValue").text();
                yield Optional.of(new JvmFault.JvmReturn(method(spec), unquote(v)));
            }
            default -> {
                notes.add(new ConversionNote(
                        source,
                        "left out: Faultline's JVM faults throw, delay or return; JVMChaos " + action
                                + " has no equivalent"));
                yield Optional.empty();
            }
        };
    }

    private static JvmFault.JvmMethod method(ManifestNode spec) throws ImportException {
        return new JvmFault.JvmMethod(
                spec.require("class").text(), spec.require("method").text());
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? s.substring(1, s.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\")
                : s;
    }

    private static Duration nonNegative(ManifestNode n) throws ImportException {
        Duration d = duration(n);
        if (d.isNegative()) {
            throw n.problem("cannot be negative");
        }
        return d;
    }

    /** A percentage field, {@code "25"} or {@code 25}, as a share 0..1; 0 when absent. */
    private static double percent(ManifestNode parent, String key) throws ImportException {
        Optional<ManifestNode> n = parent.get(key);
        if (n.isEmpty()) {
            return 0;
        }
        String t = n.get().text().strip().replace("%", "");
        try {
            double v = Double.parseDouble(t);
            if (v < 0 || v > 100) {
                throw n.get().problem("a percentage is from 0 to 100, not " + t);
            }
            return v / 100.0;
        } catch (NumberFormatException e) {
            throw n.get().problem("'" + t + "' is not a percentage");
        }
    }

    private void extra(ManifestNode n, Set<String> known, String why) {
        for (String key : n.keys()) {
            if (!known.contains(key)) {
                note(n, key, "left out: " + why);
            }
        }
    }

    private void note(ManifestNode n, String key, String instead) {
        notes.add(new ConversionNote(source + " " + (n.field().isEmpty() ? key : n.field() + "." + key), instead));
    }
}
