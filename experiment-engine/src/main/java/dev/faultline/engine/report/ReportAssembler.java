package dev.faultline.engine.report;

import dev.faultline.engine.model.GameDay;
import dev.faultline.engine.model.Tolerance;
import dev.faultline.engine.runbook.RunbookException;
import dev.faultline.engine.runbook.RunbookLoader;
import dev.faultline.engine.runbook.ToleranceParser;
import dev.faultline.engine.store.AuditTrail;
import dev.faultline.engine.store.EventRecord;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.GameDayRunRecord;
import dev.faultline.engine.store.RetroStore;
import dev.faultline.engine.store.RunRecord;
import dev.faultline.engine.store.SampleSeries;
import dev.faultline.engine.store.SharedKillSwitch;
import dev.faultline.engine.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Gathers a {@link Report} from the database: a GameDay run (by id, or the latest of a GameDay's name) or one run. */
public final class ReportAssembler {
    private final FaultlineStore store;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReportAssembler(FaultlineStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code id}: a GameDay run's id, a GameDay's name (its latest run) or a run's id. */
    public Report assemble(String id, ZoneId zone) throws ReportException, StoreException {
        Optional<GameDayRunRecord> day = store.gameDays().find(id);
        if (day.isEmpty()) {
            day = store.gameDays().latestOf(id);
        }
        if (day.isPresent()) {
            return gameDay(day.get(), zone);
        }
        Optional<RunRecord> run = store.findRun(id);
        if (run.isPresent()) {
            return run(run.get(), zone);
        }
        throw new ReportException("no GameDay run, GameDay or run is called '" + id + "': see 'faultline gameday list'"
                + " and 'faultline runs'");
    }

    private Report gameDay(GameDayRunRecord d, ZoneId zone) throws ReportException, StoreException {
        if (d.runIds().isEmpty()) {
            throw new ReportException(
                    "GameDay run " + d.id() + " (" + d.title() + ") has no experiment runs yet: nothing to"
                            + " report. Run it with 'faultline gameday run FILE' first");
        }
        GameDay plan = null;
        Optional<String> text = store.gameDays().runbookOf(d.id());
        if (text.isPresent()) {
            try {
                plan = new RunbookLoader()
                        .parseGameDay(text.get(), d.name() + ".yaml")
                        .gameDay();
            } catch (RunbookException e) {
                plan = null; // an older schema: the report goes without objectives and participants
            }
        }
        List<Report.Experiment> experiments = new ArrayList<>();
        List<Report.TimelineEntry> timeline = new ArrayList<>();
        timeline.add(new Report.TimelineEntry(
                d.startedAt(), d.id(), "gameday-started", "GameDay " + d.title() + " started"));
        RetroStore retro = store.retro();
        List<ExperimentOutcome> verdicts = retro.outcomes(d.runIds());
        Map<String, List<SampleSeries>> samples = store.series(d.runIds());
        for (String runId : d.runIds()) {
            Optional<RunRecord> r = store.findRun(runId);
            if (r.isPresent()) {
                experiments.add(experiment(r.get(), verdicts, timeline, samples.getOrDefault(runId, List.of())));
            }
        }
        if (d.endedAt() != null) {
            timeline.add(new Report.TimelineEntry(
                    d.endedAt(), d.id(), "gameday-finished", "GameDay " + d.status() + ": " + d.reason()));
        }
        List<String> subjects = new ArrayList<>(d.runIds());
        subjects.add(d.id());
        List<Observation> observations = retro.observations(subjects);
        observations.forEach(o -> timeline.add(
                new Report.TimelineEntry(o.at(), o.subject(), "observation", o.author() + ": " + o.text())));
        audit(subjects, d.startedAt(), d.endedAt(), timeline);
        timeline.sort(Comparator.comparing(Report.TimelineEntry::at));
        Retrospective r = new Retrospective(
                observations,
                retro.findings(d.id(), d.runIds()),
                verdicts,
                retro.lessons(d.id()),
                retro.actionItems(d.id()));
        Double score = score(experiments);
        List<ResilienceScore.Point> trend = trend(d.name(), d.id(), score);
        List<Report.Skipped> skipped = plan == null
                ? List.of()
                : SkippedExperiments.of(plan, store.gameDays().startedPositions(d.id()));
        return new Report(
                d.id(),
                true,
                d.name(),
                d.title(),
                plan == null ? "" : plan.description(),
                d.environment(),
                d.status(),
                d.reason(),
                plan == null ? null : plan.scheduledStart(),
                d.startedAt(),
                d.endedAt(),
                plan == null ? List.of() : plan.objectives(),
                plan == null ? List.of() : plan.participants(),
                experiments,
                timeline,
                r,
                retro.openActionItems(d.id()),
                score,
                trend,
                clock.instant(),
                zone,
                skipped);
    }

    /**
     * On a team's shared store, the audit trail on the timeline: who started, halted, released and
     * edited what (the subjects' entries, and the team kill switch's while the subject ran). A
     * single person's report (H2) stays as it was.
     */
    private void audit(List<String> subjects, Instant from, @Nullable Instant to, List<Report.TimelineEntry> timeline)
            throws StoreException {
        if (!store.shared()) {
            return;
        }
        List<String> about = new ArrayList<>(subjects);
        about.add(SharedKillSwitch.AUDIT_SUBJECT);
        for (AuditTrail.Entry a : store.audit().about(about)) {
            boolean switchOutside = a.subject().equals(SharedKillSwitch.AUDIT_SUBJECT)
                    && (a.at().isBefore(from) || (to != null && a.at().isAfter(to)));
            if (!switchOutside) {
                timeline.add(new Report.TimelineEntry(
                        a.at(),
                        a.subject(),
                        "audit",
                        a.login() + "@" + a.host() + " " + a.action()
                                + (a.detail().isEmpty() ? "" : ": " + a.detail())));
            }
        }
    }

    private Report run(RunRecord run, ZoneId zone) throws StoreException {
        List<Report.TimelineEntry> timeline = new ArrayList<>();
        RetroStore retro = store.retro();
        List<ExperimentOutcome> verdicts = retro.outcomes(List.of(run.id()));
        Report.Experiment e = experiment(run, verdicts, timeline, store.series(run.id()));
        List<Observation> observations = retro.observations(List.of(run.id()));
        observations.forEach(o -> timeline.add(
                new Report.TimelineEntry(o.at(), o.subject(), "observation", o.author() + ": " + o.text())));
        audit(List.of(run.id()), run.startedAt(), run.endedAt(), timeline);
        timeline.sort(Comparator.comparing(Report.TimelineEntry::at));
        Retrospective r =
                new Retrospective(observations, retro.findings("", List.of(run.id())), verdicts, List.of(), List.of());
        return new Report(
                run.id(),
                false,
                run.experimentName(),
                run.experimentName(),
                "",
                run.environment(),
                run.status(),
                run.summary() == null ? "" : run.summary(),
                null,
                run.startedAt(),
                run.endedAt(),
                List.of(),
                List.of(),
                List.of(e),
                timeline,
                r,
                List.of(),
                e.score(),
                List.of(),
                clock.instant(),
                zone,
                List.of());
    }

    private @Nullable Double score(List<Report.Experiment> experiments) {
        List<Double> scores = experiments.stream()
                .map(Report.Experiment::score)
                .filter(s -> s != null)
                .toList();
        OptionalDouble s = ResilienceScore.gameDay(scores);
        return s.isPresent() ? s.getAsDouble() : null;
    }

    /** The GameDay's score in each of its earlier runs, and this one. */
    private List<ResilienceScore.Point> trend(String name, String currentId, @Nullable Double current)
            throws StoreException {
        List<ResilienceScore.Point> out = new ArrayList<>();
        for (GameDayRunRecord earlier : store.gameDays().history(name)) {
            if (earlier.id().equals(currentId)) {
                if (current != null) {
                    out.add(new ResilienceScore.Point(currentId, earlier.startedAt(), current));
                }
                continue;
            }
            List<Double> scores = new ArrayList<>();
            for (String runId : earlier.runIds()) {
                Optional<String> rj = store.resultJson(runId);
                Optional<RunRecord> rr = store.findRun(runId);
                if (rj.isPresent() && rr.isPresent()) {
                    JsonNode root = parse(rj.get());
                    experimentScore(rr.get().status(), root)
                            .map(ResilienceScore.Explanation::score)
                            .ifPresent(scores::add);
                }
            }
            OptionalDouble s = ResilienceScore.gameDay(scores);
            if (s.isPresent()) {
                out.add(new ResilienceScore.Point(earlier.id(), earlier.startedAt(), s.getAsDouble()));
            }
        }
        return out;
    }

    private Report.Experiment experiment(
            RunRecord run,
            List<ExperimentOutcome> verdicts,
            List<Report.TimelineEntry> timeline,
            List<SampleSeries> samples)
            throws StoreException {
        JsonNode root = parse(store.resultJson(run.id()).orElse("{}"));
        List<Report.ProbeFigures> probes = probeFigures(root);
        Map<String, String> expects = new LinkedHashMap<>();
        for (JsonNode p : root.path("probes")) {
            expects.put(p.path("name").asString(), p.path("expect").asString());
        }
        List<Report.FaultSpan> faults = new ArrayList<>();
        for (JsonNode f : root.path("faults")) {
            Instant from = instant(f.path("injectedAt"));
            if (from != null) {
                Instant to = instant(f.path("revertedAt"));
                faults.add(new Report.FaultSpan(
                        f.path("step").asString(),
                        f.path("target").asString(),
                        f.path("fault").asString(),
                        from,
                        to != null ? to : instant(f.path("endedAt"))));
            }
        }
        for (EventRecord e : store.events(run.id())) {
            if (!e.type().equals("sample")) {
                timeline.add(new Report.TimelineEntry(e.at(), run.id(), e.type(), e.text()));
            }
        }
        List<Report.Series> series = series(samples, expects);
        ExperimentOutcome verdict = verdicts.stream()
                .filter(v -> v.runId().equals(run.id()))
                .findFirst()
                .orElse(null);
        Optional<ResilienceScore.Explanation> score = experimentScore(run.status(), root);
        return new Report.Experiment(
                run.id(),
                run.experimentName(),
                run.status(),
                root.path("reason").asString(run.summary() == null ? "" : run.summary()),
                run.startedAt(),
                run.endedAt(),
                root.path("impact").asString(""),
                probes,
                faults,
                series,
                verdict,
                score.map(ResilienceScore.Explanation::score).orElse(null),
                score.orElse(null),
                store.rollouts(run.id()));
    }

    /** A stored result's probe figures; a kill-switch halt skips the final check: within tolerance till then is held. */
    static List<Report.ProbeFigures> probeFigures(JsonNode root) {
        boolean byKillSwitch = root.path("haltedBy").has("killSwitch");
        List<Report.ProbeFigures> probes = new ArrayList<>();
        for (JsonNode p : root.path("probes")) {
            boolean held = p.path("held").asBoolean();
            probes.add(new Report.ProbeFigures(
                    p.path("name").asString(),
                    p.path("expect").asString(),
                    held || byKillSwitch && !leftTolerance(p),
                    num(p.path("baseline").path("mean")),
                    num(p.path("during").path("mean")),
                    num(p.path("after").path("mean")),
                    num(p.path("deviation")),
                    p.path("impact").asString(""),
                    p.path("recovered").asBoolean(),
                    p.path("recoveryTimeMs").isNumber()
                            ? p.path("recoveryTimeMs").asLong()
                            : null));
        }
        return probes;
    }

    private static boolean leftTolerance(JsonNode probe) {
        return probe.path("during").path("outsideTolerance").asInt() > 0
                || probe.path("after").path("outsideTolerance").asInt() > 0;
    }

    static Optional<ResilienceScore.Explanation> experimentScore(String status, JsonNode root) {
        List<ResilienceScore.ProbeOutcome> outcomes = new ArrayList<>();
        // the kill switch skips the final verification: a probe has not "held", but whether it left
        // its tolerance until the halt is in its samples
        boolean byKillSwitch = root.path("haltedBy").has("killSwitch");
        for (JsonNode p : root.path("probes")) {
            boolean held = p.path("held").asBoolean();
            boolean left = !held && !byKillSwitch || leftTolerance(p);
            Long ms = p.path("recoveryTimeMs").isNumber()
                    ? p.path("recoveryTimeMs").asLong()
                    : null;
            outcomes.add(new ResilienceScore.ProbeOutcome(
                    held, left, p.path("recovered").asBoolean(), ms == null ? null : Duration.ofMillis(ms)));
        }
        return ResilienceScore.explain(
                root.path("outcome").asString(status),
                outcomes,
                root.path("haltedBy").path("expected").asBoolean(false),
                byKillSwitch);
    }

    private static List<Report.Series> series(List<SampleSeries> samples, Map<String, String> expects) {
        // the probes of the result first, in its order, then any other probe with samples
        Map<String, @Nullable SampleSeries> byProbe = new LinkedHashMap<>();
        expects.keySet().forEach(k -> byProbe.put(k, null));
        for (SampleSeries s : samples) {
            byProbe.put(s.probe(), s);
        }
        List<Report.Series> out = new ArrayList<>();
        byProbe.forEach((probe, found) -> {
            String expect = expects.getOrDefault(probe, "");
            double[] band = band(expect);
            out.add(
                    found == null
                            ? new Report.Series(probe, expect, band[0], band[1], new long[0], new double[0])
                            : new Report.Series(probe, expect, band[0], band[1], found.at(), found.values()));
        });
        return out;
    }

    /** The tolerance as a band [low, high]; infinite on an open side; all-infinite when unknown. */
    static double[] band(String expect) {
        try {
            Tolerance t = ToleranceParser.parse(expect);
            if (t instanceof Tolerance.Threshold th) {
                return switch (th.op()) {
                    case LT, LE -> new double[] {Double.NEGATIVE_INFINITY, th.bound()};
                    case GT, GE -> new double[] {th.bound(), Double.POSITIVE_INFINITY};
                };
            } else if (t instanceof Tolerance.Range r) {
                return new double[] {r.min(), r.max()};
            } else if (t instanceof Tolerance.Near n) {
                return new double[] {n.target() - n.delta(), n.target() + n.delta()};
            } else if (t instanceof Tolerance.Exact e) {
                return new double[] {e.value(), e.value()};
            }
        } catch (IllegalArgumentException ignored) {
            // unknown form: no band
        }
        return new double[] {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text == null || text.isBlank() ? "{}" : text);
        } catch (RuntimeException e) {
            return json.createObjectNode();
        }
    }

    private static double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static @Nullable Instant instant(JsonNode n) {
        return n.isString() ? Instant.parse(n.asString()) : null;
    }
}
