package dev.faultline.app.view.retro;

import dev.faultline.app.view.common.ActionItemText;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/** The action items of the selected run: added with owner and due date, changed, linked to a finding, closed, deleted. */
public final class RetroActionItems {
    private final RetroActions actions;
    private final ZoneId zone;
    private final Clock clock;
    private final RetroWrites writes;
    private final Supplier<@Nullable String> run;
    private final ObservableList<ActionItem> records = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with its listeners. */
    private final ObservableList<ActionItem> recordsView = FXCollections.unmodifiableObservableList(records);

    private final ObservableList<String> lines = FXCollections.observableArrayList();
    /** One read-only view, kept: a view made per call would be collected with its listeners. */
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);

    RetroActionItems(
            RetroActions actions, ZoneId zone, Clock clock, RetroWrites writes, Supplier<@Nullable String> run) {
        this.actions = actions;
        this.zone = zone;
        this.clock = clock;
        this.writes = writes;
        this.run = run;
    }

    void fill(List<ActionItem> read) {
        records.setAll(read);
        lines.setAll(read.stream().map(RetroActionItems::line).toList());
    }

    /** Adds an open action item; one the model refuses (no title, no owner) is not added and the status says why. */
    public void add(String title, String owner, @Nullable LocalDate due, String ticket, Runnable onSaved) {
        add(title, owner, due, ticket, null, onSaved);
    }

    /** The same, answering {@code finding} (null: none). */
    public void add(
            String title,
            String owner,
            @Nullable LocalDate due,
            String ticket,
            @Nullable Finding finding,
            Runnable onSaved) {
        String r = run.get();
        if (r == null) {
            return;
        }
        ActionItem a;
        try {
            a = new ActionItem(
                    0,
                    r,
                    finding == null ? null : finding.id(),
                    title.strip(),
                    owner.strip(),
                    due,
                    ActionItem.Status.OPEN,
                    ticket.strip(),
                    clock.instant());
        } catch (IllegalArgumentException ex) {
            writes.status("not added: " + ex.getMessage());
            return;
        }
        writes.write(
                "retro-action",
                "Could not save the action item",
                "action item added",
                () -> actions.addActionItem(a),
                onSaved);
    }

    /** Changes an action item; one the model refuses (no title, no owner, a bad URL) is not saved and the status says why. */
    public void edit(
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
            writes.status("not saved: " + ex.getMessage());
            return;
        }
        save(next, "action item #" + a.id() + " saved", onSaved);
    }

    /** Marks an action item done (or open again). */
    public void close(ActionItem a, boolean done) {
        ActionItem.Status s = done ? ActionItem.Status.DONE : ActionItem.Status.OPEN;
        save(with(a, a.findingId(), s), "action item #" + a.id() + " " + (done ? "done" : "open again"), () -> {});
    }

    /** Links an action item to the finding it answers, or unlinks it (null). */
    public void link(ActionItem a, @Nullable Finding finding) {
        Long id = finding == null ? null : finding.id();
        save(
                with(a, id, a.status()),
                finding == null
                        ? "action item #" + a.id() + " unlinked"
                        : "action item #" + a.id() + " answers '" + finding.title() + "'",
                () -> {});
    }

    public void delete(ActionItem a) {
        writes.write(
                "retro-action-delete",
                "Could not delete the action item",
                "action item #" + a.id() + " deleted",
                () -> actions.deleteActionItem(a.id()),
                () -> {});
    }

    private void save(ActionItem next, String done, Runnable onSaved) {
        writes.write(
                "retro-action-edit",
                "Could not save the action item",
                done,
                () -> actions.updateActionItem(next),
                onSaved);
    }

    private static ActionItem with(ActionItem a, @Nullable Long finding, ActionItem.Status status) {
        return new ActionItem(
                a.id(), a.gameDayRunId(), finding, a.title(), a.owner(), a.due(), status, a.ticketUrl(), a.createdAt());
    }

    /** An action item's due date when none is picked: two weeks from today, in the user's zone. */
    public LocalDate defaultDue() {
        return LocalDate.ofInstant(clock.instant(), zone).plusWeeks(2);
    }

    static String line(ActionItem a) {
        return "#" + a.id() + " " + ActionItemText.line(a)
                + (a.findingId() == null ? "" : " · finding #" + a.findingId());
    }

    public ObservableList<String> lines() {
        return linesView;
    }

    public ObservableList<ActionItem> records() {
        return recordsView;
    }
}
