package dev.faultline.app.view.gameday;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.DocumentFiles;
import dev.faultline.app.view.common.FilePicker;
import dev.faultline.app.view.common.ReadOnlyBanner;
import dev.faultline.app.view.document.DocumentSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The GameDay planner: what for, when (in the organiser's zone), where, who with which role, the
 * experiments in order and the day's checklist; saved as a {@code kind: GameDay} runbook. Open
 * action items from earlier GameDays are listed beside it. This class puts the parts together
 * ({@link PlanToolbar}, {@link PlanForm}, {@link ExperimentsPane}, {@link DayChecklists}) and keeps
 * the plan's file: open, save, check and run.
 */
public final class GameDayView extends BorderPane {
    private static final double LEFT_MIN_WIDTH = 400;
    private static final double RIGHT_MIN_WIDTH = 330;

    private final GameDayPlanModel plan;
    private final GameDayActions actions;
    private final Label status = new Label();
    private final DocumentFiles files;
    private final FilePicker picker;
    private final PlanToolbar toolbar;
    private final PlanForm form;
    private final DayChecklists checklists;

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
        toolbar = new PlanToolbar(
                files.titleProperty(),
                new PlanToolbar.Commands(
                        this::startNew,
                        this::openFile,
                        () -> save(false),
                        () -> files.saveAs(this::checkSaved),
                        () -> save(true)));
        toolbar.enterRunsOn(this);
        setTop(new VBox(toolbar, ReadOnlyBanner.of(files.bannerProperty())));
        form = new PlanForm(plan, actions.environments());
        checklists = new DayChecklists(plan, actions);
        VBox right =
                new VBox(10, new ExperimentsPane(plan, actions, this::addExperiment, this::addOwnFile), checklists);
        right.setPrefWidth(520);
        HBox.setHgrow(right, Priority.ALWAYS);
        form.setMinWidth(LEFT_MIN_WIDTH);
        right.setMinWidth(RIGHT_MIN_WIDTH);
        HBox columns = new HBox(24, form, right);
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
        plan.experiments().addListener((ListChangeListener<String>) c -> learnTitles());
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

    /** Asks for a runbook file of one's own (in the user's folder) and adds it. */
    private void addOwnFile() {
        Path dir = actions.userFolder();
        picker.open(
                        getScene().getWindow(),
                        "Add an experiment runbook",
                        Files.isDirectory(dir) ? dir : Path.of(System.getProperty("user.home")))
                .ifPresent(this::addExperiment);
    }

    /** Finds the titles of the plan's experiments not known yet, off the FX thread. */
    private void learnTitles() {
        for (String e : List.copyOf(plan.experiments())) {
            if (plan.titles().containsKey(e)) {
                continue;
            }
            Path runbook = plan.runbookOf(e);
            Background.run(
                    "experiment-title", () -> actions.experimentTitle(runbook), t -> plan.setTitleOf(e, t), err -> {});
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
        form.environments(actions.environments());
    }

    /** Reads the open action items from earlier GameDays again (the planner does so whenever it is shown). */
    public void refreshOpenItems() {
        checklists.refreshOpenItems();
    }

    /** Puts the focus on Run GameDay, so Enter starts the day. */
    public void focusRun() {
        Platform.runLater(toolbar::focusRun);
    }

    public GameDayPlanModel plan() {
        return plan;
    }
}
