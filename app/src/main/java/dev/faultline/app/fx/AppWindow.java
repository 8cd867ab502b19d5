package dev.faultline.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.Composition;
import dev.faultline.app.StartupRecovery;
import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.app.view.editor.EditorView;
import dev.faultline.app.view.editor.EditorViewModel;
import dev.faultline.app.view.editor.FaultTemplates;
import dev.faultline.app.view.gameday.GameDayView;
import dev.faultline.app.view.home.HomeView;
import dev.faultline.app.view.home.HomeViewModel;
import dev.faultline.app.view.live.LiveRunView;
import dev.faultline.app.view.live.LiveRunViewModel;
import dev.faultline.app.view.live.RunCoordinator;
import dev.faultline.app.view.settings.SettingsView;
import dev.faultline.app.view.settings.SettingsViewModel;
import dev.faultline.app.view.shell.MainShell;
import dev.faultline.app.view.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** Wires the screens of the desktop app to the composition and to each other. */
public final class AppWindow {
    private final Composition composition;
    private final Stage stage;
    private final ZoneId zone = ZoneId.systemDefault();
    private final AppPreferences prefs;
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final javafx.beans.property.IntegerProperty textSize = new javafx.beans.property.SimpleIntegerProperty(14);
    private final MainShell shell;
    private final HomeView home;
    private final HomeViewModel homeModel;
    private final LiveRunViewModel live = new LiveRunViewModel(zone);
    private EditorViewModel editorModel;
    private EditorView editor;
    private final RunCoordinator runs;
    private final RunStarter starter;
    private List<Path> shipped = List.of();
    // Built after the first frame (buildScreens); the FX thread only reads them after that.
    private GameDayView gameDay;
    private dev.faultline.app.view.retro.RetroView retro;
    private List<Path> gameDayFiles = List.of();
    private @org.jspecify.annotations.Nullable Path firstGameDayFile;
    private @org.jspecify.annotations.Nullable ClosingBar closing;
    private final AppDocuments documents;

    public AppWindow(Composition composition, Stage stage) {
        this.composition = composition;
        this.stage = stage;
        this.prefs = new AppPreferences(composition.home.root().resolve("app.properties"));
        dark.set(prefs.darkTheme());
        applyTheme();
        dark.addListener((o, a, b) -> {
            prefs.setDarkTheme(b);
            applyTheme();
        });
        shell = new MainShell(composition.killSwitch, zone, dark);
        documents = new AppDocuments(composition, prefs, runbookDir(), m -> Dialogs.error(m, null));
        textSize.set(prefs.textSize());
        shell.setStyle("-fx-font-size: " + textSize.get() + "px;");
        textSize.addListener((o, a, b) -> {
            prefs.setTextSize(b.intValue());
            shell.setStyle("-fx-font-size: " + b + "px;");
        });
        starter = new RunStarter(composition);
        runs = new RunCoordinator(
                starter, live, () -> shell.show(Screen.LIVE), this::refreshRuns, this::refusedWhileEngaged);
        homeModel = new HomeViewModel(
                zone,
                composition.clock,
                composition::store,
                composition.loader,
                composition.environments.all(),
                composition.plugins.backends(),
                Work.background(),
                Dialogs::error);
        home = new HomeView(
                homeModel,
                this::firstGameDay,
                p -> runs.start(p.getFileName().toString(), () -> composition.loader.load(p)),
                this::edit);
        shell.put(Screen.HOME, home);
    }

    /** The shipped runbooks, sorted into experiments and GameDays (off the FX thread: it reads and parses them). */
    private record Shipped(List<Path> experiments, List<Path> gameDays) {}

    private Shipped discover() {
        List<Path> all = shippedRunbooks();
        List<Path> gameDays = all.stream().filter(this::isGameDay).toList();
        return new Shipped(all.stream().filter(p -> !gameDays.contains(p)).toList(), gameDays);
    }

    private void discovered(Shipped found) {
        shipped = found.experiments();
        gameDayFiles = found.gameDays();
        firstGameDayFile = gameDayFiles.stream()
                .filter(p -> p.getFileName().toString().equals("first-gameday.yaml"))
                .findFirst()
                .orElse(gameDayFiles.isEmpty() ? null : gameDayFiles.get(0));
        homeModel.showRunbooks(shipped);
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
        editorModel = new EditorViewModel(composition.loader);
        editor = new EditorView(
                editorModel,
                new AppEditorActions(composition, runs, shipped),
                new AppAuthoringActions(composition),
                FaultTemplates.available(composition.plugins.backends()),
                documents.experiment,
                documents.picker);
        gameDay = new GameDayView(
                new dev.faultline.app.view.gameday.GameDayPlanModel(composition.clock, zone),
                new AppGameDayActions(composition, shipped, this::runGameDay),
                documents.plan,
                documents.picker);
        documents.installMenu(shell, editor, gameDay, m -> Dialogs.error(m, null));
        AppDocuments.bindTitle(stage, shell, editor, gameDay);
        retro = new dev.faultline.app.view.retro.RetroView(new dev.faultline.app.view.retro.RetroViewModel(
                new AppRetroActions(composition, zone), zone, composition.clock, Work.background(), Dialogs::error));
        shell.put(Screen.GAMEDAY, gameDay);
        shell.put(Screen.EDITOR, editor);
        shell.editHistory(Screen.EDITOR, editor::undo, editor::redo);
        shell.put(
                Screen.LIVE,
                new LiveRunView(
                        live,
                        TimeZone.getTimeZone(zone),
                        dark,
                        this::note,
                        shell.killSwitch().engagedProperty(),
                        shell.killSwitch()::askRelease));
        shell.put(Screen.RETRO, retro);
        SettingsViewModel settings = new SettingsViewModel(
                dark,
                textSize,
                composition.home.root(),
                zone,
                composition.environments.all(),
                composition.home.environments(),
                composition.environmentProblems,
                dev.faultline.app.NotifierConfig.file(composition.home.root()),
                this::sendSlackTest,
                Work.background(),
                Dialogs::error);
        settings.onEnvironmentsInUse(envs -> {
            composition.useEnvironments(envs); // runs read it when they start: no restart
            homeModel.useEnvironments(envs.all());
            homeModel.refreshBackends();
            gameDay.refreshEnvironments();
        });
        settings.connectionCheck(env -> ConnectionCheck.of(env, composition.plugins.backends()));
        settings.databaseCheck(() -> "reachable: "
                + composition.store().recentRuns(1000).size() + " run(s) recorded (up to 1000 counted) in "
                + composition.home.database() + ".mv.db");
        shell.put(Screen.SETTINGS, new SettingsView(settings));
        // What a crashed session left unsaved is offered back first; else the first runbooks open.
        Path firstDay = firstGameDayFile;
        editor.files()
                .offerRecovery(
                        zone,
                        () -> {
                            if (!shipped.isEmpty()) {
                                editor.open(shipped.get(0), false);
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

    private boolean isGameDay(Path p) {
        try {
            return composition.loader.kindOf(p).equals("GameDay");
        } catch (dev.faultline.engine.runbook.RunbookException e) {
            return false; // not YAML at all: the editor will say what is wrong when it is opened
        }
    }

    private String sendSlackTest() throws Exception {
        var slack = composition
                .notifiers
                .provider("slack")
                .orElseThrow(() -> new IllegalStateException("the Slack plugin is not installed"));
        return slack.sendTest(dev.faultline.app.NotifierConfig.load(composition.home.root(), System.getenv()));
    }

    /** A scribe's note: on the charts at once, and kept with the run in the database. */
    private void note(Instant at, String text) {
        live.addObservation(at, "", text);
        String run = live.runId();
        if (run.isEmpty()) {
            return;
        }
        Background.run(
                "note",
                () -> composition.store().retro().addObservation(run, at, System.getProperty("user.name", ""), text),
                o -> {},
                err -> Dialogs.error("The note is on the charts but could not be stored", err));
    }

    /**
     * Runs a saved GameDay: every experiment in order, each shown live as it starts, the plan and each
     * result in the live view; after a halt the day pauses there until the leader chooses.
     */
    void runGameDay(Path file) {
        GameDayStarter days = new GameDayStarter(composition, starter);
        runs.start(
                file.getFileName().toString(),
                (bridge, say) -> days.task(
                        file,
                        e -> javafx.application.Platform.runLater(() -> live.begin(e, Instant.now())),
                        bridge,
                        ev -> {
                            javafx.application.Platform.runLater(() -> live.acceptDay(ev));
                            say.accept(GameDayStarter.describe(ev));
                        },
                        say,
                        dev.faultline.engine.gameday.HaltPolicy.of("the leader", this::askAfterHalt)));
    }

    /** The GameDay's thread waits here for the leader's choice in the live view (a stop interrupts it). */
    private dev.faultline.engine.spi.run.AfterHalt askAfterHalt(dev.faultline.engine.gameday.HaltPolicy.Halt h)
            throws InterruptedException {
        java.util.concurrent.CompletableFuture<dev.faultline.engine.spi.run.AfterHalt> answer =
                new java.util.concurrent.CompletableFuture<>();
        LiveRunViewModel.PausedDay paused = new LiveRunViewModel.PausedDay(
                h.index(), h.total(), h.experiment().name(), h.next(), h.why(), answer);
        javafx.application.Platform.runLater(() -> {
            live.pause(paused);
            shell.show(Screen.LIVE);
        });
        try {
            return answer.get();
        } catch (java.util.concurrent.ExecutionException e) {
            return dev.faultline.engine.spi.run.AfterHalt.END;
        } finally {
            javafx.application.Platform.runLater(live::unpause);
        }
    }

    /** Why nothing may start now (the kill switch is engaged, here or in another Faultline), said before anything starts. */
    private java.util.Optional<String> refusedWhileEngaged() {
        try {
            composition.killSwitch.ensureReleased();
            return java.util.Optional.empty();
        } catch (dev.faultline.engine.safety.KillSwitchEngagedException e) {
            return java.util.Optional.of(
                    e.getMessage()
                            .replace(
                                    "faultline release --reason \"...\"",
                                    "press HALTED — Release… (or Kill switch > Release), say why it is safe, then start again"));
        }
    }

    void show() {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
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
            if (closing == null && documents.unsaved()) {
                e.consume(); // asked first: Save, Discard or Cancel
                AppDocuments.guardAll(editor, gameDay, () -> closeAfterTheRun(stage::close));
            } else if (closing != null || runs.isRunning()) {
                e.consume(); // closed once the run has ended, off the FX thread
                closeAfterTheRun(stage::close);
            }
        });
        shell.setOnQuit(() -> AppDocuments.guardAll(
                editor,
                gameDay,
                () -> closeAfterTheRun(() -> {
                    stage.close();
                    javafx.application.Platform.exit();
                })));
        stage.show();
        home.focusStart();
        homeModel.refreshBackends();
        Background.run(
                "discover-runbooks",
                this::discover,
                this::discovered,
                err -> Dialogs.error("Could not read the shipped runbooks", err));
    }

    private void applyTheme() {
        Application.setUserAgentStylesheet(
                dark.get() ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (stage.getScene() != null) {
            stage.getScene()
                    .getRoot()
                    .pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark.get());
        }
    }

    /** The first-GameDay path: the sandbox GameDay opened in the planner, one click from running. */
    private void firstGameDay() {
        if (editor == null) {
            return; // the button is enabled once the runbooks are read
        }
        if (firstGameDayFile != null) {
            gameDay.open(firstGameDayFile);
            shell.show(Screen.GAMEDAY);
            gameDay.focusRun();
            return;
        }
        Path first = shippedRunbooks().stream()
                .filter(p -> p.getFileName().toString().equals("payment-latency-holds.yaml"))
                .findFirst()
                .orElse(null);
        if (first == null) {
            Dialogs.error(
                    "The sandbox runbooks are missing",
                    new IllegalStateException("Faultline looks for them in " + runbookDir()
                            + "; start it with ./faultline from its folder."));
            return;
        }
        runs.start("your first GameDay", () -> composition.loader.load(first));
    }

    private void edit(Path p) {
        editor.open(p, false);
        shell.show(Screen.EDITOR);
    }

    void recoverLeftovers(boolean revertOrphans) {
        Background.run(
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
                err -> Dialogs.error("Recovering what a crashed session left behind failed", err));
    }

    private void refreshRuns() {
        homeModel.refreshRuns();
        if (retro != null) {
            retro.refresh();
        }
        homeModel.refreshGameDays(gameDayFiles);
        if (gameDay != null) {
            gameDay.refreshOpenItems(); // a run's retrospective may have opened or closed some
        }
    }

    /**
     * Closes now when no run is active; otherwise asks, then halts the run and waits for it (faults
     * reverted, result recorded, sandbox stopped) off the FX thread, showing the closing state, and
     * closes when it is over. The window keeps answering meanwhile, the kill switch too.
     */
    private void closeAfterTheRun(Runnable close) {
        if (closing != null) {
            return; // already closing: it closes when the run has ended
        }
        if (!runs.isRunning()) {
            close.run();
            return;
        }
        Alert a = new Alert(
                Alert.AlertType.CONFIRMATION,
                "A run is active. Closing halts it and reverts its faults first.",
                ButtonType.OK,
                ButtonType.CANCEL);
        a.setHeaderText("Halt the run and close?");
        if (a.showAndWait().filter(b -> b == ButtonType.OK).isEmpty()) {
            return;
        }
        ClosingBar bar = new ClosingBar();
        closing = bar;
        shell.setBottom(bar);
        bar.start("halting the run and reverting its faults…");
        Background.run(
                "close",
                () -> {
                    runs.haltAndWait();
                    javafx.application.Platform.runLater(
                            () -> bar.show("the run has ended; recording it, stopping the sandbox…"));
                    runs.awaitIdle(java.time.Duration.ofSeconds(30)); // the sandbox it started is stopped too
                    return true;
                },
                done -> {
                    bar.stop();
                    close.run();
                },
                err -> {
                    bar.stop();
                    close.run();
                });
    }

    static Path runbookDir() {
        return Path.of(System.getProperty("faultline.runbooks", "runbooks"));
    }

    /** The runbooks that ship with Faultline, every folder of them, sandbox first. */
    static List<Path> shippedRunbooks() {
        Path dir = runbookDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            return s.filter(p ->
                            p.toString().endsWith(".yaml") && !p.getParent().equals(dir))
                    .sorted((a, b) -> {
                        boolean sa = a.getParent().getFileName().toString().equals("sandbox");
                        boolean sb = b.getParent().getFileName().toString().equals("sandbox");
                        return sa != sb ? (sa ? -1 : 1) : a.compareTo(b);
                    })
                    .toList();
        } catch (java.io.IOException e) {
            return List.of();
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
        return dark;
    }

    Instant now() {
        return composition.clock.instant();
    }
}
