package dev.faultline.plugin.chaosmesh.interop;

import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import dev.faultline.engine.spi.interop.ImportException;
import dev.faultline.plugin.kube.interop.ManifestNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A chaos spec's {@code selector} and {@code containerNames} as a Faultline {@code pods} target,
 * and its {@code mode}/{@code value} as the step's share or the target's pod count.
 */
final class ChaosSelectors {
    private static final Set<String> UNSUPPORTED =
            Set.of("expressionSelectors", "annotationSelectors", "nodeSelectors", "nodes", "podPhaseSelectors");

    private ChaosSelectors() {}

    /** Where the spec's pods are, and how many of them: the target and the step's share. */
    record Selection(Target target, double share) {}

    static Selection read(ManifestNode spec, String namespace, String source, List<ConversionNote> notes)
            throws ImportException {
        Map<String, String> p = new TreeMap<>();
        ManifestNode selector =
                spec.get("selector").orElseThrow(() -> spec.problem("it has no 'selector': which pods to fault?"));
        List<String> namespaces = selector.texts("namespaces");
        String ns = namespaces.isEmpty() ? namespace : namespaces.getFirst();
        if (namespaces.size() > 1) {
            notes.add(new ConversionNote(
                    source + " " + selector.field() + ".namespaces",
                    "a Faultline target is in one namespace: kept " + ns + ", left out "
                            + String.join(", ", namespaces.subList(1, namespaces.size()))));
        }
        Map<String, String> labels = selector.textMap("labelSelectors");
        if (!labels.isEmpty()) {
            p.put("labels", pairs(labels));
        }
        Map<String, String> fields = selector.textMap("fieldSelectors");
        if (!fields.isEmpty()) {
            p.put("fieldSelectors", pairs(fields));
        }
        ManifestNode pods = selector.get("pods").orElse(null);
        if (pods != null) {
            List<String> names = new ArrayList<>();
            List<String> podNamespaces = pods.keys();
            for (String podNs : podNamespaces) {
                names.addAll(pods.texts(podNs));
            }
            if (!podNamespaces.isEmpty()) {
                ns = podNamespaces.getFirst();
                p.put("podNames", String.join(",", names));
            }
            if (podNamespaces.size() > 1) {
                notes.add(new ConversionNote(
                        source + " " + pods.field(),
                        "a Faultline target is in one namespace: all the pods named are looked for in " + ns));
            }
        }
        for (String key : selector.keys()) {
            if (UNSUPPORTED.contains(key)) {
                notes.add(new ConversionNote(
                        source + " " + selector.field() + "." + key,
                        "left out: a Faultline pods target selects by namespace, labels, fieldSelectors and"
                                + " pod names only"));
            }
        }
        if (!p.containsKey("labels") && !p.containsKey("fieldSelectors") && !p.containsKey("podNames")) {
            p.put("fieldSelectors", "metadata.namespace=" + ns);
            notes.add(new ConversionNote(
                    source + " " + selector.field(),
                    "selects every pod of namespace " + ns + ": written as fieldSelectors"
                            + " {metadata.namespace: " + ns + "} (Faultline never selects a whole namespace by"
                            + " default)"));
        }
        p.put("namespace", ns);
        List<String> containers = spec.texts("containerNames");
        if (!containers.isEmpty()) {
            p.put("container", containers.getFirst());
            if (containers.size() > 1) {
                notes.add(new ConversionNote(
                        source + " " + spec.field() + ".containerNames",
                        "a Faultline target names one container: kept " + containers.getFirst()));
            }
        }
        double share = 1.0;
        String mode = spec.text("mode", "all");
        String value = spec.text("value", "");
        switch (mode) {
            case "all" -> {}
            case "one" -> p.put("count", "1");
            case "fixed" -> p.put("count", Integer.toString(whole(spec, value, 1, Integer.MAX_VALUE)));
            case "fixed-percent" -> share = whole(spec, value, 1, 100) / 100.0;
            case "random-max-percent" -> {
                share = whole(spec, value, 1, 100) / 100.0;
                notes.add(new ConversionNote(
                        source + " " + spec.field() + ".mode",
                        "random-max-percent " + value + " (a random share up to " + value
                                + "%) became a share of exactly " + value + "%"));
            }
            default ->
                throw spec.get("mode")
                        .orElseThrow()
                        .problem("mode '" + mode + "' is not one of one, all, fixed, fixed-percent,"
                                + " random-max-percent");
        }
        return new Selection(new Target("pods", new Params(p)), share);
    }

    private static int whole(ManifestNode spec, String value, int min, int max) throws ImportException {
        ManifestNode at = spec.get("value").orElse(spec);
        try {
            int v = Integer.parseInt(value.strip());
            if (v < min || v > max) {
                throw at.problem("value " + v + " is out of range for mode " + spec.text("mode", ""));
            }
            return v;
        } catch (NumberFormatException e) {
            throw at.problem(
                    "mode " + spec.text("mode", "") + " needs a whole number as its value, not '" + value + "'");
        }
    }

    /** {@code {app: payment, tier: web}} as {@code app=payment,tier=web}, sorted, as runbooks keep it. */
    static String pairs(Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(m)
                .forEach((k, v) ->
                        b.append(b.isEmpty() ? "" : ",").append(k).append('=').append(v));
        return b.toString();
    }
}
