package dev.faultline.app.view.gameday;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dates;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.DocumentFiles;
import dev.faultline.app.view.common.FilePicker;
import dev.faultline.app.view.common.ReadOnlyBanner;
import dev.faultline.app.view.document.DocumentSession;
import dev.faultline.engine.model.Participant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.Property;
import javafx.beans.property.ReadOnlyProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The GameDay planner: what for, when (in the organiser's zone), where, who with which role, the
 * experiments in order and the day's checklist; saved as a {@code kind: GameDay} runbook. Open
 * action items from earlier GameDays are listed beside it.
 */
public final class GameDayView extends BorderPane {
    private final GameDayPlanModel plan;
    private final GameDayActions actions;
    private final Label status = new Label();
    private final Label fileLabel = new Label("new GameDay");
    private final ComboBox<String> env = new ComboBox<>();
    private static final double LEFT_MIN_WIDTH = 400;
    private static final double RIGHT_MIN_WIDTH = 330;
    private static final double DATE_MIN_WIDTH = 150;
    private final javafx.collections.ObservableList<String> openItems = FXCollections.observableArrayList();
    private final DocumentFiles files;
    private final FilePicker picker;

    /**
     * @param document the plan's file lifecycle (saved or not, where it goes, its autosave)
     * @param picker the file dialogs
     */
    public GameDayView(GameDayPlanModel plan, GameDayActions actions, DocumentSession document, FilePicker picker) {
        this.plan = plan;
        this.actions = actions;
        this.picker = picker;
        getStyleClass().add("gameday");
        PlanDocument planDocument = new PlanDocument(plan, actions);
        files = new DocumentFiles(
                document,
                planDocument,
                picker,
                () -> getScene() == null ? null : getScene().getWindow(),
                status::setText);
        planDocument.watch(files::changed);
        setTop(new VBox(toolbar(), ReadOnlyBanner.of(files.bannerProperty())));
        VBox left = left();
        VBox right = right();
        left.setMinWidth(LEFT_MIN_WIDTH);
        right.setMinWidth(RIGHT_MIN_WIDTH);
        HBox columns = new HBox(24, left, right);
        columns.setPadding(new Insets(16, 20, 16, 20));
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        status.getStyleClass().add("status-line");
        status.setPadding(new Insets(4, 12, 6, 12));
        setBottom(status);
        refreshOpenItems();
        // Shown again: the open action items may have changed in the retrospective meanwhile.
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                refreshOpenItems();
            }
        });
        plan.experiments().addListener((javafx.collections.ListChangeListener<String>) c -> learnTitles());
    }

    private ToolBar toolbar() {
        fileLabel.getStyleClass().add("title-4");
        fileLabel.setId("gameday-file");
        fileLabel.textProperty().bind(files.titleProperty());
        Button newDay = new Button("New", new FontIcon(MaterialDesignF.FILE_DOCUMENT_EDIT));
        newDay.setTooltip(new Tooltip("Start a new GameDay plan"));
        newDay.setOnAction(e -> startNew());
        Button open = new Button("", new FontIcon(MaterialDesignF.FOLDER_OPEN));
        open.setTooltip(new Tooltip("Open a GameDay runbook…"));
        open.setAccessibleText("Open a GameDay runbook");
        open.setOnAction(e -> openFile());
        Button save = new Button("Save", new FontIcon(MaterialDesignC.CONTENT_SAVE));
        save.setTooltip(new Tooltip("Save as a kind: GameDay runbook (Ctrl+S)"));
        save.setOnAction(e -> save(false));
        Button saveAs = new Button("", new FontIcon(MaterialDesignC.CONTENT_SAVE_EDIT));
        saveAs.setTooltip(new Tooltip("Save the plan as a new file (Ctrl+Shift+S)"));
        saveAs.setAccessibleText("Save the plan as a new file");
        saveAs.setOnAction(e -> files.saveAs(this::checkSaved));
        Button run = new Button("Run GameDay", new FontIcon(MaterialDesignP.PLAY));
        run.getStyleClass().add("accent");
        run.setId("run-gameday");
        run.setTooltip(
                new Tooltip("Save, then run every experiment in order, watched live; the kill switch stops the day"));
        run.setOnAction(e -> save(true));
        run.setMinWidth(Region.USE_PREF_SIZE);
        // Enter on the planner runs the day. Not a default button: the scene has one Enter accelerator,
        // and Home's default button took it back and forth as the screens were switched.
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER
                    && !e.isShortcutDown()
                    && !e.isAltDown()
                    && !e.isShiftDown()
                    && getScene() != null
                    && enterRuns(getScene().getFocusOwner(), run)) {
                e.consume();
                run.fire();
            }
        });
        fileLabel.setMinWidth(0);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return new ToolBar(fileLabel, newDay, open, save, saveAs, grow, run);
    }

    private VBox left() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        TextField title = text(plan.titleProperty(), plan::setTitle, "Title", "e.g. Payments resilience GameDay");
        title.setId("gameday-title");
        TextField name = text(plan.nameProperty(), plan::setName, "Name", "a stable id: letters, digits and dashes");
        TextArea description = new TextArea();
        sync(description.textProperty(), plan.descriptionProperty(), plan::setDescription);
        description.setPrefRowCount(2);
        description.setWrapText(true);
        description.setAccessibleText("Description");
        TextArea objectives = new TextArea();
        sync(objectives.textProperty(), plan.objectivesProperty(), plan::setObjectives);
        objectives.setPrefRowCount(3);
        objectives.setWrapText(true);
        objectives.setPromptText("one objective per line");
        objectives.setAccessibleText("Objectives, one per line");
        DatePicker date = Dates.unambiguous(new DatePicker());
        date.setValue(plan.dateProperty().get());
        plan.dateProperty().addListener((o, a, b) -> date.setValue(b));
        date.valueProperty().addListener((o, a, b) -> plan.setDate(b));
        date.setAccessibleText("Date");
        TextField time = text(plan.timeProperty(), plan::setTime, "Time", "HH:mm");
        time.setId("gameday-time");
        time.setPrefColumnCount(5);
        time.setMinWidth(Region.USE_PREF_SIZE);
        date.setMinWidth(DATE_MIN_WIDTH);
        ComboBox<ZoneId> zone = new ComboBox<>(FXCollections.observableArrayList(
                ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).toList()));
        sync(zone.valueProperty(), plan.zoneProperty(), plan::setZone);
        zone.setAccessibleText("Time zone");
        zone.setMinWidth(140);
        zone.setMaxWidth(Double.MAX_VALUE);
        env.getItems().setAll(actions.environments());
        sync(env.valueProperty(), plan.environmentProperty(), plan::setEnvironment);
        env.setAccessibleText("Environment");
        int r = 0;
        g.addRow(r++, label("Title", title), title);
        g.addRow(r++, label("Name", name), name);
        g.addRow(r++, label("Description", description), description);
        g.addRow(r++, label("Objectives", objectives), objectives);
        g.addRow(r++, label("When", date), new HBox(8, date, time));
        g.addRow(r++, label("Time zone", zone), zone);
        g.addRow(r, label("Environment", env), env);
        GridPane.setHgrow(title, Priority.ALWAYS);
        Label ph = new Label("Participants");
        ph.getStyleClass().add("section");
        VBox v = new VBox(12, heading("Plan"), g, ph, participants());
        v.setPrefWidth(620);
        HBox.setHgrow(v, Priority.ALWAYS);
        return v;
    }

    private VBox participants() {
        TableView<ParticipantRow> table = new TableView<>(plan.participants());
        table.setEditable(true);
        table.setPrefHeight(190);
        table.setAccessibleText("Participants: name, role and Slack member id");
        TableColumn<ParticipantRow, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> c.getValue().name);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setPrefWidth(220);
        TableColumn<ParticipantRow, Participant.Role> role = new TableColumn<>("Role");
        role.setCellValueFactory(c -> c.getValue().role);
        role.setCellFactory(ChoiceBoxTableCell.forTableColumn(Participant.Role.values()));
        role.setPrefWidth(140);
        TableColumn<ParticipantRow, String> slack = new TableColumn<>("Slack member id");
        slack.setCellValueFactory(c -> c.getValue().slackId);
        slack.setCellFactory(TextFieldTableCell.forTableColumn());
        slack.setPrefWidth(180);
        table.getColumns().addAll(java.util.List.of(name, role, slack));
        table.setPlaceholder(new Label("No one yet: add the leader, an operator, a scribe and who is on call"));
        Button add = new Button("Add participant");
        ParticipantForm form = new ParticipantForm(table);
        add.setOnAction(e -> {
            plan.addParticipant();
            table.getSelectionModel().selectLast();
            form.focusName();
        });
        Button edit = new Button("Edit…");
        edit.setId("edit-participant");
        edit.setTooltip(new Tooltip("Edit the selected participant's name, role and Slack id (Enter on the table)"));
        edit.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> form.focusName());
        table.setId("participants");
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && table.getEditingCell() == null) {
                if (table.getSelectionModel().getSelectedItem() != null) {
                    form.focusName();
                    e.consume();
                }
            }
        });
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            ParticipantRow row = table.getSelectionModel().getSelectedItem();
            if (row != null) {
                plan.removeParticipant(row);
            }
        });
        return new VBox(6, table, buttons(add, edit, remove), form);
    }

    private VBox right() {
        ListView<String> experiments = new ListView<>(plan.experiments());
        experiments.setId("gameday-experiments");
        experiments.setPrefHeight(170);
        experiments.setMinHeight(120);
        experiments.setAccessibleText("Experiments in the order they run, with who runs and who watches each");
        experiments.setPlaceholder(new Label("Add the experiments, in the order they run"));
        experiments.setCellFactory(l -> new ExperimentCell(plan));
        // a title learnt or a crew changed: the cells say it at once
        plan.titles().addListener((javafx.collections.MapChangeListener<String, String>) c -> experiments.refresh());
        plan.crews()
                .addListener((javafx.collections.MapChangeListener<String, dev.faultline.engine.model.ExperimentCrew>)
                        c -> experiments.refresh());
        plan.participants()
                .addListener((javafx.collections.ListChangeListener<ParticipantRow>) c -> experiments.refresh());
        MenuButton add = new MenuButton("Add experiment");
        add.setId("add-experiment");
        for (Path p : actions.experimentRunbooks()) {
            MenuItem item = new MenuItem(p.getParent().getFileName() + " / " + p.getFileName());
            item.setOnAction(e -> addExperiment(p));
            add.getItems().add(item);
            Background.run(
                    "experiment-title",
                    () -> actions.experimentTitle(p),
                    t -> item.setText(t + "  (" + p.getParent().getFileName() + " / " + p.getFileName() + ")"),
                    err -> {}); // the file name stays: the editor says what is wrong with it
        }
        MenuItem own = new MenuItem("A runbook file of your own…");
        own.setId("add-own-experiment");
        own.setOnAction(e -> {
            Path dir = actions.userFolder();
            picker.open(
                            getScene().getWindow(),
                            "Add an experiment runbook",
                            Files.isDirectory(dir) ? dir : Path.of(System.getProperty("user.home")))
                    .ifPresent(this::addExperiment);
        });
        if (!add.getItems().isEmpty()) {
            add.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
        add.getItems().add(own);
        Button up = new Button("Up");
        up.setOnAction(e -> move(experiments, -1));
        Button down = new Button("Down");
        down.setOnAction(e -> move(experiments, 1));
        Button remove = new Button("Remove");
        remove.setOnAction(
                e -> plan.removeExperiment(experiments.getSelectionModel().getSelectedItem()));
        CrewPane crew = new CrewPane(plan, experiments.getSelectionModel().selectedItemProperty());
        ListView<String> items = new ListView<>(openItems);
        items.setId("open-action-items");
        items.setPrefHeight(110);
        items.setAccessibleText("Open action items from earlier GameDays");
        items.setPlaceholder(new Label("No open action items from earlier GameDays"));
        VBox v = new VBox(
                10,
                heading("Experiments"),
                experiments,
                buttons(add, up, down, remove),
                crew,
                heading("Checklist for the day"),
                new ChecklistPane(
                        "Pre-checks", "e.g. dashboards open, on-call told", plan, GameDayPlanModel.Part.PRE_CHECKS),
                new ChecklistPane("Comms", "e.g. announce in #incidents", plan, GameDayPlanModel.Part.COMMS),
                new ChecklistPane(
                        "Abort criteria",
                        "e.g. error rate above 5% for a minute",
                        plan,
                        GameDayPlanModel.Part.ABORT_CRITERIA),
                heading("Open action items from earlier GameDays"),
                items);
        v.setPrefWidth(520);
        HBox.setHgrow(v, Priority.ALWAYS);
        return v;
    }

    /**
     * Whether Enter on {@code focus} runs the day: on Run GameDay itself and in a plain text field.
     * A text area keeps Enter for new lines, a field with its own action (adding a checklist item,
     * a table cell being edited), a date or zone picker, a list and a table keep theirs, and another
     * button is left to its own key.
     */
    private static boolean enterRuns(javafx.scene.@org.jspecify.annotations.Nullable Node focus, Button run) {
        if (focus == run) {
            return true;
        }
        if (!(focus instanceof TextField f) || f.getOnAction() != null) {
            return false;
        }
        for (javafx.scene.Node n = f.getParent(); n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ComboBoxBase<?> || n instanceof javafx.scene.control.Cell<?>) {
                return false;
            }
        }
        return true;
    }

    /** A row of buttons that wraps onto a second line rather than squeezing them into "…". */
    private static javafx.scene.layout.FlowPane buttons(javafx.scene.Node... nodes) {
        javafx.scene.layout.FlowPane f = new javafx.scene.layout.FlowPane(8, 6, nodes);
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        return f;
    }

    /** Adds a runbook as the day's next experiment and looks up its title to show. */
    public void addExperiment(Path runbook) {
        String name = plan.addExperiment(runbook);
        Background.run(
                "experiment-title",
                () -> actions.experimentTitle(runbook),
                t -> plan.setTitleOf(name, t),
                err -> status.setText(
                        "added " + runbook.getFileName() + ", but it does not load: " + Dialogs.message(err)));
    }

    /** Finds the titles of the plan's experiments not known yet, off the FX thread. */
    private void learnTitles() {
        for (String e : java.util.List.copyOf(plan.experiments())) {
            if (plan.titles().containsKey(e)) {
                continue;
            }
            Path runbook = plan.runbookOf(e);
            Background.run(
                    "experiment-title", () -> actions.experimentTitle(runbook), t -> plan.setTitleOf(e, t), err -> {});
        }
    }

    private void move(ListView<String> list, int by) {
        int j = plan.moveExperiment(list.getSelectionModel().getSelectedIndex(), by);
        if (j >= 0) {
            list.getSelectionModel().select(j);
        }
    }

    /** Opens a GameDay runbook, once unsaved edits of the plan are saved or discarded. */
    public void open(Path file) {
        files.guard(() -> load(file));
    }

    /** Asks for a GameDay runbook (in the user's or the last folder) and opens it. */
    public void openFile() {
        files.guard(() -> files.pickToOpen("Open a GameDay runbook").ifPresent(this::load));
    }

    /** A new plan, once unsaved edits of this one are saved or discarded. */
    public void startNew() {
        files.guard(() -> {
            plan.startNew();
            files.startedUntitled("new-gameday.yaml");
            status.setText("new GameDay: give it a title, participants and experiments, then save");
        });
    }

    private void load(Path file) {
        Background.run(
                "gameday-open",
                () -> actions.load(file),
                d -> {
                    plan.load(d.gameDay(), file.toString());
                    learnTitles();
                    files.opened(file);
                    status.setText("opened " + file.getFileName());
                },
                err -> Dialogs.error("Could not open " + file.getFileName(), err));
    }

    /** Saves the plan to {@code file} (never a shipped runbook). */
    public void saveAs(Path file) {
        files.write(file, this::checkSaved);
    }

    /**
     * Save (Run saves first): over the plan's own file; a new plan or a shipped one to a file
     * people pick in their folder. A run of an unchanged, saved plan does not rewrite its file.
     */
    private void save(boolean thenRun) {
        String f = plan.fileProperty().get();
        if (thenRun && !files.session().unsaved() && !f.isEmpty() && Files.exists(Path.of(f))) {
            actions.run(Path.of(f));
            return;
        }
        files.save(
                thenRun
                        ? () -> checkSaved(
                                () -> actions.run(Path.of(plan.fileProperty().get())))
                        : this::checkSaved);
    }

    private void checkSaved() {
        checkSaved(() -> {});
    }

    /** Checks the saved file as the command line would, then runs {@code then}; says what is wrong otherwise. */
    private void checkSaved(Runnable then) {
        Path file = Path.of(plan.fileProperty().get());
        Background.run("gameday-check", () -> actions.load(file), d -> then.run(), err -> {
            status.setText("saved, but the GameDay has problems: " + Dialogs.message(err));
            Dialogs.error("The GameDay has problems", err);
        });
    }

    /** The plan's file lifecycle: Save, Save As, the unsaved marker, the guard before discarding. */
    public DocumentFiles files() {
        return files;
    }

    /** Lists the environments again (saved in the settings: no restart needed). */
    public void refreshEnvironments() {
        String chosen = env.getValue();
        env.getItems().setAll(actions.environments());
        env.setValue(chosen);
    }

    /** Reads the open action items from earlier GameDays again (the planner does so whenever it is shown). */
    public void refreshOpenItems() {
        Background.run(
                "open-action-items",
                actions::openActionItems,
                openItems::setAll,
                err -> openItems.setAll("could not read the action items: " + Dialogs.message(err)));
    }

    private static TextField text(ReadOnlyStringProperty p, Consumer<String> set, String name, String prompt) {
        TextField t = new TextField();
        sync(t.textProperty(), p, set);
        t.setPromptText(prompt);
        t.setAccessibleText(name);
        return t;
    }

    /** Keeps a field and a plan property in step: the field shows the plan, and an edit goes to the plan through its method. */
    private static <T> void sync(Property<T> field, ReadOnlyProperty<T> plan, Consumer<T> set) {
        field.setValue(plan.getValue());
        plan.addListener((o, a, b) -> {
            if (!Objects.equals(field.getValue(), b)) {
                field.setValue(b);
            }
        });
        field.addListener((o, a, b) -> {
            if (b != null && !Objects.equals(plan.getValue(), b)) {
                set.accept(b);
            }
        });
    }

    private static Label label(String text, javafx.scene.Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    /** Puts the focus on Run GameDay, so Enter starts the day. */
    public void focusRun() {
        javafx.application.Platform.runLater(() -> {
            javafx.scene.Node run = lookup("#run-gameday");
            if (run != null) {
                run.requestFocus();
            }
        });
    }

    public GameDayPlanModel plan() {
        return plan;
    }
}
