package dev.faultline.app.fx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.Composition;
import dev.faultline.app.view.shell.Screen;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.report.ActionItem;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javafx.event.ActionEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window at the smallest supported size and at a common laptop size: every part a person needs
 * is inside the window, wide enough to read, not cut to "…", not overlapping; and the keys (Enter on
 * the planner, Ctrl+Z anywhere in the editor) do what they say.
 */
class LayoutAndKeysIT {
    @TempDir
    Path home;

    private Composition composition;
    private AppWindow window;
    private Stage stage;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        composition = new Composition(new FaultlineHome(home));
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new AppWindow(composition, s);
            window.show();
        });
        waitFor(
                "the screens are built",
                () -> window.editorModel() != null && window.editorModel().experiment() != null,
                20);
        waitFor(
                "the first GameDay can be started",
                () -> !robot.lookup("#first-gameday").query().isDisabled(),
                20);
    }

    @AfterEach
    void stop() throws Exception {
        window.runs().awaitIdle(Duration.ofSeconds(30));
        FxToolkit.cleanupStages();
        composition.close();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void homeAndTheHeaderFitTheWindowWithoutCuttingAnything(int width, int height) {
        size(width, height);

        for (String id : new String[] {".app-title", ".kill-switch", "#first-gameday"}) {
            assertWhole(robot.lookup(id).query());
        }
        ListView<?> runbooks = robot.lookup("#runbooks").queryListView();
        assertInside(runbooks);
        assertThat(runbooks.getHeight()).as("the runbook list shows rows").isGreaterThanOrEqualTo(90);
        Button run = robot.lookup("Run").queryButton();
        Button edit = robot.lookup("Open in editor").queryButton();
        assertWhole(run);
        assertWhole(edit);
        for (String list : new String[] {"#recent-files", "#gamedays", "#backends"}) {
            assertInside(robot.lookup(list).query()); // four columns side by side, none cut off at the right
        }
        TableView<?> recent = robot.lookup("#recent-runs").queryTableView();
        assertThat(bounds(run).getMaxY())
                .as("the runbook buttons end above the recent runs")
                .isLessThanOrEqualTo(bounds(recent).getMinY());
        assertThat(recent.getHeight()).as("recent runs show rows").isGreaterThanOrEqualTo(100);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void thePlannerShowsTheTimeAndItsButtonsWhole(int width, int height) {
        size(width, height);
        show(Screen.GAMEDAY);
        waitFor(
                "the first GameDay is open",
                () -> !window.gameDay().plan().experiments().isEmpty(),
                10);

        TextField time = robot.lookup("#gameday-time").queryAs(TextField.class);
        assertInside(time);
        assertThat(time.getWidth()).as("the time field shows HH:mm").isGreaterThanOrEqualTo(50);
        assertWhole(robot.lookup("#run-gameday").query());
        // further down the page (it scrolls): whole, at their full width
        for (String b : new String[] {"Add participant", "Edit…", "Up", "Down", "Remove"}) {
            assertNotCut(robot.lookup(b).query());
        }
        assertNotCut(robot.lookup("#add-experiment").query());
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void theEditorKeepsTheYamlReadableAndRunOutOfTheOverflowMenu(int width, int height) {
        size(width, height);
        show(Screen.EDITOR);
        if (!window.editor().sideBySide()) {
            selectTab("#yaml-tab");
        }

        Node yaml = robot.lookup("#yaml").query();
        assertInside(yaml);
        assertThat(yaml.getBoundsInLocal().getWidth())
                .as("the YAML is wide enough to read")
                .isGreaterThanOrEqualTo(240);
        assertWhole(robot.lookup("Run")
                .match(n -> n.getParent() != null && n.getScene() != null)
                .query());
        assertWhole(robot.lookup("Dry run").query());
    }

    @Test
    void atTheSmallestSizeTheBlockAndTheYamlAreTabsUnderTheTimelineAsWideAsIt() {
        size(1024, 700);
        show(Screen.EDITOR);
        assertThat(window.editor().sideBySide()).isFalse();
        Node timeline = robot.lookup("#timeline-scroll").query();

        selectTab("#yaml-tab");
        Node yaml = robot.lookup("#yaml").query();
        assertInside(yaml);
        assertThat(bounds(yaml).getWidth())
                .as("the YAML as wide as the timeline")
                .isGreaterThanOrEqualTo(600);
        selectTab("#block-tab");
        javafx.scene.control.TabPane forms = robot.lookup("#editor-forms").queryAs(javafx.scene.control.TabPane.class);
        Node sheet = forms.getSelectionModel().getSelectedItem().getContent(); // it scrolls
        assertThat(forms.getSelectionModel().getSelectedItem().getId()).isEqualTo("block-tab");
        assertInside(sheet);
        assertThat(bounds(sheet).getWidth())
                .as("the block's properties get the timeline's width")
                .isGreaterThanOrEqualTo(600);
        assertNotCut(robot.lookup("#step-blast-radius").query());
        assertThat(bounds(timeline).getWidth()).as("the timeline is wide").isGreaterThanOrEqualTo(600);
        assertThat(bounds(timeline).getHeight())
                .as("the timeline shows its lanes")
                .isGreaterThanOrEqualTo(150);
        // every tool of the bar in view: none in an overflow menu
        for (Node overflow : robot.lookup(".tool-bar-overflow-button").queryAll()) {
            assertThat(overflow.isVisible())
                    .as("a tool bar with an overflow menu")
                    .isFalse();
        }
        for (Node tab : forms.lookupAll(".tab")) {
            assertThat(bounds(tab).getMaxX())
                    .as("the tab " + tab + " is in its row")
                    .isLessThanOrEqualTo(bounds(forms).getMaxX());
        }
        for (Node menu : forms.lookupAll(".control-buttons-tab")) {
            boolean shown = true;
            for (Node n = menu; n != null; n = n.getParent()) {
                shown &= n.isVisible();
            }
            assertThat(shown).as("a menu of tabs that do not fit").isFalse();
        }
        assertWhole(robot.lookup("Dry run").query());
    }

    @Test
    void atALaptopSizeTheYamlAndTheBlockStayBesideTheTimeline() {
        size(1440, 900);
        show(Screen.EDITOR);

        assertThat(window.editor().sideBySide()).isTrue();
        Node yaml = robot.lookup("#yaml").query();
        Node radius = robot.lookup("#step-blast-radius").query();
        assertInside(yaml);
        assertInside(radius);
        assertThat(robot.lookup("#yaml-tab").tryQuery()).as("no YAML tab").isEmpty();
        assertThat(bounds(radius).getMinX())
                .as("the block's properties right of the YAML")
                .isGreaterThan(bounds(yaml).getMaxX());
        // narrowed and widened again: back beside it
        size(1024, 700);
        size(1440, 900);
        assertThat(window.editor().sideBySide()).isTrue();
        assertInside(robot.lookup("#yaml").query());
    }

    @Test
    void aRecentFileOnHomeOpensByKeyboardAndByMouse() {
        size(1024, 700);
        waitFor(
                "the first GameDay is open",
                () -> !window.gameDay().plan().experiments().isEmpty(),
                10);
        show(Screen.EDITOR);
        show(Screen.HOME); // Home reads the list again when it is shown
        ListView<?> recent = robot.lookup("#recent-files").queryListView();
        waitFor("the files opened at start are listed", () -> recent.getItems().size() >= 2, 10);
        assertInside(recent);
        // the editor's experiment and the planner's GameDay, opened at start in either order
        String newest = recent.getItems().get(0).toString();
        String other = ((Path) recent.getItems().get(1)).getFileName().toString();

        robot.interact(() -> robot.lookup("#first-gameday").queryButton().requestFocus()); // beside it
        robot.type(KeyCode.TAB);
        waitFor("Tab goes into the recent files, not " + stage.getScene().getFocusOwner(), recent::isFocused, 5);
        assertThat(recent.getSelectionModel().getSelectedIndex())
                .as("the newest is selected")
                .isZero();
        robot.type(KeyCode.ENTER);
        Screen first = newest.endsWith("first-gameday.yaml") ? Screen.GAMEDAY : Screen.EDITOR;
        waitFor("Enter opened " + newest, () -> window.shell().currentProperty().get() == first, 10);

        show(Screen.HOME);
        robot.doubleClickOn(other);
        Screen second = other.equals("first-gameday.yaml") ? Screen.GAMEDAY : Screen.EDITOR;
        waitFor(
                "a double-click opened " + other,
                () -> window.shell().currentProperty().get() == second,
                10);
    }

    @Test
    void enterOnThePlannerRunsTheGameDayAndLeavesTheThemeAlone() {
        size(1024, 700);
        boolean dark = window.dark().get();
        robot.clickOn("#first-gameday");
        waitFor("the planner is shown", () -> window.shell().currentProperty().get() == Screen.GAMEDAY, 10);
        Button run = robot.lookup("#run-gameday").queryButton();
        AtomicInteger runs = new AtomicInteger();
        // counted, not started: the sandbox GameDay itself is AppWindowIT's
        robot.interact(() -> run.addEventFilter(ActionEvent.ACTION, e -> {
            runs.incrementAndGet();
            e.consume();
        }));

        waitFor("the focus is on Run GameDay, not " + stage.getScene().getFocusOwner(), run::isFocused, 5);
        robot.type(KeyCode.ENTER);
        waitFor("Enter ran the GameDay", () -> runs.get() == 1, 5);
        robot.clickOn("#gameday-title").type(KeyCode.ENTER);
        waitFor("Enter in a field of the plan runs it too", () -> runs.get() == 2, 5);

        assertThat(window.dark().get()).as("the theme").isEqualTo(dark);
    }

    @Test
    void ctrlZUndoesInTheEditorWhereverTheFocusIs() {
        show(Screen.EDITOR);
        var m = window.editorModel();
        String step = m.experiment().method().get(0).name();
        robot.interact(() -> m.setField("spec.method[0].duration", "42s", "set duration"));
        assertThat(m.field("spec.method[0].duration")).isEqualTo("42s");

        robot.clickOn("#yaml"); // the focus in the YAML text, not on the timeline
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor("the edit is undone", () -> !m.field("spec.method[0].duration").equals("42s"), 5);

        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitFor("and redone", () -> m.field("spec.method[0].duration").equals("42s"), 5);
        assertThat(m.experiment().method().get(0).name()).isEqualTo(step);
    }

    @Test
    void aParticipantIsEditedByButtonOrEnterWithoutADoubleClick() {
        show(Screen.GAMEDAY);
        waitFor(
                "the first GameDay is open",
                () -> !window.gameDay().plan().participants().isEmpty(),
                10);
        TableView<?> table = robot.lookup("#participants").queryTableView();
        robot.interact(() -> table.getSelectionModel().select(1));

        robot.clickOn("#edit-participant");
        TextField name = robot.lookup("#participant-name").queryAs(TextField.class);
        waitFor("the focus is on the participant's name", name::isFocused, 5);
        assertThat(name.getText()).isEqualTo("Grace Hopper");
        robot.write("Grace Brewster Hopper").type(KeyCode.ENTER); // typed over: the name was selected
        waitFor(
                "the row is renamed",
                () -> window.gameDay()
                        .plan()
                        .participants()
                        .get(1)
                        .toParticipant()
                        .name()
                        .equals("Grace Brewster Hopper"),
                5);
        assertThat(table.isFocused())
                .as("Enter in the field goes back to the table")
                .isTrue();

        robot.interact(() -> table.getSelectionModel().select(0));
        robot.type(KeyCode.ENTER);
        waitFor("Enter on the table edits the selected participant", name::isFocused, 5);
        assertThat(name.getText()).isEqualTo("Ada Lovelace");
    }

    @Test
    void experimentsShowTheirTitlesAndWhoRunsAndWatchesThem() {
        show(Screen.GAMEDAY);
        waitFor(
                "the titles are known",
                () -> window.gameDay()
                        .plan()
                        .titleOf("payment-outage-halts.yaml")
                        .equals("A payment outage halts the run"),
                10);
        waitFor(
                "the list shows the title",
                () -> robot.lookup("2. A payment outage halts the run")
                        .tryQuery()
                        .isPresent(),
                5);
        assertThat(robot.lookup("payment-outage-halts.yaml · runs: Grace Hopper · watches: Linus")
                        .tryQuery())
                .isPresent();
    }

    @Test
    void openActionItemsFromEarlierGameDaysAreReadAgainWhenThePlannerIsShown() throws Exception {
        show(Screen.GAMEDAY);
        ListView<?> items = robot.lookup("#open-action-items").queryListView();
        waitFor("the list is read", () -> items.getItems().isEmpty(), 10);
        show(Screen.HOME);

        composition
                .store()
                .retro()
                .addActionItem(new ActionItem(
                        0,
                        "gd-earlier",
                        null,
                        "Alert on payment latency",
                        "Grace",
                        null,
                        ActionItem.Status.OPEN,
                        "",
                        Instant.now()));
        show(Screen.GAMEDAY);

        waitFor(
                "the new item is listed without a restart",
                () -> items.getItems().stream().anyMatch(i -> i.toString().startsWith("Alert on payment latency")),
                10);
    }

    @ParameterizedTest(name = "dark theme: {0}")
    @ValueSource(booleans = {false, true})
    void everyTabStopOnHomeAndThePlannerShowsWhereTheFocusIs(boolean darkTheme) {
        size(1440, 900);
        robot.interact(() -> window.dark().set(darkTheme));
        for (Screen screen : new Screen[] {Screen.HOME, Screen.GAMEDAY}) {
            show(screen);
            Node nav = robot.lookup("#nav-" + screen.name().toLowerCase(java.util.Locale.ROOT))
                    .query();
            robot.interact(nav::requestFocus);
            java.util.Set<Node> seen = new java.util.HashSet<>();
            javafx.scene.image.WritableImage before = snapshot();
            for (int stop = 0; stop < 40; stop++) { // bounded: a screen has fewer stops than this
                Node focused = stage.getScene().getFocusOwner();
                if (focused == null || !seen.add(focused)) {
                    break;
                }
                Bounds b = bounds(focused);
                robot.type(KeyCode.TAB);
                javafx.scene.image.WritableImage after = snapshot();
                if (b.getWidth() > 0 && b.getMaxY() < stage.getScene().getHeight()) {
                    assertThat(differs(before, after, b))
                            .as("the focus on " + focused + " (" + screen + ", dark " + darkTheme + ") shows")
                            .isTrue();
                }
                before = after;
            }
            assertThat(seen).as("Tab stops on " + screen).hasSizeGreaterThan(5);
        }
    }

    @Test
    void anEnvironmentAddedByFormIsUsedWithoutARestart() {
        size(1024, 700);
        show(Screen.SETTINGS);
        robot.clickOn("#new-environment");
        robot.clickOn("#environment-name").write("lab");
        robot.interact(() -> robot.lookup("#apply-environment").queryButton().fire()); // below the fold
        waitFor(
                "the form is in the file",
                () -> robot.lookup("#environments-file")
                        .queryAs(javafx.scene.control.TextArea.class)
                        .getText()
                        .contains("lab:"),
                5);
        robot.interact(() -> robot.lookup("#save-environments").queryButton().fire());

        waitFor("the runs use it", () -> composition.environments.find("lab").isPresent(), 10);
        show(Screen.GAMEDAY);
        assertThat(robot.lookup(".combo-box")
                        .match((Node n) -> "Environment".equals(n.getAccessibleText()))
                        .queryComboBox()
                        .getItems())
                .contains("lab");
    }

    private javafx.scene.image.WritableImage snapshot() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return WaitForAsyncUtils.waitFor(
                    10,
                    TimeUnit.SECONDS,
                    WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no snapshot of the window within 10 s", e);
        }
    }

    /** Whether the pixels around {@code b} (a few beyond it, where a focus ring is drawn) changed. */
    private static boolean differs(javafx.scene.image.Image a, javafx.scene.image.Image c, Bounds b) {
        int x0 = (int) Math.max(0, b.getMinX() - 4);
        int y0 = (int) Math.max(0, b.getMinY() - 4);
        int x1 = (int) Math.min(a.getWidth() - 1, b.getMaxX() + 4);
        int y1 = (int) Math.min(a.getHeight() - 1, b.getMaxY() + 4);
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                if (a.getPixelReader().getArgb(x, y) != c.getPixelReader().getArgb(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void size(int width, int height) {
        robot.interact(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isEqualTo(width);
    }

    /** Selects the editor's tab with this id (the tabs under the timeline in a narrow window). */
    private void selectTab(String id) {
        javafx.scene.control.TabPane forms = robot.lookup("#editor-forms").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> forms.getTabs().stream()
                .filter(t -> ("#" + t.getId()).equals(id))
                .findFirst()
                .ifPresent(t -> forms.getSelectionModel().select(t)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(Screen s) {
        robot.interact(() -> window.shell().show(s));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Bounds bounds(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** Visible, and all of it inside the window. */
    private void assertInside(Node n) {
        assertThat(n.isVisible() && n.getScene() != null).as(n + " is shown").isTrue();
        Bounds b = bounds(n);
        assertThat(b.getWidth()).as(n + " has a width").isGreaterThan(0);
        assertThat(b.getMinX()).as(n + " left edge").isGreaterThanOrEqualTo(0);
        assertThat(b.getMinY()).as(n + " top edge").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX())
                .as(n + " right edge")
                .isLessThanOrEqualTo(stage.getScene().getWidth() + 0.5);
        assertThat(b.getMaxY())
                .as(n + " bottom edge")
                .isLessThanOrEqualTo(stage.getScene().getHeight() + 0.5);
    }

    /** Inside the window, and its text shown in full (not cut to "…"). */
    private void assertWhole(Node n) {
        assertInside(n);
        assertNotCut(n);
    }

    /** Shown with its text in full (not cut to "…"), maybe further down a page that scrolls. */
    private static void assertNotCut(Node n) {
        assertThat(n.isVisible() && n.getScene() != null).as(n + " is shown").isTrue();
        if (n instanceof javafx.scene.layout.Region r) {
            assertThat(r.getWidth()).as("the width of " + n).isGreaterThanOrEqualTo(r.prefWidth(-1) - 0.5);
        }
        if (n instanceof Labeled l && !l.getText().isEmpty()) {
            Text shown = (Text) l.lookup(".text");
            assertThat(shown.getText()).as("the text of " + n).isEqualTo(l.getText());
        }
    }

    private static void waitFor(String what, BooleanSupplier condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> condition.getAsBoolean());
            WaitForAsyncUtils.waitForFxEvents();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what + dialogs(), e);
        }
    }

    /** What the dialogs open say, for a failure's message. */
    private static String dialogs() {
        StringBuilder b = new StringBuilder();
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (w.getScene() != null && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane d) {
                b.append("; a dialog says: ")
                        .append(d.getHeaderText())
                        .append(": ")
                        .append(d.getContentText());
            }
        }
        return b.toString();
    }
}
