package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.FilePicker;
import dev.faultline.app.view.document.Autosave;
import dev.faultline.app.view.document.DocumentFolders;
import dev.faultline.app.view.document.DocumentKind;
import dev.faultline.app.view.document.DocumentSession;
import dev.faultline.app.view.editor.EditorView;
import dev.faultline.app.view.gameday.GameDayView;
import dev.faultline.app.view.shell.MainShell;
import dev.faultline.app.view.shell.Screen;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The app's two documents (the editor's experiment, the planner's plan): their sessions, the File
 * menu acting on the one in view, the window title with its unsaved marker, and the question
 * before closing with unsaved edits.
 */
final class AppDocuments {
    private final Composition composition;
    private final ExecutorService io = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("faultline-autosave").factory());
    final DocumentSession experiment;
    final DocumentSession plan;
    FilePicker picker = FilePicker.system();

    AppDocuments(Composition composition, AppPreferences prefs, Path shippedRunbooks, Consumer<String> ioFailed) {
        this.composition = composition;
        DocumentFolders folders = DocumentFolders.of(composition.home.root(), shippedRunbooks);
        Autosave autosave = new Autosave(composition.home.root().resolve("autosave"), composition.clock);
        Consumer<String> onFx = m -> Platform.runLater(() -> ioFailed.accept(m));
        experiment = new DocumentSession(DocumentKind.EXPERIMENT, folders, prefs, autosave, io, onFx);
        plan = new DocumentSession(DocumentKind.GAMEDAY, folders, prefs, autosave, io, onFx);
    }

    /** The File menu's items, each acting on the planner's plan while the planner is shown, else on the experiment. */
    void installMenu(MainShell shell, EditorView editor, GameDayView gameDay, Consumer<String> say) {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> {
            if (planner(shell)) {
                gameDay.openFile();
            } else {
                shell.show(Screen.EDITOR);
                editor.openFile();
            }
        });
        MenuItem save = new MenuItem("Save");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> (planner(shell) ? gameDay.files() : editor.files()).save(() -> {}));
        MenuItem saveAs = new MenuItem("Save As…");
        saveAs.setAccelerator(
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> (planner(shell) ? gameDay.files() : editor.files()).saveAs(() -> {}));
        Menu recent = new Menu("Open Recent");
        recent.setId("open-recent");
        recent.getItems().add(new MenuItem("(none yet)"));
        recent.setOnShowing(e -> fillRecent(recent, shell, editor, gameDay, say));
        MenuItem importItem = new MenuItem("Import…");
        importItem.setId("file-import");
        importItem.setOnAction(e -> importFile(shell, editor));
        shell.addFileItems(List.of(open, recent, importItem, save, saveAs));
        fillRecent(recent, shell, editor, gameDay, say);
    }

    /** The recent files, newest first; files no longer there are dropped with a message. */
    void fillRecent(Menu recent, MainShell shell, EditorView editor, GameDayView gameDay, Consumer<String> say) {
        List<Path> gone = experiment.recent().dropMissing();
        if (!gone.isEmpty()) {
            say.accept("dropped from the recent files, no longer there: "
                    + gone.stream().map(Path::toString).collect(Collectors.joining(", ")));
        }
        List<MenuItem> items = experiment.recent().files().stream()
                .map(p -> {
                    MenuItem item = new MenuItem(dev.faultline.app.view.home.HomeViewModel.recentLabel(p));
                    item.setMnemonicParsing(false);
                    item.setOnAction(e -> openRecent(p, shell, editor, gameDay));
                    return item;
                })
                .toList();
        if (items.isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recent.getItems().setAll(none);
        } else {
            recent.getItems().setAll(items);
        }
    }

    /** Opens a recent file in the editor or the planner, as its kind says. */
    void openRecent(Path p, MainShell shell, EditorView editor, GameDayView gameDay) {
        Background.run(
                "recent-kind",
                () -> composition.loader.kindOf(p),
                kind -> {
                    if (kind.equals("GameDay")) {
                        shell.show(Screen.GAMEDAY);
                        gameDay.open(p);
                    } else {
                        shell.show(Screen.EDITOR);
                        editor.open(p, false);
                    }
                },
                err -> Dialogs.error("Could not open " + p.getFileName(), err));
    }

    /**
     * File → Import: an experiment of another tool (Chaos Toolkit, Chaos Mesh, Litmus ...) written as
     * a runbook under {@code $FAULTLINE_HOME/imported} and opened in the editor; what was not carried
     * over exactly is said, never dropped.
     */
    void importFile(MainShell shell, EditorView editor) {
        javafx.stage.Window owner =
                shell.getScene() == null ? null : shell.getScene().getWindow();
        java.util.Optional<Path> chosen =
                picker.openForeign(owner, "Import an experiment from another tool", composition.home.root());
        if (chosen.isEmpty()) {
            return;
        }
        Path folder = composition.home.root().resolve("imported");
        Background.run(
                "import",
                () -> ImportedRunbook.write(chosen.get(), folder, composition.loader),
                done -> { // said on the editor's status line: an import is no error
                    shell.show(Screen.EDITOR);
                    editor.open(done.runbook(), done.summary());
                },
                err -> Dialogs.error("Could not import " + chosen.get().getFileName(), err));
    }

    private static boolean planner(MainShell shell) {
        return shell.currentProperty().get() == Screen.GAMEDAY;
    }

    /** "Faultline — payment-latency-holds.yaml •" for the document in view. */
    static void bindTitle(Stage stage, MainShell shell, EditorView editor, GameDayView gameDay) {
        stage.titleProperty()
                .bind(Bindings.createStringBinding(
                        () -> switch (shell.currentProperty().get()) {
                            case EDITOR ->
                                "Faultline — " + editor.files().titleProperty().get();
                            case GAMEDAY ->
                                "Faultline — " + gameDay.files().titleProperty().get();
                            default -> "Faultline";
                        },
                        shell.currentProperty(),
                        editor.files().titleProperty(),
                        gameDay.files().titleProperty()));
    }

    /** Runs {@code proceed} once both documents are saved or their edits discarded; not at all on Cancel. */
    static void guardAll(@Nullable EditorView editor, @Nullable GameDayView gameDay, Runnable proceed) {
        if (editor == null || gameDay == null) {
            proceed.run(); // not built yet: nothing edited
            return;
        }
        editor.files().guard(() -> gameDay.files().guard(proceed));
    }

    boolean unsaved() {
        return experiment.unsaved() || plan.unsaved();
    }
}
