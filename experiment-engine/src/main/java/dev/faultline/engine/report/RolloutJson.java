package dev.faultline.engine.report;

import dev.faultline.engine.spi.run.RolloutResult;
import dev.faultline.engine.spi.run.RolloutResult.ProbeFigures;
import dev.faultline.engine.spi.run.RolloutResult.Stage;
import dev.faultline.engine.spi.run.RolloutResult.Verdict;
import dev.faultline.engine.spi.run.SampleStats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads back the {@code rollouts} of a result JSON ({@link ResultJson}): a run's end kept on disk
 * while the database was out is recorded later from that JSON alone, its rollout stages too.
 */
public final class RolloutJson {
    private RolloutJson() {}

    /** The rollouts of a result JSON's root; none when it has none (an end shortened for a full disk). */
    public static List<RolloutResult> read(JsonNode result) {
        List<RolloutResult> out = new ArrayList<>();
        for (JsonNode o : result.path("rollouts")) {
            List<Stage> stages = new ArrayList<>();
            for (JsonNode s : o.path("stages")) {
                List<ProbeFigures> probes = new ArrayList<>();
                for (JsonNode p : s.path("probes")) {
                    probes.add(new ProbeFigures(
                            p.path("name").asString(),
                            p.path("expect").asString(),
                            new SampleStats(
                                    p.path("samples").asInt(),
                                    p.path("failedReads").asInt(),
                                    p.path("outsideTolerance").asInt(),
                                    number(p.path("mean")),
                                    number(p.path("min")),
                                    number(p.path("max")))));
                }
                stages.add(new Stage(
                        s.path("stage").asInt(),
                        s.path("share").asDouble(),
                        Instant.parse(s.path("startedAt").asString()),
                        Instant.parse(s.path("endedAt").asString()),
                        s.path("applied").asString(),
                        Duration.ofNanos(Math.round(s.path("applyMs").asDouble() * 1e6)),
                        Verdict.valueOf(s.path("verdict").asString()),
                        probes,
                        s.path("detail").asString(),
                        s.path("targets").asInt(0)));
            }
            out.add(new RolloutResult(
                    o.path("step").asString(),
                    o.path("target").asString(),
                    o.path("fault").asString(),
                    o.path("stagesPlanned").asInt(),
                    stages));
        }
        return out;
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
