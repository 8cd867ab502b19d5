package dev.faultline.engine.runbook;

import dev.faultline.engine.model.Limits;
import dev.faultline.engine.model.Rollout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a fault step's {@code rollout}: {@code stages} (shares, increasing) or {@code targets}
 * (counts of targets, increasing), {@code hold} (a
 * duration) and {@code check} ({@code hypothesis}, the default, or a list of hypothesis probes).
 * Each problem is reported at the stage or field it concerns.
 */
final class RolloutReader {
    /** What {@code check} says when it checks the whole hypothesis. */
    static final String HYPOTHESIS = "hypothesis";

    private final Problems problems;

    RolloutReader(Problems problems) {
        this.problems = problems;
    }

    @Nullable
    Rollout read(JsonNode n, String path) {
        boolean counts = n.has("targets");
        if (counts && n.has("stages")) {
            problems.at(
                    LocatedTree.child(path, "targets"),
                    "a rollout has stages (shares) or targets (counts), not both; remove one");
            return null;
        }
        List<Double> stages = counts
                ? counts(n.path("targets"), LocatedTree.child(path, "targets"))
                : stages(n.path("stages"), LocatedTree.child(path, "stages"));
        Duration hold = problems.duration(n, path, "hold", null, Limits.SPAN_MAX);
        List<String> check = check(n.get("check"), LocatedTree.child(path, "check"));
        if (stages == null || hold == null || check == null) {
            return null;
        }
        Rollout.Unit unit = counts ? Rollout.Unit.TARGETS : Rollout.Unit.SHARE;
        return problems.build(path, () -> new Rollout(stages, hold, check, unit));
    }

    /** {@code targets: [1, 2, 5]}: whole counts of targets, increasing. */
    private @Nullable List<Double> counts(JsonNode n, String path) {
        if (!n.isArray() || n.isEmpty()) {
            problems.at(path, "a rollout over targets needs its counts, e.g. targets: [1, 2, 5]");
            return null;
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode v = n.get(i);
            if (!v.isIntegralNumber() || v.asLong() < 1 || v.asLong() > Rollout.MAX_TARGETS) {
                problems.at(
                        at,
                        "a stage's targets is a whole count from 1 to " + Rollout.MAX_TARGETS + ", not '"
                                + (v.isString() ? v.asString() : v.toString()) + "'");
                ok = false;
                continue;
            }
            double c = v.asLong();
            if (!out.isEmpty() && c <= out.getLast()) {
                problems.at(
                        at,
                        "targets must increase: " + Rollout.targets((int) c) + " is not more than the stage before ("
                                + Rollout.targets(out.getLast().intValue()) + ")");
                ok = false;
            }
            out.add(c);
        }
        return ok ? out : null;
    }

    private @Nullable List<Double> stages(JsonNode n, String path) {
        if (!n.isArray() || n.isEmpty()) {
            problems.at(path, "a rollout needs its stages, e.g. stages: [5%, 25%, 100%]");
            return null;
        }
        List<Double> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < n.size(); i++) {
            String at = path + "[" + i + "]";
            try {
                double s = Shares.parse(n.get(i));
                if (s == 0) {
                    problems.at(at, "a stage must be above 0%");
                    ok = false;
                } else if (!out.isEmpty() && s <= out.getLast()) {
                    problems.at(
                            at,
                            "stages must increase: " + Rollout.percent(s) + " is not wider than the stage before ("
                                    + Rollout.percent(out.getLast()) + ")");
                    ok = false;
                }
                out.add(s);
            } catch (IllegalArgumentException e) {
                problems.at(at, e);
                ok = false;
            }
        }
        return ok ? out : null;
    }

    private @Nullable List<String> check(@Nullable JsonNode n, String path) {
        if (n == null || n.isNull() || (n.isString() && n.asString().equals(HYPOTHESIS))) {
            return List.of();
        }
        if (n.isArray() && !n.isEmpty()) {
            List<String> names = new ArrayList<>();
            n.forEach(v -> names.add(v.asString()));
            return names;
        }
        problems.at(
                path, "check is 'hypothesis' (the default) or a list of hypothesis probes, e.g. [order-success-ratio]");
        return null;
    }
}
