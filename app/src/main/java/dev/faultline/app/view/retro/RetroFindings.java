package dev.faultline.app.view.retro;

import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.report.Severity;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The findings of the selected run: written, edited, linked to the experiment and the note they
 * are about (or unlinked), closed, deleted. The last edit, link or delete can be undone: an undone
 * delete puts the finding back with the action items that answered it.
 */
public final class RetroFindings {
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What {@link #undo()} puts back: the finding as it was, and (after a delete) the action items that named it. */
    private record Undo(String label, Finding before, List<ActionItem> answeredBy, boolean deleted) {}

    private final RetroActions actions;
    private final ZoneId zone;
    private final Clock clock;
    private final RetroWrites writes;
    private final Supplier<@Nullable String> run;
    private final ObservableList<Finding> records = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with its listeners. */
    private final ObservableList<Finding> recordsView = FXCollections.unmodifiableObservableList(records);

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with its listeners. */
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);

    private final ReadOnlyStringWrapper undoLabel = new ReadOnlyStringWrapper("");
    private @Nullable Undo undo;
    private Map<String, String> experiments = Map.of();
    private List<Observation> notes = List.of();
    private List<ActionItem> items = List.of();

    RetroFindings(RetroActions actions, ZoneId zone, Clock clock, RetroWrites writes, Supplier<@Nullable String> run) {
        this.actions = actions;
        this.zone = zone;
        this.clock = clock;
        this.writes = writes;
        this.run = run;
    }

    void fill(List<Finding> read, Map<String, String> runNames, List<Observation> observations, List<ActionItem> all) {
        experiments = Map.copyOf(runNames);
        notes = List.copyOf(observations);
        items = List.copyOf(all);
        records.setAll(read);
        lines.setAll(read.stream().map(this::line).toList());
    }

    /** Forgets what could be undone (another run was selected). */
    void forget() {
        setUndo(null);
    }

    /** Adds a finding linked to an experiment's run ({@code runId}, "" for the whole day); one the model refuses is not added and the status says why. */
    public void add(String title, String happened, String expected, Severity severity, String runId, Runnable onSaved) {
        String r = run.get();
        if (r == null) {
            return;
        }
        Finding f;
        try {
            f = new Finding(
                    0,
                    r,
                    runId,
                    "",
                    null,
                    title.strip(),
                    happened.strip(),
                    expected.strip(),
                    severity,
                    clock.instant());
        } catch (IllegalArgumentException ex) {
            writes.status("not added: " + ex.getMessage());
            return;
        }
        writes.write(
                "retro-finding", "Could not save the finding", "finding added", () -> actions.addFinding(f), onSaved);
    }

    /** Changes a finding's texts and severity, keeping its links; one the model refuses is not saved and the status says why. */
    public void edit(Finding f, String title, String happened, String expected, Severity severity, Runnable onSaved) {
        Finding next;
        try {
            next = new Finding(
                    f.id(),
                    f.gameDayRunId(),
                    f.runId(),
                    f.probe(),
                    f.observationId(),
                    title.strip(),
                    happened.strip(),
                    expected.strip(),
                    severity,
                    f.createdAt(),
                    f.closedAt());
        } catch (IllegalArgumentException ex) {
            writes.status("not saved: " + ex.getMessage());
            return;
        }
        if (next.equals(f)) {
            onSaved.run();
            return;
        }
        change(f, next, "edit of '" + f.title() + "'", "finding saved", onSaved);
    }

    /**
     * Links a finding to the experiment it is about ({@code runId} of the day, "" for the whole day)
     * and to the note it came from ({@code observationId}, null for none): unlinking is linking to none.
     */
    public void link(Finding f, String runId, @Nullable Long observationId) {
        Finding next = new Finding(
                f.id(),
                f.gameDayRunId(),
                runId,
                runId.equals(f.runId()) ? f.probe() : "",
                observationId,
                f.title(),
                f.happened(),
                f.expected(),
                f.severity(),
                f.createdAt(),
                f.closedAt());
        if (next.equals(f)) {
            return;
        }
        change(f, next, "links of '" + f.title() + "'", "links of the finding saved", () -> {});
    }

    private void change(Finding before, Finding next, String what, String done, Runnable onSaved) {
        writes.write(
                "retro-finding-edit", "Could not save the finding", done, () -> actions.updateFinding(next), () -> {
                    setUndo(new Undo("Undo " + what, before, List.of(), false));
                    onSaved.run();
                });
    }

    /** Closes a finding (dealt with) or opens it again. */
    public void setClosed(Finding f, boolean closed) {
        writes.write(
                "retro-finding-close",
                "Could not change the finding",
                closed ? "finding closed" : "finding reopened",
                () -> actions.closeFinding(f.id(), closed),
                () -> {});
    }

    /** Deletes a finding; {@link #undo()} puts it back with the action items that answered it. */
    public void delete(Finding f) {
        List<ActionItem> answeredBy = answeredBy(f);
        writes.write(
                "retro-finding-delete",
                "Could not delete the finding",
                "finding '" + f.title() + "' deleted",
                () -> actions.deleteFinding(f.id()),
                () -> setUndo(new Undo("Undo delete of '" + f.title() + "'", f, answeredBy, true)));
    }

    /** Undoes the last edit, link or delete of a finding (nothing when there is none). */
    public void undo() {
        Undo u = undo;
        if (u == null) {
            return;
        }
        writes.write(
                "retro-finding-undo",
                "Could not undo",
                u.label().replaceFirst("^Undo ", "undone: "),
                () -> {
                    if (u.deleted()) {
                        Finding back = actions.addFinding(u.before());
                        for (ActionItem a : u.answeredBy()) {
                            actions.updateActionItem(linked(a, back.id()));
                        }
                    } else {
                        actions.updateFinding(u.before());
                    }
                },
                () -> setUndo(null));
    }

    private static ActionItem linked(ActionItem a, @Nullable Long finding) {
        return new ActionItem(
                a.id(),
                a.gameDayRunId(),
                finding,
                a.title(),
                a.owner(),
                a.due(),
                a.status(),
                a.ticketUrl(),
                a.createdAt());
    }

    private void setUndo(@Nullable Undo u) {
        undo = u;
        undoLabel.set(u == null ? "" : u.label());
    }

    /** The action items that answer {@code f}. */
    public List<ActionItem> answeredBy(Finding f) {
        return items.stream().filter(a -> Objects.equals(a.findingId(), f.id())).toList();
    }

    /** A finding in a list: closed or not, severity, title, texts, then what it is linked to. */
    String line(Finding f) {
        StringBuilder b = new StringBuilder("#").append(f.id()).append(' ').append(text(f));
        if (!f.runId().isEmpty()) {
            b.append(" · ").append(experiments.getOrDefault(f.runId(), f.runId()));
        }
        if (f.observationId() != null) {
            notes.stream()
                    .filter(o -> o.id() == f.observationId())
                    .findFirst()
                    .ifPresent(o -> b.append(" · note ").append(NOTE_TIME.format(o.at().atZone(zone))));
        }
        for (ActionItem a : answeredBy(f)) {
            b.append(" · action #").append(a.id());
        }
        return b.toString();
    }

    static String text(Finding f) {
        return (f.open() ? "" : "(closed) ") + "[" + f.severity() + "] " + f.title()
                + (f.happened().isEmpty() ? "" : ": " + f.happened())
                + (f.expected().isEmpty() ? "" : " (expected: " + f.expected() + ")");
    }

    public ObservableList<String> lines() {
        return linesView;
    }

    /** The findings as records, in the order of {@link #lines()}. */
    public ObservableList<Finding> records() {
        return recordsView;
    }

    /** "Undo …" naming what the last undoable change was, or "" when there is none. */
    public ReadOnlyStringProperty undoLabelProperty() {
        return undoLabel.getReadOnlyProperty();
    }
}
