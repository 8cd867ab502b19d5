package dev.faultline.app.view.gameday;

import static dev.faultline.app.view.gameday.PlanFields.heading;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/**
 * What to check on the day (pre-checks, comms, abort criteria) and the open action items from
 * earlier GameDays, read again whenever {@link #refreshOpenItems} is called.
 */
final class DayChecklists extends VBox {
    private final ObservableList<String> openItems = FXCollections.observableArrayList();
    private final GameDayActions actions;

    DayChecklists(GameDayPlanModel plan, GameDayActions actions) {
        super(10);
        this.actions = actions;
        ListView<String> items = new ListView<>(openItems);
        items.setId("open-action-items");
        items.setPrefHeight(110);
        items.setAccessibleText("Open action items from earlier GameDays");
        items.setPlaceholder(new Label("No open action items from earlier GameDays"));
        getChildren()
                .addAll(
                        heading("Checklist for the day"),
                        new ChecklistPane(
                                "Pre-checks",
                                "e.g. dashboards open, on-call told",
                                plan,
                                GameDayPlanModel.Part.PRE_CHECKS),
                        new ChecklistPane("Comms", "e.g. announce in #incidents", plan, GameDayPlanModel.Part.COMMS),
                        new ChecklistPane(
                                "Abort criteria",
                                "e.g. error rate above 5% for a minute",
                                plan,
                                GameDayPlanModel.Part.ABORT_CRITERIA),
                        heading("Open action items from earlier GameDays"),
                        items);
    }

    /** Reads the open action items from earlier GameDays again, off the FX thread. */
    void refreshOpenItems() {
        Background.run(
                "open-action-items",
                actions::openActionItems,
                openItems::setAll,
                err -> openItems.setAll("could not read the action items: " + Dialogs.message(err)));
    }
}
