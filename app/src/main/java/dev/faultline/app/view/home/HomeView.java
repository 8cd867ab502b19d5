package dev.faultline.app.view.home;

import dev.faultline.app.view.common.OutcomeCell;
import dev.faultline.app.view.common.RunRow;
import dev.faultline.app.view.common.WrappingCell;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * Home: the first-GameDay path, the shipped runbooks, recent runs with their result, and whether
 * each backend can be reached. State and loading are the {@link HomeViewModel}'s; this view binds.
 */
public final class HomeView extends VBox {
    private final HomeViewModel model;
    private final ListView<Path> runbooks;
    private final VBox content;
    private static final double MIDDLE_MIN_HEIGHT = 190;
    private static final double RECENT_MIN_HEIGHT = 170;
    private static final double LIST_MIN_HEIGHT = 96;
    private static final double LEFT_MIN_WIDTH = 290;

    /**
     * @param openRecent opens a recent file in the editor or the planner, as its kind says
     */
    public HomeView(
            HomeViewModel model,
            Runnable firstGameDay,
            Consumer<Path> run,
            Consumer<Path> edit,
            Consumer<Path> openRecent) {
        this.model = model;
        this.runbooks = new ListView<>(model.runbooks());
        getStyleClass().add("home");
        // The three parts keep a usable height (a list shows rows, buttons do not overlap the runs): a
        // window too low for them all scrolls instead of squeezing one to nothing.
        HBox card = firstGameDayCard(firstGameDay, openRecent);
        card.setMinHeight(Region.USE_PREF_SIZE);
        HBox middle = middle(run, edit);
        middle.setMinHeight(MIDDLE_MIN_HEIGHT);
        VBox.setVgrow(middle, Priority.SOMETIMES);
        VBox recent = recentRuns();
        recent.setMinHeight(RECENT_MIN_HEIGHT);
        content = new VBox(16, card, middle, recent);
        content.setPadding(new Insets(20, 24, 20, 24));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().add(scroll);
        model.readyProperty().addListener((o, a, ready) -> {
            if (ready) {
                if (!runbooks.getItems().isEmpty()) {
                    runbooks.getSelectionModel().select(0);
                }
                focusStart();
            }
        });
    }

    /** Team mode: adds the runs under way on the other desktops, to follow live, below the first-GameDay card. */
    public void showUnderWay(javafx.scene.Node underWay) {
        content.getChildren().add(1, underWay);
    }

    /** Adds the schedules (next runs, last results, score trends) below the recent runs. */
    public void showSchedules(javafx.scene.Node schedules) {
        content.getChildren().add(schedules);
    }

    /** The two ways to start: the first GameDay on the sandbox, or a file worked on last (beside it). */
    private HBox firstGameDayCard(Runnable firstGameDay, Consumer<Path> openRecent) {
        Label heading = new Label("Your first GameDay");
        heading.getStyleClass().add("title-3");
        Label text = new Label("Faultline starts a small shop on this machine (orders, payments, inventory, a cache, a"
                + " database, chaos proxies and a load generator) and runs four experiments on it: slow payments, a payment"
                + " outage, a frozen payment process, half the payment calls failing. Nothing to install; the kill switch"
                + " at the top right stops everything at any moment.");
        text.setWrapText(true);
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Button go = new Button("Run the sandbox GameDay", new FontIcon(MaterialDesignP.PLAY_CIRCLE));
        go.getStyleClass().addAll("accent", "large");
        go.setDefaultButton(true);
        go.setId("first-gameday");
        go.setAccessibleText("Run the first GameDay on the sandbox");
        go.setTooltip(new Tooltip("Starts the sandbox and runs its first experiment, with live charts"));
        go.setOnAction(e -> firstGameDay.run());
        go.disableProperty().bind(model.readyProperty().not());
        VBox v = new VBox(8, heading, text, go);
        v.setMinWidth(0);
        v.setPrefWidth(400);
        HBox.setHgrow(v, Priority.ALWAYS);
        VBox recent = recentFiles(openRecent);
        HBox card = new HBox(24, v, recent);
        card.getStyleClass().add("card-hero");
        card.setPadding(new Insets(18));
        return card;
    }

    private HBox middle(Consumer<Path> run, Consumer<Path> edit) {
        Label heading = new Label("Runbooks that ship with Faultline");
        heading.getStyleClass().add("section");
        runbooks.setId("runbooks");
        runbooks.setAccessibleText("Shipped runbooks: Enter runs, E edits");
        runbooks.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : HomeViewModel.runbookLabel(p));
            }
        });
        runbooks.setPrefHeight(190);
        if (!runbooks.getItems().isEmpty()) {
            runbooks.getSelectionModel().select(0);
        }
        Button runIt = new Button("Run", new FontIcon(MaterialDesignP.PLAY));
        runIt.setTooltip(new Tooltip("Run the selected runbook now (Enter)"));
        runIt.disableProperty()
                .bind(runbooks.getSelectionModel().selectedItemProperty().isNull());
        runIt.setOnAction(e -> run.accept(runbooks.getSelectionModel().getSelectedItem()));
        Button editIt = new Button("Open in editor", new FontIcon(MaterialDesignC.CHART_TIMELINE_VARIANT));
        editIt.setTooltip(new Tooltip("Open the selected runbook on the timeline (E)"));
        editIt.disableProperty().bind(runIt.disableProperty());
        editIt.setOnAction(e -> edit.accept(runbooks.getSelectionModel().getSelectedItem()));
        runbooks.setOnKeyPressed(e -> {
            Path p = runbooks.getSelectionModel().getSelectedItem();
            if (p == null) {
                return;
            }
            switch (e.getCode()) {
                case ENTER -> run.accept(p);
                case E -> edit.accept(p);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        runIt.setMinWidth(Region.USE_PREF_SIZE);
        editIt.setMinWidth(Region.USE_PREF_SIZE);
        runbooks.setMinHeight(LIST_MIN_HEIGHT);
        VBox.setVgrow(runbooks, Priority.ALWAYS);
        HBox buttons = new HBox(8, runIt, editIt);
        buttons.setMinHeight(Region.USE_PREF_SIZE);
        VBox left = new VBox(8, heading, runbooks, buttons);
        left.setMinWidth(LEFT_MIN_WIDTH);
        left.setPrefWidth(LEFT_MIN_WIDTH);
        HBox.setHgrow(left, Priority.ALWAYS);

        Label bh = new Label("Backends");
        bh.getStyleClass().add("section");
        ListView<BackendStatus> list = new ListView<>(model.backends());
        list.setId("backends");
        list.setAccessibleText("Backends and whether they can be reached");
        list.setPlaceholder(new Label("checking…"));
        list.setCellFactory(l -> {
            ListCell<BackendStatus> cell = new BackendCell();
            WrappingCell.fitTo(cell, l); // "toxiproxy in sandbox: not reachable" wraps in a narrow column (1024 px)
            return cell;
        });
        list.setPrefHeight(190);
        list.setMinHeight(LIST_MIN_HEIGHT);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox right = new VBox(8, bh, list);
        right.setPrefWidth(320);
        right.setMinWidth(200);
        Label gh = new Label("GameDays");
        gh.getStyleClass().add("section");
        ListView<String> days = new ListView<>(model.gameDays());
        days.setId("gamedays");
        days.setAccessibleText("Upcoming and past GameDays");
        days.setPlaceholder(new Label("none planned yet"));
        WrappingCell.wrapLines(days);
        days.setPrefHeight(190);
        days.setMinHeight(LIST_MIN_HEIGHT);
        VBox.setVgrow(days, Priority.ALWAYS);
        VBox middle = new VBox(8, gh, days);
        middle.setPrefWidth(340);
        middle.setMinWidth(180);
        return new HBox(20, left, middle, right);
    }

    /** The files opened or saved last (File → Open Recent's list): Enter, a double-click or Open opens one. */
    private VBox recentFiles(Consumer<Path> open) {
        Label heading = new Label("Recent files");
        heading.getStyleClass().add("section");
        ListView<Path> files = new ListView<>(model.recentFiles());
        files.setId("recent-files");
        files.setAccessibleText("Files you opened or saved last: Enter opens the selected one");
        Label none = new Label("none yet: files you open or save are listed here");
        none.setWrapText(true);
        files.setPlaceholder(none);
        files.setCellFactory(l -> {
            ListCell<Path> cell = new RecentFileCell(open);
            WrappingCell.fitTo(cell, l); // a long file name wraps instead of scrolling sideways
            return cell;
        });
        files.setOnKeyPressed(e -> {
            Path p = files.getSelectionModel().getSelectedItem();
            if (p != null && e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                open.accept(p);
                e.consume();
            }
        });
        files.focusedProperty().addListener((o, a, focused) -> {
            if (focused
                    && files.getSelectionModel().isEmpty()
                    && !files.getItems().isEmpty()) {
                files.getSelectionModel().select(0); // Tab into the list, Enter opens the newest
            }
        });
        files.setPrefHeight(120);
        files.setMinHeight(LIST_MIN_HEIGHT);
        VBox.setVgrow(files, Priority.ALWAYS);
        Button openIt = new Button("Open", new FontIcon(MaterialDesignF.FOLDER_OPEN));
        openIt.setId("open-recent-file");
        openIt.setTooltip(new Tooltip("Open the selected file in the editor or the planner (Enter)"));
        openIt.disableProperty()
                .bind(files.getSelectionModel().selectedItemProperty().isNull());
        openIt.setOnAction(e -> open.accept(files.getSelectionModel().getSelectedItem()));
        openIt.setMinWidth(Region.USE_PREF_SIZE);
        VBox v = new VBox(6, heading, files, openIt);
        v.setPrefWidth(300);
        v.setMinWidth(220);
        return v;
    }

    private VBox recentRuns() {
        TableView<RunRow> table = new TableView<>(model.runs());
        table.setId("recent-runs");
        table.setAccessibleText("Recent runs");
        table.getColumns().add(column(model.startedHeading(), model::started, 200));
        table.getColumns().add(column("Experiment", RunRow::experiment, 220));
        TableColumn<RunRow, String> result = column("Result", RunRow::status, 100);
        result.setCellFactory(c -> new OutcomeCell());
        table.getColumns().add(result);
        table.getColumns().add(column("Took", HomeViewModel::took, 70));
        table.getColumns().add(column("What happened", RunRow::summary, 520));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No runs yet: start with your first GameDay above."));
        Label heading = new Label("Recent runs");
        heading.getStyleClass().add("section");
        VBox v = new VBox(8, heading, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox.setVgrow(v, Priority.ALWAYS);
        return v;
    }

    private static TableColumn<RunRow, String> column(String name, Function<RunRow, String> value, double width) {
        TableColumn<RunRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    public void focusStart() {
        lookup("#first-gameday").requestFocus();
    }

    /** A backend's line: its icon and whether it can be reached, wrapped to the list's width. */
    private static final class BackendCell extends ListCell<BackendStatus> {
        @Override
        protected void updateItem(BackendStatus s, boolean empty) {
            super.updateItem(s, empty);
            getStyleClass().removeAll("status-ok", "status-down");
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(HomeViewModel.backendLine(s));
            FontIcon icon = new FontIcon(s.available() ? MaterialDesignC.CHECK_CIRCLE : MaterialDesignC.CLOSE_CIRCLE);
            icon.getStyleClass().add(s.available() ? "icon-ok" : "icon-down");
            setGraphic(icon);
            setTooltip(new Tooltip(HomeViewModel.backendDetail(s)));
            getStyleClass().add(s.available() ? "status-ok" : "status-down");
        }

        @Override
        protected double computePrefHeight(double width) {
            return WrappingCell.heightWrapped(this, width, super.computePrefHeight(width));
        }

        @Override
        public void resize(double width, double height) {
            super.resize(width, WrappingCell.atLeastWrapped(this, width, height));
        }
    }
    /** A recent file: its name, with the folders that tell it from another of the same name; Enter or a double-click opens it. */
    private final class RecentFileCell extends ListCell<Path> {
        private final Consumer<Path> open;

        RecentFileCell(Consumer<Path> open) {
            this.open = open;
            setOnMouseClicked(e -> {
                if (!isEmpty() && getItem() != null && e.getClickCount() == 2) {
                    open.accept(getItem());
                }
            });
        }

        @Override
        protected void updateItem(Path p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : HomeViewModel.recentName(p, model.recentFiles()));
            setTooltip(empty || p == null ? null : new Tooltip(HomeViewModel.recentLabel(p)));
        }

        @Override
        protected double computePrefHeight(double width) {
            return WrappingCell.heightWrapped(this, width, super.computePrefHeight(width));
        }

        @Override
        public void resize(double width, double height) {
            super.resize(width, WrappingCell.atLeastWrapped(this, width, height));
        }
    }
}
