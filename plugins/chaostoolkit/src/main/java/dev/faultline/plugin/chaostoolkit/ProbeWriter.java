package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.Numbers;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.Tolerance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * How the exporter writes a probe and its tolerance: as a Chaos Toolkit {@code http}, {@code process} or
 * {@code chaosprometheus} probe with a tolerance Chaos Toolkit checks, or as one that only has to
 * answer with the Faultline probe kept in the extension; and a command as a {@code process} provider.
 */
final class ProbeWriter {
    private ProbeWriter() {}

    static ObjectNode probeJson(Probe p) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("name", p.name());
        n.put("type", p.type());
        ObjectNode params = n.putObject("params");
        new TreeMap<>(p.params().values()).forEach(params::put);
        n.set("expect", ToleranceCodec.write(p.expect()));
        n.put("expectText", p.expectText());
        n.put("during", p.checkedDuring());
        return n;
    }

    /** Writes {@code p} as Chaos Toolkit computes it exactly; false when it cannot. */
    static boolean probe(ObjectNode a, Probe p) {
        a.put("type", "probe");
        a.put("name", p.name());
        ObjectNode provider = a.putObject("provider");
        switch (p.type()) {
            case "http" -> {
                if (!p.params().get("measure").orElse("latency").equals("status")) {
                    return false;
                }
                Optional<ArrayNode> statuses = statuses(p.expect());
                if (statuses.isEmpty()) {
                    return false;
                }
                provider.put("type", "http");
                provider.put("url", p.params().require("url"));
                p.params()
                        .get("method")
                        .filter(m -> !m.equalsIgnoreCase("GET"))
                        .ifPresent(m -> provider.put("method", m));
                if (p.params().has("timeout")) {
                    provider.set("timeout", Seconds.of(p.params().duration("timeout", Duration.ofSeconds(2))));
                }
                ArrayNode s = statuses.get();
                if (s.size() == 1) {
                    a.set("tolerance", s.get(0));
                } else {
                    a.set("tolerance", s);
                }
                return true;
            }
            case "command" -> {
                if (p.params().get("value").orElse("exit-code").equals("stdout")) {
                    if (p.expect() instanceof Tolerance.Range r) {
                        process(provider, Command.fromParams(p.params()));
                        ObjectNode t = a.putObject("tolerance");
                        t.put("type", "range");
                        t.putArray("range").add(r.min()).add(r.max());
                        t.put("target", "stdout");
                        return true;
                    }
                    return false;
                }
                Optional<ArrayNode> codes = statuses(p.expect());
                if (codes.isEmpty()) {
                    return false;
                }
                process(provider, Command.fromParams(p.params()));
                a.set("tolerance", codes.get().size() == 1 ? codes.get().get(0) : codes.get());
                return true;
            }
            case "prometheus" -> {
                if (!(p.expect() instanceof Tolerance.Exact x) || p.params().has("range")) {
                    return false;
                }
                provider.put("type", "python");
                provider.put("module", "chaosprometheus.probes");
                provider.put("func", "query");
                provider.putObject("arguments")
                        .put("query", p.params().require("query").strip());
                ObjectNode t = a.putObject("tolerance");
                t.put("type", "jsonpath");
                t.put("path", "$.data.result[0].value[1]");
                t.put("expect", Numbers.format(x.value()));
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The HTTP statuses or exit codes a tolerance accepts, when it is a short list of whole numbers. */
    static Optional<ArrayNode> statuses(Tolerance t) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        switch (t) {
            case Tolerance.Exact x -> {
                if (x.value() != Math.rint(x.value())) {
                    return Optional.empty();
                }
                a.add((long) x.value());
            }
            case Tolerance.Range r -> {
                if (r.min() != Math.rint(r.min()) || r.max() != Math.rint(r.max()) || r.max() - r.min() > 200) {
                    return Optional.empty();
                }
                for (long v = (long) r.min(); v <= (long) r.max(); v++) {
                    a.add(v);
                }
            }
            case Tolerance.Threshold th -> {
                return Optional.empty();
            }
            case Tolerance.Near n -> {
                return Optional.empty();
            }
        }
        return Optional.of(a);
    }

    /** A probe Chaos Toolkit cannot compute: the endpoint it reads answers, when it has one. */
    static void fallbackProbe(ObjectNode a, Probe p) {
        a.put("type", "probe");
        a.put("name", p.name());
        ObjectNode provider = a.putObject("provider");
        Optional<String> url = p.params().get("url");
        if (url.isPresent()) {
            provider.put("type", "http");
            provider.put("url", url.get());
            provider.put("timeout", 5);
            // a pair of numbers is a range in Chaos Toolkit only for plain values; for an HTTP answer it is a set
            ArrayNode ok = JsonNodeFactory.instance.arrayNode();
            for (int s = 200; s < 300; s++) {
                ok.add(s);
            }
            a.set("tolerance", ok);
        } else {
            Command c = p.type().equals("command")
                    ? Command.fromParams(p.params())
                    : new Command(List.of("true"), Duration.ofSeconds(5), null, Map.of());
            process(provider, c);
            a.put("tolerance", 0);
        }
    }

    static void process(ObjectNode provider, Command c) {
        provider.put("type", "process");
        List<String> argv = c.argv();
        if (c.directory() != null || !c.env().isEmpty()) {
            List<String> wrapped = new ArrayList<>(List.of("env"));
            if (c.directory() != null) {
                wrapped.add("-C");
                wrapped.add(c.directory());
            }
            new TreeMap<>(c.env()).forEach((k, v) -> wrapped.add(k + "=" + v));
            wrapped.addAll(argv);
            argv = wrapped;
        }
        provider.put("path", argv.getFirst());
        ArrayNode args = provider.putArray("arguments");
        argv.subList(1, argv.size()).forEach(args::add);
        provider.set("timeout", Seconds.of(c.timeout()));
    }
}
