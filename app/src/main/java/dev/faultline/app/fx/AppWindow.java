package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.StartupRecovery;
import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.app.view.editor.EditorView;
import dev.faultline.app.view.editor.EditorViewModel;
import dev.faultline.app.view.editor.FaultTemplates;
import dev.faultline.app.view.gameday.GameDayPlanModel;
import dev.faultline.app.view.gameday.GameDayView;
import dev.faultline.app.view.home.HomeView;
import dev.faultline.app.view.home.HomeViewModel;
import dev.faultline.app.view.home.SchedulesModel;
import dev.faultline.app.view.home.SchedulesPane;
import dev.faultline.app.view.live.LiveRunView;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.RunCoordinator;
import dev.faultline.app.view.retro.RetroView;
import dev.faultline.app.view.retro.RetroViewModel;
import dev.faultline.app.view.shell.MainShell;
import dev.faultline.app.view.shell.Screen;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/**
 * Wires the screens of the desktop app to the composition and to each other. What each part does
 * is its own class's: the look ({@link AppLook}), the documents ({@link AppDocuments}), GameDay runs
 * ({@link GameDayRuns}), closing during a run ({@link AppClosing}), Settings ({@link SettingsScreen}).
 */
public final class AppWindow {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AppWindow.class);
    private final Composition composition;
    private final Stage stage;
    private final ZoneId zone = ZoneId.systemDefault();
    private final AppLook look;
    private final MainShell shell;
    private final HomeView home;
    private final HomeViewModel homeModel;
    private final SchedulesModel schedules;
    private final LiveRunViewModel live = new LiveRunViewModel(zone);
    private EditorViewModel editorModel;
    private EditorView editor;
    private final RunCoordinator runs;
    /** Team mode: the run of another desktop the live view follows, if any. */
    private final dev.faultline.app.view.live.RunFollowing following;

    private final RunStarter starter;
    private final GameDayRuns gameDayRuns;
    private final AppClosing closing;
    private ShippedRunbooks shipped = ShippedRunbooks.NONE;
    // Built after the first frame (buildScreens); the FX thread only reads them after that.
    private GameDayView gameDay;
    private RetroView retro;
    private final AppDocuments documents;
    /** The first reads wait for the first frame. */
    private final FirstFrame firstFrame = new FirstFrame();

    public AppWindow(Composition composition, Stage stage) {
        this.composition = composition;
        this.stage = stage;
        AppPreferences prefs = new AppPreferences(composition.home.root().resolve("app.properties"));
        look = new AppLook(prefs, stage);
        StartupTimer.mark("theme");
        shell = new MainShell(composition.killSwitch, zone, look.dark());
        shell.killSwitch().relayTo(new dev.faultline.app.TeamSwitchRelay(composition).signedBy(look::author));
        look.sizeText(shell);
        StartupTimer.mark("shell");
        documents = new AppDocuments(composition, prefs, ShippedRunbooks.dir(), m -> Dialogs.error(m, null));
        starter = new RunStarter(composition);
        runs = new RunCoordinator(
                starter,
                live,
                () -> shell.show(Screen.LIVE),
                this::refreshRuns,
                () -> GameDayRuns.refusedWhileEngaged(composition.killSwitch, zone));
        gameDayRuns = new GameDayRuns(composition, starter, runs, live, () -> shell.show(Screen.LIVE));
        closing = new AppClosing(shell, runs);
        homeModel = new HomeViewModel(
                zone,
                composition.clock,
                composition::store,
                composition.loader,
                composition.environments.all(),
                composition.plugins.backends(),
                firstFrame.work(),
                this::failed);
        home = new HomeView(
                homeModel,
                this::firstGameDay,
                p -> runs.start(p.getFileName().toString(), () -> composition.loader.load(p)),
                this::edit,
                this::openRecent);
        schedules = new SchedulesModel(
                zone,
                composition.clock,
                composition::store,
                composition.loader,
                () -> composition.environments,
                firstFrame.work(),
                this::failed);
        following = new dev.faultline.app.view.live.RunFollowing(
                composition::store,
                composition.loader,
                live,
                javafx.application.Platform::runLater,
                composition.clock,
                new dev.faultline.engine.store.RemoteRevert(composition.plugins, composition.reverter)::lines);
        firstFrame.whenDrawn(() -> javafx.application.Platform.runLater(this::buildBelowTheFold));
        following.stopWhenBusy(runs.busyProperty());
        shell.put(Screen.HOME, home);
        homeModel.showRecent(documents.experiment.recent());
        shell.currentProperty().addListener((o, was, now) -> {
            if (now == Screen.HOME) {
                homeModel.showRecent(documents.experiment.recent()); // opened or saved meanwhile
            }
        });
    }

    /** Home's schedules and team runs: below the fold or hidden, so built after the first frame. */
    private void buildBelowTheFold() {
        home.showSchedules(new SchedulesPane(
                schedules,
                zone,
                () -> List.copyOf(homeModel.runbooks()),
                () -> composition.environments.all().stream()
                        .filter(e -> !e.production()) // a scheduled run has nobody to confirm it
                        .map(dev.faultline.engine.env.Environment::name)
                        .toList(),
                owner -> documents.picker.open(owner, "Choose the runbook to schedule", composition.home.root())));
        home.showUnderWay(new dev.faultline.app.view.home.UnderWayPane(
                new dev.faultline.app.view.home.UnderWayModel(zone, composition::store, firstFrame.work()), r -> {
                    if (runs.busyProperty().get()) {
                        Dialogs.error(
                                "A run of this desktop is active",
                                new IllegalStateException("The live view shows this desktop's run until it ends: follow"
                                        + " the other desktop's run then."));
                        return;
                    }
                    following.follow(r);
                    shell.show(Screen.LIVE);
                }));
    }

    /**
     * A background read's failure, said in a dialog while this window is shown; one that ends after the
     * window closed or showed something else (the database closed with it) is only logged: nobody is
     * there to read it, and a dialog would sit over what is shown now.
     */
    private void failed(String what, Throwable err) {
        if (stage.isShowing() && stage.getScene() != null && stage.getScene().getRoot() == shell) {
            Dialogs.error(what, err);
        } else {
            log.info("{} after the window closed: {}", what, err.toString());
        }
    }

    private void discovered(ShippedRunbooks found) {
        shipped = found;
        homeModel.showRunbooks(found.experiments());
        buildScreens();
        refreshRuns();
    }

    /**
     * The other screens, built right after the first frame so the window is interactive sooner; a
     * click on one of them before then is taken once it exists.
     */
    private void buildScreens() {
        if (editor != null) {
            return;
        }
        List<Path> experiments = shipped.experiments();
        editorModel = new EditorViewModel(composition.loader);
        editor = new EditorView(
                editorModel,
                new AppEditorActions(composition, runs, experiments),
                new AppAuthoringActions(composition),
                FaultTemplates.available(composition.plugins.backends()),
                documents.experiment,
                documents.picker);
        gameDay = new GameDayView(
                new GameDayPlanModel(composition.clock, zone, look::author),
                new AppGameDayActions(composition, experiments, this::runGameDay),
                documents.plan,
                documents.picker);
        documents.installMenu(shell, editor, gameDay, m -> Dialogs.error(m, null));
        AppDocuments.bindTitle(stage, shell, editor, gameDay);
        retro = new RetroView(new RetroViewModel(
                new AppRetroActions(composition, zone), zone, composition.clock, Work.background(), this::failed));
        shell.put(Screen.GAMEDAY, gameDay);
        shell.put(Screen.EDITOR, editor);
        shell.editHistory(Screen.EDITOR, editor::undo, editor::redo);
        ScribeNotes notes = new ScribeNotes(live, composition::store, look::author);
        shell.put(
                Screen.LIVE,
                new LiveRunView(
                        live,
                        TimeZone.getTimeZone(zone),
                        look.dark(),
                        notes::note,
                        shell.killSwitch().engagedProperty(),
                        shell.killSwitch()::askRelease,
                        following::revertHeld));
        shell.put(Screen.RETRO, retro);
        shell.put(Screen.SETTINGS, SettingsScreen.of(composition, look, zone, envs -> {
            homeModel.useEnvironments(envs.all());
            homeModel.refreshBackends();
            gameDay.refreshEnvironments();
        }));
        // What a crashed session left unsaved is offered back first; else the first runbooks open.
        Path firstDay = shipped.firstGameDay();
        editor.files()
                .offerRecovery(
                        zone,
                        () -> {
                            if (!experiments.isEmpty()) {
                                editor.open(experiments.get(0), false);
                            }
                        },
                        () -> gameDay.files()
                                .offerRecovery(
                                        zone,
                                        () -> {
                                            if (firstDay != null) {
                                                gameDay.open(firstDay);
                                            }
                                        },
                                        () -> {}));
        retro.refresh();
    }

    /**
     * Runs a saved GameDay: every experiment in order, each shown live as it starts, the plan and each
     * result in the live view; after a halt the day pauses there until the leader chooses.
     */
    void runGameDay(Path file) {
        gameDayRuns.run(file);
    }

    void show() {
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(AppWindow.class.getResource("faultline.css").toExternalForm());
        shell.installShortcuts(scene);
        if (!stage.titleProperty().isBound()) {
            stage.setTitle("Faultline");
        }
        stage.setScene(scene);
        stage.setMinWidth(1024);
        stage.setMinHeight(680);
        stage.setOnCloseRequest(e -> {
            if (!closing.underWay() && documents.unsaved()) {
                e.consume(); // asked first: Save, Discard or Cancel
                AppDocuments.guardAll(editor, gameDay, () -> closing.afterTheRun(stage::close));
            } else if (closing.underWay() || runs.isRunning()) {
                e.consume(); // closed once the run has ended, off the FX thread
                closing.afterTheRun(stage::close);
            }
        });
        shell.setOnQuit(() -> AppDocuments.guardAll(
                editor,
                gameDay,
                () -> closing.afterTheRun(() -> {
                    stage.close();
                    javafx.application.Platform.exit();
                })));
        StartupTimer.mark("scene");
        stage.show();
        StartupTimer.mark("stage-show");
        firstFrame.watch();
        home.focusStart();
        homeModel.refreshBackends();
        firstFrame.whenDrawn(() -> Background.run(
                "discover-runbooks",
                () -> ShippedRunbooks.discover(composition.loader),
                this::discovered,
                err -> Dialogs.error("Could not read the shipped runbooks", err)));
    }

    /** The first-GameDay path: the sandbox GameDay opened in the planner, one click from running. */
    private void firstGameDay() {
        if (editor == null) {
            return; // the button is enabled once the runbooks are read
        }
        Path firstDay = shipped.firstGameDay();
        if (firstDay != null) {
            gameDay.open(firstDay);
            shell.show(Screen.GAMEDAY);
            gameDay.focusRun();
            return;
        }
        Path first = ShippedRunbooks.all().stream()
                .filter(p -> p.getFileName().toString().equals("payment-latency-holds.yaml"))
                .findFirst()
                .orElse(null);
        if (first == null) {
            Dialogs.error(
                    "The sandbox runbooks are missing",
                    new IllegalStateException("Faultline looks for them in " + ShippedRunbooks.dir()
                            + "; start it with ./faultline from its folder."));
            return;
        }
        runs.start("your first GameDay", () -> composition.loader.load(first));
    }

    private void openRecent(Path p) {
        if (editor != null) { // the list can be used once the screens are built
            documents.openRecent(p, shell, editor, gameDay);
        }
    }

    private void edit(Path p) {
        editor.open(p, false);
        shell.show(Screen.EDITOR);
    }

    /** Runs {@code then} once the window's first frame is drawn (at once after that). */
    void whenDrawn(Runnable then) {
        firstFrame.whenDrawn(then);
    }

    void recoverLeftovers(boolean revertOrphans) {
        firstFrame.whenDrawn(() -> Background.run(
                "startup-recovery",
                () -> StartupRecovery.run(composition, revertOrphans),
                lines -> {
                    if (!lines.isEmpty()) {
                        Alert a = new Alert(Alert.AlertType.INFORMATION, String.join("\n", lines));
                        a.setHeaderText("What Faultline found from an earlier session");
                        a.show();
                    }
                    refreshRuns();
                },
                err -> Dialogs.error("Recovering what a crashed session left behind failed", err)));
    }

    private void refreshRuns() {
        homeModel.refreshRuns();
        schedules.refresh();
        if (retro != null) {
            retro.refresh();
        }
        homeModel.refreshGameDays(shipped.gameDays());
        if (gameDay != null) {
            gameDay.refreshOpenItems(); // a run's retrospective may have opened or closed some
        }
    }

    MainShell shell() {
        return shell;
    }

    RunCoordinator runs() {
        return runs;
    }

    GameDayView gameDay() {
        return gameDay;
    }

    EditorView editor() {
        return editor;
    }

    LiveRunViewModel live() {
        return live;
    }

    /** Answers the file dialogs in place of the system's (UI tests: no robot drives a native dialog). */
    void useFilePicker(dev.faultline.app.view.common.FilePicker picker) {
        documents.picker = picker;
    }

    EditorViewModel editorModel() {
        return editorModel;
    }

    BooleanProperty dark() {
        return look.dark();
    }

    Instant now() {
        return composition.clock.instant();
    }
}
