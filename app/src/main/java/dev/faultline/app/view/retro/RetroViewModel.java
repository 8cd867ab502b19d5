package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.Work;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.store.GameDayRunRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The retrospective screen's state, without nodes: the GameDay runs and the one selected, read
 * off the FX thread through {@link Work}, and its parts: {@link RetroVerdicts}, {@link RetroLessons},
 * {@link RetroFindings}, {@link RetroActionItems}, {@link RetroSearch} and {@link RetroReportExport}.
 * Times are shown in {@code zone}; new records are stamped by {@code clock}; failures that need a
 * dialog go to {@code errors} (what failed, why).
 */
public final class RetroViewModel {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * One experiment of the selected GameDay run as the team judged it (UNSURE until judged), with the
     * times to detect and to mitigate counted from its first fault (null: not recorded).
     */
    public record Verdict(
            String runId,
            String name,
            ExperimentOutcome.Verdict verdict,
            boolean detected,
            boolean mitigated,
            @Nullable Duration timeToDetect,
            @Nullable Duration timeToMitigate) {
        public Verdict(
                String runId, String name, ExperimentOutcome.Verdict verdict, boolean detected, boolean mitigated) {
            this(runId, name, verdict, detected, mitigated, null, null);
        }
    }

    /** A note of the day: the observation, and its line for people ("HH:mm:ss author: text"). */
    public record Note(Observation observation, String line) {}

    /**
     * The selected run's retrospective, once read: the verdicts of the experiments that ran, the
     * planned ones that never started, and the notes of the day.
     */
    public record Retro(GameDayRunRecord run, List<Verdict> verdicts, List<String> skipped, List<Note> notes) {
        public Retro {
            verdicts = List.copyOf(verdicts);
            skipped = List.copyOf(skipped);
            notes = List.copyOf(notes);
        }
    }

    private record Loaded(
            List<Lesson> lessons,
            List<Finding> findings,
            List<ActionItem> items,
            List<ExperimentOutcome> outcomes,
            Map<String, String> runNames,
            List<String> skipped,
            List<Observation> notes,
            Map<String, Instant> faultStarts) {}

    private final RetroActions actions;
    private final ZoneId zone;
    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final ObservableList<GameDayRunRecord> runs = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with its listeners. */
    private final ObservableList<GameDayRunRecord> runsView = FXCollections.unmodifiableObservableList(runs);

    private final ReadOnlyObjectWrapper<@Nullable GameDayRunRecord> selected = new ReadOnlyObjectWrapper<>();
    /** The ids of the GameDay runs read last, to tell a run that is new since. */
    private final java.util.Set<String> known = new java.util.HashSet<>();

    private final ReadOnlyObjectWrapper<@Nullable Retro> retro = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final RetroVerdicts verdicts;
    private final RetroLessons lessons;
    private final RetroFindings findings;
    private final RetroActionItems items;
    private final RetroSearch search;
    private final RetroReportExport report;

    public RetroViewModel(
            RetroActions actions, ZoneId zone, Clock clock, Work work, BiConsumer<String, Throwable> errors) {
        this.actions = actions;
        this.zone = zone;
        this.work = work;
        this.errors = errors;
        RetroWrites writes = new RetroWrites(work, errors, status, this::reload);
        this.verdicts = new RetroVerdicts(actions, zone, writes);
        this.lessons = new RetroLessons(actions, writes, this::selectedId);
        this.findings = new RetroFindings(actions, zone, clock, writes, this::selectedId);
        this.items = new RetroActionItems(actions, zone, clock, writes, this::selectedId);
        this.search = new RetroSearch(actions, zone, work);
        this.report = new RetroReportExport(actions, zone, clock, writes, selected::get);
    }

    private @Nullable String selectedId() {
        GameDayRunRecord r = selected.get();
        return r == null ? null : r.id();
    }

    /**
     * Reads the GameDay runs; selects the first (the newest) when none is selected, the selected one
     * is gone, or a GameDay has run since the last read: the day just over is the one to write up.
     */
    public void refresh() {
        work.run(
                "retro-runs",
                actions::gameDayRuns,
                list -> {
                    boolean newRun = !list.isEmpty()
                            && !known.isEmpty()
                            && !known.contains(list.get(0).id());
                    known.clear();
                    list.forEach(r -> known.add(r.id()));
                    runs.setAll(list);
                    GameDayRunRecord s = selected.get();
                    if (list.isEmpty()) {
                        select(null);
                    } else if (s == null || !list.contains(s) || newRun) {
                        select(list.get(0));
                    }
                },
                err -> errors.accept("Could not read the GameDays", err));
    }

    /** Shows {@code run}'s retrospective (null: none); its records are read off the FX thread. */
    public void select(@Nullable GameDayRunRecord run) {
        if (Objects.equals(run, selected.get())) {
            return;
        }
        retro.set(null);
        findings.forget();
        selected.set(run);
        if (run != null) {
            load(run);
        }
    }

    /** Reads the selected run's retrospective again (after a change). */
    private void reload() {
        GameDayRunRecord run = selected.get();
        if (run != null) {
            load(run);
        }
    }

    private void load(GameDayRunRecord run) {
        work.run(
                "retro-load",
                () -> new Loaded(
                        actions.lessons(run.id()),
                        actions.findings(run),
                        actions.actionItems(run.id()),
                        actions.outcomes(run),
                        names(run),
                        actions.skipped(run),
                        actions.notes(run),
                        faultStarts(run)),
                l -> {
                    if (run.equals(selected.get())) {
                        fill(run, l);
                    }
                },
                err -> errors.accept("Could not read the retrospective", err));
    }

    private Map<String, Instant> faultStarts(GameDayRunRecord r) throws Exception {
        Map<String, Instant> out = new LinkedHashMap<>();
        for (String id : r.runIds()) {
            actions.faultStart(id).ifPresent(at -> out.put(id, at));
        }
        return out;
    }

    private Map<String, String> names(GameDayRunRecord r) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String id : r.runIds()) {
            out.put(id, actions.describeRun(id));
        }
        return out;
    }

    private void fill(GameDayRunRecord r, Loaded l) {
        verdicts.fill(l.outcomes(), l.faultStarts());
        List<Verdict> judged = new ArrayList<>();
        for (String runId : r.runIds()) {
            ExperimentOutcome o = verdicts.outcome(runId);
            judged.add(new Verdict(
                    runId,
                    l.runNames().getOrDefault(runId, runId),
                    o == null ? ExperimentOutcome.Verdict.UNSURE : o.verdict(),
                    o != null && o.detected(),
                    o != null && o.mitigated(),
                    o == null ? null : o.timeToDetect(),
                    o == null ? null : o.timeToMitigate()));
        }
        lessons.fill(l.lessons());
        findings.fill(l.findings(), l.runNames(), l.notes(), l.items());
        items.fill(l.items());
        List<Note> notes = l.notes().stream().map(o -> new Note(o, noteLine(o))).toList();
        retro.set(new Retro(r, judged, l.skipped(), notes));
    }

    private String noteLine(Observation o) {
        return NOTE_TIME.format(o.at().atZone(zone)) + " " + (o.author().isBlank() ? "" : o.author() + ": ") + o.text();
    }

    /** A run in the list: title, then when it started (in the user's zone) and how it ended. */
    public String label(GameDayRunRecord r) {
        return r.title() + "\n" + TIME.format(r.startedAt().atZone(zone)) + " · " + r.status();
    }

    /** The selected run's heading line: when (and in which zone), where, and how it ended. */
    public String when(GameDayRunRecord r) {
        return TIME.format(r.startedAt().atZone(zone)) + " (" + zone.getId() + ") · " + r.environment() + " · "
                + r.status() + (r.reason().isEmpty() ? "" : ": " + r.reason());
    }

    public ObservableList<GameDayRunRecord> runs() {
        return runsView;
    }

    public ReadOnlyObjectProperty<@Nullable GameDayRunRecord> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** The selected run's retrospective once read; null while it is read, or when none is selected. */
    public ReadOnlyObjectProperty<@Nullable Retro> retroProperty() {
        return retro.getReadOnlyProperty();
    }

    public RetroVerdicts verdicts() {
        return verdicts;
    }

    public RetroLessons lessons() {
        return lessons;
    }

    public RetroFindings findings() {
        return findings;
    }

    public RetroActionItems actionItems() {
        return items;
    }

    public RetroSearch search() {
        return search;
    }

    public RetroReportExport report() {
        return report;
    }

    /** What was last done or refused, in one line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
