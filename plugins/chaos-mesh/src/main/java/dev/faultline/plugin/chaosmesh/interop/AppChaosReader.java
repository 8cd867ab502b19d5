package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.HttpFault;
import dev.faultline.engine.model.JvmFault;
import dev.faultline.engine.model.NetworkFault;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.GoDurations;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTTPChaos, DNSChaos, TimeChaos and JVMChaos specs as Faultline faults: what the application sees. */
final class AppChaosReader extends ChaosKindReader {
    private static final Pattern EXCEPTION = Pattern.compile("\\s*([\\w.$]+)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);

    AppChaosReader(String source, List<ConversionNote> notes) {
        super(source, notes);
    }

    Fault dns(ManifestNode spec) throws ImportException {
        return new NetworkFault.DnsFault(spec.text("action", "error"), spec.texts("patterns"));
    }

    Fault time(ManifestNode spec) throws ImportException {
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

    Optional<Fault> http(ManifestNode spec) throws ImportException {
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

    Optional<Fault> jvm(ManifestNode spec) throws ImportException {
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
}
