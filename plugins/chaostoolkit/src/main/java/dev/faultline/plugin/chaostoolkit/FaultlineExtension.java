package dev.faultline.plugin.chaostoolkit;

import dev.faultline.engine.model.BlastRadius;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.model.Hypothesis;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.model.Probe;
import dev.faultline.engine.model.StopCondition;
import dev.faultline.engine.model.Timing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The {@code faultline} extension an exported experiment carries: timing, blast radius, stop
 * conditions, read back as they were written.
 */
final class FaultlineExtension {
    private FaultlineExtension() {}

    static Timing timing(JsonNode t) {
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

    static BlastRadius blastRadius(JsonNode b) {
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

    static List<StopCondition> stopConditions(JsonNode list, Hypothesis h) {
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
}
