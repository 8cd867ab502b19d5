package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.Command;
import dev.faultline.engine.model.CommandStep;
import dev.faultline.engine.model.Fault;
import dev.faultline.engine.model.MethodStep;
import dev.faultline.engine.model.PodFault;
import dev.faultline.engine.model.ProxyFault;
import dev.faultline.engine.model.Rollout;
import dev.faultline.engine.model.Target;
import dev.faultline.engine.spi.interop.ConversionNote;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Chaos Toolkit activities of one method step: a fault as the actions of the extension that
 * drives its kind (Toxiproxy, Kubernetes, a Chaos Mesh resource), a rolled-out fault at its widest
 * stage, and a note for whatever Chaos Toolkit cannot express.
 */
final class StepActions {
    private StepActions() {}

    /** The activities of one step: none (with a note) when Chaos Toolkit cannot express it. */
    static Optional<List<ObjectNode>> step(MethodStep s, List<ConversionNote> notes) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (s) {
            case MethodStep.WaitStep w -> {
                ObjectNode a = f.objectNode();
                a.put("type", "action");
                a.put("name", w.name());
                ProbeWriter.process(
                        a.putObject("provider"), new Command(List.of("true"), Duration.ofSeconds(5), null, Map.of()));
                a.withObject("pauses").set("after", Seconds.of(w.duration()));
                notes.add(new ConversionNote(
                        "wait " + w.name(),
                        "in a parallel lane: exported as a background action that does nothing, then pauses"));
                yield Optional.of(List.of(a));
            }
            case MethodStep.WaitUntilStep u -> {
                notes.add(new ConversionNote(
                        "wait-until " + u.name(), "left out: Chaos Toolkit cannot wait for a probe to hold"));
                yield Optional.empty();
            }
            case CommandStep c -> {
                ObjectNode a = f.objectNode();
                a.put("type", "action");
                a.put("name", c.name());
                ProbeWriter.process(a.putObject("provider"), c.command());
                yield Optional.of(List.of(a));
            }
            case MethodStep.FaultStep fs -> fault(fs, notes);
        };
    }

    /**
     * A fault step's actions; a rolled-out one at its widest stage (Chaos Toolkit has no stages): a
     * count of targets as the count of pods it picks, and left out where no action takes a count.
     */
    private static Optional<List<ObjectNode>> fault(MethodStep.FaultStep fs, List<ConversionNote> notes) {
        String source = "fault step " + fs.name();
        Rollout r = fs.rollout();
        if (r == null) {
            return widest(fs, notes);
        }
        MethodStep.FaultStep widest = fs;
        if (r.countsTargets()) {
            boolean pods = fs.target().kind().equals("pods");
            if (!pods || fs.target().selector().has("count")) {
                notes.add(new ConversionNote(
                        source,
                        pods
                                ? "left out: its target picks "
                                        + fs.target().selector().require("count")
                                        + " pods and its rollout counts targets too; keep one of them"
                                : "left out: its rollout hits counts of targets (" + r.describe()
                                        + "), and Chaos Toolkit's actions on a "
                                        + fs.target().kind()
                                        + " target take a share, not a count"));
                return Optional.empty();
            }
            widest = MethodStep.FaultStep.rolledOut(
                    fs.name(),
                    fs.lane(),
                    fs.at(),
                    fs.backend(),
                    fs.fault(),
                    new Target(
                            fs.target().kind(),
                            fs.target()
                                    .selector()
                                    .with(
                                            "count",
                                            Integer.toString(
                                                    r.targetsAt(r.stages().size() - 1)))),
                    r);
        }
        Optional<List<ObjectNode>> actions = widest(widest, notes);
        if (actions.isPresent()) {
            notes.add(new ConversionNote(
                    source,
                    "exported at its widest stage, " + r.label(r.stages().size() - 1)
                            + ": Chaos Toolkit has no progressive rollout"
                            + (r.stages().size() > 1
                                    ? "; left out: the stages before it (" + r.narrower()
                                            + ") and the check at each stage's end"
                                    : "")));
        }
        return actions;
    }

    private static Optional<List<ObjectNode>> widest(MethodStep.FaultStep fs, List<ConversionNote> notes) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Fault fault = fs.fault();
        String source = "fault step " + fs.name();
        ObjectNode create = f.objectNode();
        create.put("type", "action");
        create.put("name", fs.name());
        ObjectNode cp = create.putObject("provider");
        cp.put("type", "python");
        ObjectNode delete = f.objectNode();
        delete.put("type", "action");
        delete.put("name", fs.name() + "-revert");
        ObjectNode dp = delete.putObject("provider");
        dp.put("type", "python");
        if (fault instanceof ProxyFault pf && fs.target().kind().equals("proxy")) {
            String proxy = fs.target().selector().get("name").orElse("");
            if (pf instanceof ProxyFault.Down) {
                cp.put("module", "chaostoxi.proxy.actions").put("func", "disable_proxy");
                cp.putObject("arguments").put("proxy_name", proxy);
                dp.put("module", "chaostoxi.proxy.actions").put("func", "enable_proxy");
                dp.putObject("arguments").put("proxy_name", proxy);
                if (fs.share() < 1) {
                    notes.add(new ConversionNote(
                            source,
                            "a proxy taken down for " + dev.faultline.engine.model.Rollout.percent(fs.share())
                                    + " of connections: Chaos Toolkit disables the whole proxy"));
                }
            } else {
                ObjectNode args = cp.put("module", "chaostoxi.toxic.actions")
                        .put("func", "create_toxic")
                        .putObject("arguments");
                args.put("for_proxy", proxy);
                args.put("toxic_name", fs.name());
                args.put("toxic_type", Toxics.type(pf));
                args.put("stream", "downstream");
                args.put("toxicity", fs.share());
                args.set("attributes", Toxics.attributes(pf));
                dp.put("module", "chaostoxi.toxic.actions").put("func", "delete_toxic");
                dp.putObject("arguments").put("for_proxy", proxy).put("toxic_name", fs.name());
                if (pf instanceof ProxyFault.Latency l && l.correlation() > 0) {
                    notes.add(new ConversionNote(source, "its latency correlation was left out: Toxiproxy has none"));
                }
            }
            if (!fs.backend().equals("toxiproxy")) {
                notes.add(new ConversionNote(
                        source,
                        "runs on backend '" + fs.backend() + "': Chaos Toolkit drives it as a Toxiproxy proxy named '"
                                + proxy + "'"));
            }
            create.withObject("pauses").set("after", Seconds.of(fs.duration()));
            return Optional.of(List.of(create, delete));
        }
        if (fault instanceof PodFault.PodKill k
                && fs.target().kind().equals("pods")
                && fs.target().selector().has("labels")) {
            ObjectNode args = cp.put("module", "chaosk8s.pod.actions")
                    .put("func", "terminate_pods")
                    .putObject("arguments");
            args.put("label_selector", fs.target().selector().require("labels"));
            args.put("ns", fs.target().selector().get("namespace").orElse("default"));
            Optional<String> count = fs.target().selector().get("count");
            if (count.isPresent()) {
                args.put("qty", Integer.parseInt(count.get()));
            } else if (fs.share() < 1) {
                args.put("mode", "percentage");
                args.put("qty", Math.round(fs.share() * 100));
            } else {
                args.put("all", true);
            }
            args.put("grace_period", k.gracePeriod().toSeconds());
            create.withObject("pauses").set("after", Seconds.of(fs.duration()));
            return Optional.of(List.of(create));
        }
        Optional<ObjectNode> resource =
                ChaosMeshResources.write(fs.name(), fault, fs.target(), fs.share(), fs.duration());
        if (resource.isPresent()) {
            for (String key : fs.target().selector().values().keySet()) {
                if (!List.of("namespace", "labels", "podNames", "count").contains(key)) {
                    notes.add(new ConversionNote(
                            source,
                            "left out: its target's " + key + " '"
                                    + fs.target().selector().require(key)
                                    + "' (the Chaos Mesh resource selects whole pods)"));
                }
            }
            String ns = fs.target().selector().get("namespace").orElse("default");
            String kind = resource.get().get("kind").asString();
            ObjectNode args = cp.put("module", "chaosk8s.crd.actions")
                    .put("func", "create_custom_object")
                    .putObject("arguments");
            args.put("group", ChaosMeshResources.GROUP)
                    .put("version", ChaosMeshResources.VERSION)
                    .put("plural", ChaosMeshResources.plural(kind))
                    .put("ns", ns);
            args.set("resource", resource.get());
            dp.put("module", "chaosk8s.crd.actions").put("func", "delete_custom_object");
            dp.putObject("arguments")
                    .put("group", ChaosMeshResources.GROUP)
                    .put("version", ChaosMeshResources.VERSION)
                    .put("plural", ChaosMeshResources.plural(kind))
                    .put("name", fs.name())
                    .put("ns", ns);
            create.withObject("pauses").set("after", Seconds.of(fs.duration()));
            return Optional.of(List.of(create, delete));
        }
        notes.add(new ConversionNote(
                source,
                "left out: Chaos Toolkit has no " + fault.type() + " fault on a "
                        + fs.target().kind() + " target (" + fault.describe() + ")"));
        return Optional.empty();
    }
}
