package dev.faultline.engine.report;

import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each experiment's resilience score over time: one point per recorded run that has a score, the
 * score the reports give the run ({@link ResilienceScore}, computed from the result the store keeps),
 * oldest first. Runs without one (aborted, still running, crashed without samples) are left out.
 */
public final class ScoreHistory {
    /** One run's score. */
    public record Point(String runId, Instant at, double score) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScoreHistory() {}

    /**
     * The scores of {@code experiments}' runs among the newest {@code lookBack} runs, oldest first.
     * An experiment without a scored run is present with no points.
     */
    public static Map<String, List<Point>> of(FaultlineStore store, Collection<String> experiments, int lookBack)
            throws StoreException {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        experiments.forEach(e -> out.put(e, new ArrayList<>()));
        for (RunRecord r : store.recentRuns(lookBack)) {
            List<Point> points = out.get(r.experimentName());
            if (points == null || r.status().equals("RUNNING")) {
                continue;
            }
            score(r, store.resultJson(r.id()).orElse("{}"))
                    .ifPresent(s -> points.add(new Point(r.id(), r.startedAt(), s)));
        }
        out.values().forEach(points -> points.sort(Comparator.comparing(Point::at)));
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }

    private static Optional<Double> score(RunRecord r, String resultJson) {
        JsonNode root;
        try {
            root = JSON.readTree(resultJson.isBlank() ? "{}" : resultJson);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        return ReportAssembler.experimentScore(r.status(), root).map(ResilienceScore.Explanation::score);
    }
}
