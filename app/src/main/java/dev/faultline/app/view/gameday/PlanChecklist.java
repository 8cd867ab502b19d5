package dev.faultline.app.view.gameday;

import dev.faultline.app.view.gameday.GameDayPlanModel.Part;
import dev.faultline.engine.model.Checklist;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The day's checklist being planned: pre-checks, comms and abort criteria, each a list of rows to tick. */
final class PlanChecklist {
    private final ObservableList<ChecklistRow> preChecks = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> comms = FXCollections.observableArrayList();
    private final ObservableList<ChecklistRow> abortCriteria = FXCollections.observableArrayList();
    // One read-only view each, kept: a wrapper made per call would be collected with its listeners.
    private final ObservableList<ChecklistRow> preChecksView = FXCollections.unmodifiableObservableList(preChecks);
    private final ObservableList<ChecklistRow> commsView = FXCollections.unmodifiableObservableList(comms);
    private final ObservableList<ChecklistRow> abortCriteriaView =
            FXCollections.unmodifiableObservableList(abortCriteria);

    void load(Checklist c) {
        preChecks.setAll(rows(c.preChecks()));
        comms.setAll(rows(c.comms()));
        abortCriteria.setAll(rows(c.abortCriteria()));
    }

    /** The checklist as the GameDay holds it: rows left blank are not items. */
    Checklist toChecklist() {
        return new Checklist(items(preChecks), items(comms), items(abortCriteria));
    }

    /** Adds an item to a part (blank text: nothing); false when nothing was added. */
    boolean add(Part part, String text) {
        if (text.isBlank()) {
            return false;
        }
        rows(part).add(new ChecklistRow(text.strip(), false));
        return true;
    }

    void remove(Part part, ChecklistRow row) {
        rows(part).remove(row);
    }

    /** Ticks an item off, or back on. */
    static void toggle(ChecklistRow row) {
        row.done.set(!row.done.get());
    }

    ObservableList<ChecklistRow> view(Part part) {
        return switch (part) {
            case PRE_CHECKS -> preChecksView;
            case COMMS -> commsView;
            case ABORT_CRITERIA -> abortCriteriaView;
        };
    }

    private ObservableList<ChecklistRow> rows(Part part) {
        return switch (part) {
            case PRE_CHECKS -> preChecks;
            case COMMS -> comms;
            case ABORT_CRITERIA -> abortCriteria;
        };
    }

    private static List<ChecklistRow> rows(List<Checklist.Item> items) {
        return items.stream().map(i -> new ChecklistRow(i.text(), i.done())).toList();
    }

    private static List<Checklist.Item> items(List<ChecklistRow> rows) {
        return rows.stream()
                .filter(r -> !r.text.get().isBlank())
                .map(ChecklistRow::toItem)
                .toList();
    }
}
