package dev.faultline.app.view.editor;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.DocumentFiles;
import dev.faultline.app.view.common.FilePicker;
import dev.faultline.app.view.common.ReadOnlyBanner;
import dev.faultline.app.view.document.DocumentSession;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/**
 * The experiment editor: the palette, the timeline with the YAML beside it, the property sheet of
 * the selected block, and the hypothesis, stop condition and blast radius panels.
 */
public final class EditorView extends BorderPane {
    private final EditorViewModel model;
    private final EditorActions actions;
    private final AuthoringActions authoring;
    private final TimelineView timeline;
    private final YamlPane yamlPane;
    private final Label status = new Label();
    private final TabPane panels;
    private final EditorLayout layout;

    private final DocumentFiles files;

    /**
     * @param document the experiment's file lifecycle (saved or not, where it goes, its autosave)
     * @param picker the file dialogs
     */
    public EditorView(
            EditorViewModel model,
            EditorActions actions,
            AuthoringActions authoring,
            List<FaultTemplate> templates,
            DocumentSession document,
            FilePicker picker) {
        this.model = model;
        this.actions = actions;
        this.authoring = authoring;
        getStyleClass().add("editor");
        files = new DocumentFiles(
                document,
                new EditorDocument(model, actions, document.folders().userRunbooks()),
                picker,
                () -> getScene() == null ? null : getScene().getWindow(),
                status::setText);
        model.yamlProperty().addListener((o, a, b) -> files.changed());
        timeline = new TimelineView(model, status::setText);
        yamlPane = new YamlPane(model);
        setTop(new VBox(toolbar(), ReadOnlyBanner.of(files.bannerProperty())));
        ScrollPane palette = new ScrollPane(new FaultPalette(templates, timeline));
        palette.setFitToWidth(true);
        palette.setPrefWidth(200);
        palette.setMinWidth(180);
        setLeft(palette);
        ScrollPane timelineScroll = new ScrollPane(timeline);
        timelineScroll.setPannable(false);
        timelineScroll.setId("timeline-scroll");
        timelineScroll.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (e.isShortcutDown()) {
                timeline.zoom(e.getDeltaY() > 0 ? 1.15 : 0.87);
                e.consume();
            }
        });
        Label timelineHeading = new Label("Timeline");
        timelineHeading.getStyleClass().add("section");
        timelineHeading.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("drag faults onto lanes · drag blocks to move, their right edge to resize · "
                + "Ctrl+scroll or +/- zooms");
        hint.getStyleClass().add("muted");
        VBox timelineBox = new VBox(6, new javafx.scene.layout.HBox(12, timelineHeading, hint), timelineScroll);
        VBox.setVgrow(timelineScroll, Priority.ALWAYS);
        timelineBox.setPadding(new Insets(8));
        yamlPane.setPadding(new Insets(8));
        timelineBox.setMinWidth(220);
        yamlPane.setMinWidth(260);
        TabPane panels = new TabPane(
                tab("Experiment", ExperimentForms.header(model)),
                tab("Hypothesis & probes", ExperimentForms.probes(model, authoring, status::setText)),
                tab("Stop conditions", ExperimentForms.stopConditions(model, status::setText)),
                tab("Blast radius", SettingsPanels.blastRadius(model)));
        panels.setId("editor-forms");
        this.panels = panels;
        yamlPane.onProblem(this::jumpTo);
        model.noteProperty().addListener((o, a, n) -> {
            if (!n.isEmpty()) {
                status.setText(n);
            }
        });
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::undoKeys);
        panels.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        ScrollPane sheet = new ScrollPane(new PropertySheet(
                model,
                new TargetChoices(
                        model,
                        authoring,
                        r -> Thread.ofVirtual().name("faultline-target-listing").start(r),
                        javafx.application.Platform::runLater)));
        sheet.setFitToWidth(true);
        sheet.setPrefWidth(290);
        layout = new EditorLayout(this, timelineBox, yamlPane, sheet, panels);
        model.selectedProperty().addListener((o, a, b) -> {
            if (b != null && !b.isEmpty() && timeline.isFocusWithin()) {
                layout.showBlock(); // chosen on the timeline: its properties in view
            }
        });
        status.getStyleClass().add("status-line");
        status.setId("editor-status");
        status.setWrapText(true); // an import says what it did not carry over exactly: all of it is read
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        status.setPadding(new Insets(4, 12, 6, 12));
        setBottom(status);
    }

    private static Tab tab(String name, javafx.scene.Node content) {
        ScrollPane s = new ScrollPane(content);
        s.setFitToWidth(true);
        return new Tab(name, s);
    }

    private javafx.scene.layout.HBox toolbar() {
        Label file = new Label();
        file.textProperty().bind(files.titleProperty());
        file.setId("editor-title");
        file.getStyleClass().add("title-4");
        MenuButton templates = new MenuButton("New", new FontIcon(MaterialDesignF.FILE_DOCUMENT_EDIT));
        templates.setTooltip(
                new Tooltip("A new experiment from a template: the shipped runbooks and the seed's cases"));
        for (Path p : actions.templates()) {
            MenuItem item = new MenuItem(p.getFileName().toString().replace(".yaml", ""));
            item.setOnAction(e -> open(p, true));
            templates.getItems().add(item);
        }
        Button open = button("", MaterialDesignF.FOLDER_OPEN, "Open a runbook file…", this::openFile);
        Button save = button("", MaterialDesignC.CONTENT_SAVE, "Save the runbook (Ctrl+S)", this::save);
        Button saveAs = button(
                "",
                MaterialDesignC.CONTENT_SAVE_EDIT,
                "Save the runbook as a new file (Ctrl+Shift+S)",
                () -> files.saveAs(() -> {}));
        Button undo = button("", MaterialDesignU.UNDO, "Undo (Ctrl+Z)", this::undo);
        Button redo = button("", MaterialDesignR.REDO, "Redo (Ctrl+Y)", this::redo);
        Button zoomOut = button("", MaterialDesignM.MAGNIFY_MINUS, "Zoom out (-)", () -> timeline.zoom(0.8));
        Button zoomIn = button("", MaterialDesignM.MAGNIFY_PLUS, "Zoom in (+)", () -> timeline.zoom(1.25));
        Button dry = button(
                "Dry run",
                MaterialDesignS.SHIELD_CHECK,
                "Pre-flight checks, plan and probe readings, without" + " injecting anything",
                this::dryRun);
        Button run = button("Run", MaterialDesignP.PLAY, "Run this experiment now and watch it live", this::run);
        run.getStyleClass().add("accent");
        run.setMinWidth(Region.USE_PREF_SIZE);
        dry.setMinWidth(Region.USE_PREF_SIZE);
        // The file's name gives way (cut to "…", whole in the window's title) before any tool does:
        // no tool goes into an overflow menu, Run and Dry run included. Only then: capped at 260 px it
        // was cut at 1440 px too, beside an empty gap, and its unsaved marker "•" and "(read-only)" with it.
        file.setMaxWidth(Double.MAX_VALUE);
        file.setMinWidth(60);
        javafx.scene.layout.HBox name = new javafx.scene.layout.HBox(file);
        name.getStyleClass().add("tool-bar"); // looks like the tool bars beside it; never overflows
        name.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        javafx.scene.layout.HBox.setHgrow(name, Priority.SOMETIMES);
        ToolBar tools = new ToolBar(templates, open, save, saveAs, new Separator(), undo, redo, zoomOut, zoomIn);
        tools.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        grow.getStyleClass().add("tool-bar");
        javafx.scene.layout.HBox.setHgrow(grow, Priority.ALWAYS);
        ToolBar runs = new ToolBar(dry, run);
        runs.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.HBox bar = new javafx.scene.layout.HBox(name, tools, grow, runs);
        bar.getStyleClass().add("editor-toolbar");
        return bar; // Ctrl+S and Ctrl+Shift+S are the File menu's
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setAccessibleText(text.isEmpty() ? tip : text);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * Opens a runbook, once unsaved edits are saved or discarded; as a template it becomes an
     * untitled experiment, saved for the first time into the user's folder.
     */
    public void open(Path file, boolean asTemplate) {
        files.guard(() -> load(file, asTemplate, ""));
    }

    /** Opens a runbook (as {@link #open}) and says {@code said} on the status line instead of "opened …". */
    public void open(Path file, String said) {
        files.guard(() -> load(file, false, said));
    }

    private void load(Path file, boolean asTemplate, String said) {
        Background.run(
                "editor-open",
                () -> actions.load(file),
                r -> {
                    model.open(r);
                    if (asTemplate) {
                        // read beside the template (what it names is found there), saved in the user's folder
                        model.savedAs(file.resolveSibling("untitled-" + file.getFileName())
                                .toString());
                        files.startedUntitled("untitled-" + file.getFileName());
                    } else {
                        files.opened(file);
                    }
                    status.setText(
                            said.isEmpty()
                                    ? (asTemplate ? "new experiment from " : "opened ") + file.getFileName()
                                    : said);
                },
                err -> Dialogs.error("Could not open " + file.getFileName(), err));
    }

    /** Asks for a runbook (in the user's or the last folder) and opens it, once unsaved edits are dealt with. */
    public void openFile() {
        files.guard(() -> files.pickToOpen("Open a runbook").ifPresent(p -> load(p, false, "")));
    }

    private void save() {
        if (!model.problems().isEmpty()) {
            status.setText("saving with " + model.problems().size()
                    + " problem(s): the runbook will not run until they are fixed");
        }
        files.save(() -> {});
    }

    /** The experiment's file lifecycle: Save, Save As, the unsaved marker, the guard before discarding. */
    public DocumentFiles files() {
        return files;
    }

    private void dryRun() {
        status.setText("dry run: checking…");
        String env = model.experiment().environment();
        Background.run(
                "editor-dry-run",
                () -> authoring.sandboxDown(env)
                        ? java.util.Optional.<String>empty()
                        : java.util.Optional.of(actions.dryRun(model.runbook())),
                text -> text.ifPresentOrElse(this::showDryRun, () -> offerSandbox("dry run")),
                err -> Dialogs.error("The dry run could not complete", err));
    }

    private void showDryRun(String text) {
        status.setText("dry run done");
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("Dry run: what this experiment would do");
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setPrefSize(760, 420);
        area.getStyleClass().add("yaml-text");
        a.getDialogPane().setContent(area);
        a.show();
    }

    /** A sandbox runbook while the sandbox is stopped: say so, and offer to start it. */
    private void offerSandbox(String what) {
        status.setText(ProbeCheck.sandboxDown(what));
        javafx.scene.control.ButtonType start =
                new javafx.scene.control.ButtonType("Start sandbox", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(
                Alert.AlertType.INFORMATION,
                "This runbook runs in the sandbox, and the sandbox is not running. Start it (about 10 s), then the "
                        + what + " goes on.",
                start,
                javafx.scene.control.ButtonType.CANCEL);
        a.setHeaderText("The sandbox is not running: start it");
        a.showAndWait().filter(b -> b == start).ifPresent(b -> {
            status.setText("starting the sandbox…");
            Background.run(
                    "start-sandbox",
                    authoring::startSandbox,
                    said -> {
                        status.setText(said);
                        dryRun();
                    },
                    err -> Dialogs.error("The sandbox did not start", err));
        });
    }

    /** Ctrl+Z / Ctrl+Y (Ctrl+Shift+Z) undo and redo one history, whichever view has focus. */
    private void undoKeys(javafx.scene.input.KeyEvent e) {
        javafx.scene.input.KeyCode k = e.getCode();
        boolean undo = e.isShortcutDown() && k == javafx.scene.input.KeyCode.Z && !e.isShiftDown();
        boolean redo = e.isShortcutDown()
                && (k == javafx.scene.input.KeyCode.Y || (k == javafx.scene.input.KeyCode.Z && e.isShiftDown()));
        if (!undo && !redo) {
            return;
        }
        e.consume();
        if (undo) {
            undo();
        } else {
            redo();
        }
    }

    /** A problem clicked: its line in the YAML (selected, marked), its step on the timeline, the form showing its field. */
    private void jumpTo(dev.faultline.engine.runbook.RunbookProblem p) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("^spec\\.method\\[(\\d+)]").matcher(p.field());
        if (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i < model.experiment().method().size()) {
                model.selectedProperty().set(model.experiment().method().get(i).name());
            }
        }
        for (Tab t : layout.isWide() ? panels.getTabs() : List.<Tab>of()) { // narrow: the YAML tab stays in view
            if (t.getContent() != null
                    && t.getContent().lookup("#field-" + p.field().replaceAll("[^A-Za-z0-9]+", "-")) != null) {
                panels.getSelectionModel().select(t); // the form that shows the field, beside the line
            }
        }
        yamlPane.showLine(p.line());
    }

    private void run() {
        actions.run(model.experiment().name(), model::runbook);
    }

    /** Undoes the last edit, whichever view made it (the tool bar's button and Ctrl+Z anywhere in the editor). */
    public void undo() {
        yamlPane.flush();
        status.setText(model.undo().map(d -> "undid: " + d).orElse("nothing to undo"));
    }

    /** Redoes the last undone edit (the tool bar's button, Ctrl+Y and Ctrl+Shift+Z anywhere in the editor). */
    public void redo() {
        yamlPane.flush();
        status.setText(model.redo().map(d -> "redid: " + d).orElse("nothing to redo"));
    }

    public TimelineView timeline() {
        return timeline;
    }

    /** True while the YAML and the block's properties are beside the timeline, not tabs under it. */
    public boolean sideBySide() {
        return layout.isWide();
    }

    TabPane forms() {
        return panels;
    }

    TextArea yamlText() {
        return yamlPane.textArea();
    }
}
