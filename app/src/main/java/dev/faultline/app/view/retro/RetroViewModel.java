package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.ActionItemText;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.engine.model.Durations;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.ExperimentOutcome;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Lesson;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.SearchHit;
import dev.faultline.engine.report.Severity;
import dev.faultline.engine.store.GameDayRunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
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
 * The retrospective screen's state and commands, without nodes: the GameDay runs, the one
 * selected with its verdicts, lessons, findings and action items, full-text search, and the
 * report export. Times are shown in {@code zone}; new records are stamped by {@code clock}.
 * Blocking reads and writes go through {@link Work}; failures that need a dialog go to
 * {@code errors} (what failed, why).
 */
public final class RetroViewModel {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm");
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

    /**
     * The selected run's retrospective, once read: the verdicts of the experiments that ran, the
     * planned ones that never started, and the notes of the day ("HH:mm author: text").
     */
    public record Retro(GameDayRunRecord run, List<Verdict> verdicts, List<String> skipped, List<String> notes) {
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
    private final Clock clock;
    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final ObservableList<GameDayRunRecord> runs = FXCollections.observableArrayList();
    private final ObservableList<GameDayRunRecord> runsView = FXCollections.unmodifiableObservableList(runs);
    private final ReadOnlyObjectWrapper<@Nullable GameDayRunRecord> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<@Nullable Retro> retro = new ReadOnlyObjectWrapper<>();
    private final Map<Lesson.Kind, ObservableList<String>> lessons = new EnumMap<>(Lesson.Kind.class);
    private final Map<Lesson.Kind, ObservableList<String>> lessonsView = new EnumMap<>(Lesson.Kind.class);
    private final Map<Lesson.Kind, ObservableList<Lesson>> lessonRecords = new EnumMap<>(Lesson.Kind.class);
    private final ObservableList<Finding> findingRecords = FXCollections.observableArrayList();
    private final ObservableList<ActionItem> itemRecords = FXCollections.observableArrayList();
    private final Map<String, Instant> faultStarts = new LinkedHashMap<>();
    private final ObservableList<String> findings = FXCollections.observableArrayList();
    private final ObservableList<String> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<String> actionItems = FXCollections.observableArrayList();
    private final ObservableList<String> actionItemsView = FXCollections.unmodifiableObservableList(actionItems);
    private final ObservableList<String> hits = FXCollections.observableArrayList();
    private final ObservableList<String> hitsView = FXCollections.unmodifiableObservableList(hits);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<String, ExperimentOutcome> outcomes = new LinkedHashMap<>();

    public RetroViewModel(
            RetroActions actions, ZoneId zone, Clock clock, Work work, BiConsumer<String, Throwable> errors) {
        this.actions = actions;
        this.zone = zone;
        this.clock = clock;
        this.work = work;
        this.errors = errors;
        for (Lesson.Kind k : Lesson.Kind.values()) {
            ObservableList<String> l = FXCollections.observableArrayList();
            lessons.put(k, l);
            lessonsView.put(k, FXCollections.unmodifiableObservableList(l));
            lessonRecords.put(k, FXCollections.observableArrayList());
        }
    }

    /** Reads the GameDay runs; selects the first when none is selected (or the selected one is gone). */
    public void refresh() {
        work.run(
                "retro-runs",
                actions::gameDayRuns,
                list -> {
                    runs.setAll(list);
                    GameDayRunRecord s = selected.get();
                    if (list.isEmpty()) {
                        select(null);
                    } else if (s == null || !list.contains(s)) {
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
        selected.set(run);
        if (run == null) {
            return;
        }
        load(run);
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
        outcomes.clear();
        l.outcomes().forEach(o -> outcomes.putIfAbsent(o.runId(), o));
        List<Verdict> verdicts = new ArrayList<>();
        for (String runId : r.runIds()) {
            ExperimentOutcome o = outcomes.get(runId);
            verdicts.add(new Verdict(
                    runId,
                    l.runNames().getOrDefault(runId, runId),
                    o == null ? ExperimentOutcome.Verdict.UNSURE : o.verdict(),
                    o != null && o.detected(),
                    o != null && o.mitigated(),
                    o == null ? null : o.timeToDetect(),
                    o == null ? null : o.timeToMitigate()));
        }
        faultStarts.clear();
        faultStarts.putAll(l.faultStarts());
        for (Lesson.Kind k : Lesson.Kind.values()) {
            lessons.get(k)
                    .setAll(l.lessons().stream()
                            .filter(x -> x.kind() == k)
                            .map(Lesson::text)
                            .toList());
            lessonRecords
                    .get(k)
                    .setAll(l.lessons().stream().filter(x -> x.kind() == k).toList());
        }
        findingRecords.setAll(l.findings());
        findings.setAll(l.findings().stream().map(RetroViewModel::line).toList());
        itemRecords.setAll(l.items());
        actionItems.setAll(l.items().stream().map(ActionItemText::line).toList());
        List<String> notes = l.notes().stream()
                .map(o -> NOTE_TIME.format(o.at().atZone(zone)) + " "
                        + (o.author().isBlank() ? "" : o.author() + ": ") + o.text())
                .toList();
        retro.set(new Retro(r, verdicts, l.skipped(), notes));
    }

    /** Saves the team's verdict on one experiment; the times to detect and mitigate already recorded are kept. */
    public void setVerdict(String runId, ExperimentOutcome.Verdict verdict, boolean detected, boolean mitigated) {
        ExperimentOutcome o = outcomes.get(runId);
        ExperimentOutcome next = new ExperimentOutcome(
                runId,
                verdict,
                detected,
                o == null || !detected ? null : o.timeToDetect(),
                mitigated,
                o == null || !mitigated ? null : o.timeToMitigate(),
                o == null ? "" : o.notes());
        work.run(
                "retro-outcome",
                () -> {
                    actions.setOutcome(next);
                    return runId;
                },
                id -> {
                    outcomes.put(id, next);
                    status.set("verdict on " + id + " saved");
                },
                err -> errors.accept("Could not save the verdict", err));
    }

    /**
     * Records the times to detect and to mitigate of one experiment, each as a duration from its first
     * fault ("40s", "2m30s") or as the clock time it happened ("10:03:12", in the user's zone, on the
     * day of the fault); blank clears it. Either given also marks it detected or mitigated. Returns
     * what is wrong with the input, or empty when it is saved.
     */
    public String setTimes(String runId, String detectedAt, String mitigatedAt) {
        ExperimentOutcome o = outcomes.get(runId);
        Duration detect;
        Duration mitigate;
        try {
            detect = time(runId, detectedAt, "detected");
            mitigate = time(runId, mitigatedAt, "mitigated");
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return e.getMessage();
        }
        ExperimentOutcome next = new ExperimentOutcome(
                runId,
                o == null ? ExperimentOutcome.Verdict.UNSURE : o.verdict(),
                detect != null || o != null && o.detected(),
                detect,
                mitigate != null || o != null && o.mitigated(),
                mitigate,
                o == null ? "" : o.notes());
        work.run(
                "retro-times",
                () -> {
                    actions.setOutcome(next);
                    return runId;
                },
                id -> {
                    outcomes.put(id, next);
                    status.set("times of " + id + " saved");
                    reload();
                },
                err -> errors.accept("Could not save the times", err));
        return "";
    }

    private @Nullable Duration time(String runId, String text, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.matches("\\d{1,2}:\\d{2}(:\\d{2})?")) {
            Instant from = faultStarts.get(runId);
            if (from == null) {
                throw new IllegalArgumentException(what + ": no fault took effect in this run, so a clock time"
                        + " cannot be counted from it: give a duration such as 40s");
            }
            java.time.LocalTime clockTime = java.time.LocalTime.parse(t.length() <= 5 ? t + ":00" : t);
            Instant at = from.atZone(zone).with(clockTime).toInstant();
            Duration d = Duration.between(from, at);
            if (d.isNegative()) {
                throw new IllegalArgumentException(
                        what + ": " + t + " is before the first fault (" + NOTE_TIME.format(from.atZone(zone)) + ")");
            }
            return d;
        }
        try {
            return Durations.parse(t, what);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + ": '" + t + "' is neither a duration (40s, 2m30s) nor a clock" + " time (10:03:12)");
        }
    }

    /** The time from the run's first fault to now-ish, for people: "40s", or "" when not recorded. */
    public static String duration(@Nullable Duration d) {
        return d == null ? "" : Durations.format(d);
    }

    /** Adds a lesson (blank text: nothing); {@code onSaved} runs once it is stored. */
    public void addLesson(Lesson.Kind kind, String text, Runnable onSaved) {
        GameDayRunRecord r = selected.get();
        String t = text.strip();
        if (r == null || t.isEmpty()) {
            return;
        }
        work.run(
                "retro-lesson",
                () -> {
                    actions.addLesson(r.id(), kind, t);
                    return t;
                },
                x -> {
                    lessons.get(kind).add(x);
                    onSaved.run();
                    reload();
                },
                err -> errors.accept("Could not save", err));
    }

    /** Adds a finding; one the model refuses (no title) is not added and the status says why. */
    public void addFinding(String title, String happened, String expected, Severity severity, Runnable onSaved) {
        addFinding(title, happened, expected, severity, "", onSaved);
    }

    /** Adds a finding linked to an experiment's run ({@code runId}, "" for the whole day). */
    public void addFinding(
            String title, String happened, String expected, Severity severity, String runId, Runnable onSaved) {
        GameDayRunRecord r = selected.get();
        if (r == null) {
            return;
        }
        Finding f;
        try {
            f = new Finding(
                    0,
                    r.id(),
                    runId,
                    "",
                    null,
                    title.strip(),
                    happened.strip(),
                    expected.strip(),
                    severity,
                    clock.instant());
        } catch (IllegalArgumentException ex) {
            status.set("not added: " + ex.getMessage());
            return;
        }
        work.run(
                "retro-finding",
                () -> {
                    actions.addFinding(f);
                    return f;
                },
                x -> {
                    findings.add(line(x));
                    onSaved.run();
                    reload();
                },
                err -> errors.accept("Could not save the finding", err));
    }

    /** Changes a finding's texts, severity and experiment; one the model refuses is not saved and the status says why. */
    public void editFinding(
            Finding f,
            String title,
            String happened,
            String expected,
            Severity severity,
            String runId,
            Runnable onSaved) {
        Finding next;
        try {
            next = new Finding(
                    f.id(),
                    f.gameDayRunId(),
                    runId,
                    runId.equals(f.runId()) ? f.probe() : "",
                    f.observationId(),
                    title.strip(),
                    happened.strip(),
                    expected.strip(),
                    severity,
                    f.createdAt(),
                    f.closedAt());
        } catch (IllegalArgumentException ex) {
            status.set("not saved: " + ex.getMessage());
            return;
        }
        write("retro-finding-edit", "Could not save the finding", () -> actions.updateFinding(next), onSaved);
    }

    /** Closes a finding (dealt with) or opens it again. */
    public void setFindingClosed(Finding f, boolean closed) {
        write(
                "retro-finding-close",
                "Could not change the finding",
                () -> actions.closeFinding(f.id(), closed),
                () -> {});
    }

    public void deleteFinding(Finding f) {
        write("retro-finding-delete", "Could not delete the finding", () -> actions.deleteFinding(f.id()), () -> {});
    }

    /** Changes a lesson's text (blank: nothing). */
    public void editLesson(Lesson l, String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        write(
                "retro-lesson-edit",
                "Could not save the lesson",
                () -> actions.updateLesson(l.id(), l.kind(), t),
                () -> {});
    }

    public void deleteLesson(Lesson l) {
        write("retro-lesson-delete", "Could not delete the lesson", () -> actions.deleteLesson(l.id()), () -> {});
    }

    /** Changes an action item; one the model refuses (no title, no owner, a bad URL) is not saved and the status says why. */
    public void editActionItem(
            ActionItem a,
            String title,
            String owner,
            @Nullable LocalDate due,
            ActionItem.Status state,
            String ticket,
            Runnable onSaved) {
        ActionItem next;
        try {
            next = new ActionItem(
                    a.id(),
                    a.gameDayRunId(),
                    a.findingId(),
                    title.strip(),
                    owner.strip(),
                    due,
                    state,
                    ticket.strip(),
                    a.createdAt());
        } catch (IllegalArgumentException ex) {
            status.set("not saved: " + ex.getMessage());
            return;
        }
        write("retro-action-edit", "Could not save the action item", () -> actions.updateActionItem(next), onSaved);
    }

    public void deleteActionItem(ActionItem a) {
        write(
                "retro-action-delete",
                "Could not delete the action item",
                () -> actions.deleteActionItem(a.id()),
                () -> {});
    }

    private interface Change {
        void apply() throws Exception;
    }

    /** A change off the FX thread, then the retrospective read again. */
    private void write(String name, String failure, Change change, Runnable onSaved) {
        work.run(
                name,
                () -> {
                    change.apply();
                    return name;
                },
                x -> {
                    onSaved.run();
                    reload();
                },
                err -> errors.accept(failure, err));
    }

    /** Adds an open action item; one the model refuses (no title) is not added and the status says why. */
    public void addActionItem(String title, String owner, @Nullable LocalDate due, String ticket, Runnable onSaved) {
        GameDayRunRecord r = selected.get();
        if (r == null) {
            return;
        }
        ActionItem a;
        try {
            a = new ActionItem(
                    0,
                    r.id(),
                    null,
                    title.strip(),
                    owner.strip(),
                    due,
                    ActionItem.Status.OPEN,
                    ticket.strip(),
                    clock.instant());
        } catch (IllegalArgumentException ex) {
            status.set("not added: " + ex.getMessage());
            return;
        }
        work.run(
                "retro-action",
                () -> {
                    actions.addActionItem(a);
                    return a;
                },
                x -> {
                    actionItems.add(ActionItemText.line(x));
                    onSaved.run();
                    reload();
                },
                err -> errors.accept("Could not save the action item", err));
    }

    /** Searches every GameDay's notes, findings, lessons and actions. */
    public void search(String term) {
        work.run(
                "retro-search",
                () -> actions.search(term.strip()),
                found -> hits.setAll(found.stream().map(this::hit).toList()),
                err -> hits.setAll("search failed: " + Dialogs.message(err)));
    }

    /** Writes the selected run's report, saying where (or why not). */
    public void export(String format, Path to) {
        GameDayRunRecord r = selected.get();
        if (r == null) {
            return;
        }
        status.set("writing the " + format + " report…");
        work.run(
                "retro-report",
                () -> actions.exportReport(r.id(), format, to),
                p -> status.set("report written to " + p),
                err -> {
                    status.set("the report could not be written: " + Dialogs.message(err));
                    errors.accept("The report could not be written", err);
                });
    }

    /** The file name a report of {@code run} is offered under. */
    public static String reportFileName(GameDayRunRecord run, String format) {
        return run.name() + "-report." + format;
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

    /** An action item's due date when none is picked: two weeks from today, in the user's zone. */
    public LocalDate defaultDue() {
        return LocalDate.ofInstant(clock.instant(), zone).plusWeeks(2);
    }

    private String hit(SearchHit h) {
        return h.kind() + " · " + TIME.format(h.at().atZone(zone)) + " · " + h.snippet();
    }

    static String line(Finding f) {
        return (f.open() ? "" : "(closed) ") + "[" + f.severity() + "] " + f.title()
                + (f.happened().isEmpty() ? "" : ": " + f.happened())
                + (f.expected().isEmpty() ? "" : " (expected: " + f.expected() + ")");
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

    public ObservableList<String> lessons(Lesson.Kind kind) {
        return lessonsView.get(kind);
    }

    public ObservableList<String> findings() {
        return findingsView;
    }

    /** The findings as records, in the order of {@link #findings()}, for editing. */
    public ObservableList<Finding> findingRecords() {
        return FXCollections.unmodifiableObservableList(findingRecords);
    }

    public ObservableList<Lesson> lessonRecords(Lesson.Kind kind) {
        return FXCollections.unmodifiableObservableList(lessonRecords.get(kind));
    }

    public ObservableList<ActionItem> actionItemRecords() {
        return FXCollections.unmodifiableObservableList(itemRecords);
    }

    /** A finding in a list: the line, with the experiment it concerns. */
    public String findingLine(Finding f) {
        Retro r = retro.get();
        String experiment = r == null || f.runId().isEmpty()
                ? ""
                : r.verdicts().stream()
                        .filter(v -> v.runId().equals(f.runId()))
                        .map(v -> " · " + v.name())
                        .findFirst()
                        .orElse("");
        return line(f) + experiment;
    }

    public ObservableList<String> actionItems() {
        return actionItemsView;
    }

    public ObservableList<String> hits() {
        return hitsView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
