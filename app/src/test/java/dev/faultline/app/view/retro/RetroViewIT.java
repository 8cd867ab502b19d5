package dev.faultline.app.view.retro;

import static dev.faultline.app.fx.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.faultline.app.cli.ReportFiles;
import dev.faultline.app.fx.AppRetroActions;
import dev.faultline.app.view.common.Work;
import dev.faultline.engine.report.ActionItem;
import dev.faultline.engine.report.Finding;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The retrospective screen driven headless through Monocle as a GameDay leader drives it, by
 * keyboard where a person would: a finding written, edited (F2), linked to its experiment and
 * its note, deleted and brought back (Ctrl+Z); an action item with owner and due date answering
 * it, marked done (Ctrl+D); the PDF exported while the screen stays usable, then Open folder. On a
 * real database, with reads and writes on background threads as in the app.
 */
class RetroViewIT {
    static final Instant STARTED = Instant.parse("2026-12-06T11:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");

    @TempDir
    Path home;

    private FaultlineStore store;
    private Stage stage;
    private final FxRobot robot = new FxRobot();
    private final CountDownLatch slowDisk = new CountDownLatch(1);
    private final List<Path> proposed = new CopyOnWriteArrayList<>();
    private final List<String> errors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void aGameDayRan() throws Exception {
        store = FaultlineStore.open(home.resolve("db/faultline"));
        long experiment = store.saveExperiment("payment-outage", "Payment outage", "kind: Experiment", "sha-1");
        store.createRun(
                new RunRecord("run-1", experiment, "payment-outage", "sandbox", "RUNNING", STARTED, null, null));
        store.finishRun("run-1", "HALTED", STARTED.plusSeconds(40), "HALTED after 40s: stop condition", "{}");
        long day = store.gameDays().saveGameDay("payments", "Payments GameDay", "kind: GameDay", "sha-2");
        store.gameDays().createRun("gd-1", day, "sandbox", STARTED);
        store.gameDays().addMember("gd-1", 0, "run-1");
        store.gameDays().finishRun("gd-1", "COMPLETED", STARTED.plusSeconds(60), "");
        store.retro().addObservation("run-1", STARTED.plusSeconds(12), "Margaret Hamilton", "checkout dashboard red");
        Files.createDirectories(home.resolve("Documents"));
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        slowDisk.countDown();
        FxToolkit.cleanupStages();
        store.close();
    }

    private void show(int width, int height) throws Exception {
        Clock clock = Clock.systemUTC();
        AppRetroActions actions = new AppRetroActions(
                () -> store,
                clock,
                (id, format, to) -> {
                    if (!slowDisk.await(30, TimeUnit.SECONDS)) { // a long GameDay: the report takes a while
                        throw new IllegalStateException("the test never let the report be written");
                    }
                    return ReportFiles.write(store, clock, id, format, to, ZONE);
                },
                home.resolve("Documents"));
        RetroViewModel model =
                new RetroViewModel(actions, ZONE, clock, Work.background(), (what, e) -> errors.add(what));
        ReportSaver answer = (owner, format, offered) -> {
            proposed.add(offered);
            return Optional.of(home.resolve("handout/payments." + format));
        };
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            s.setScene(new Scene(new RetroView(model, answer), width, height));
            s.setWidth(width);
            s.setHeight(height);
            s.show();
        });
        waitFor("the retrospective is read", () -> model.retroProperty().get() != null, 20);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void aFindingIsWrittenEditedLinkedDeletedAndBroughtBackAndAnActionItemAnswersItAndIsClosed(int width, int height)
            throws Exception {
        show(width, height);
        for (String id : List.of(
                "#retro-finding-title",
                "#retro-finding-save",
                "#retro-finding-experiment",
                "#retro-action-add",
                "#retro-action-due",
                "#retro-export")) {
            assertWithinWidth(robot.lookup(id).query(), width);
        }

        // write a finding: type, Tab on, Enter saves
        focus("#retro-finding-title");
        robot.write("retries hide a slow provider");
        focus("#retro-finding-happened");
        robot.write("p99 rose to 2 s").type(KeyCode.TAB).write("a fast failure");
        robot.type(KeyCode.ENTER);
        waitFor("the finding is stored", () -> findings().size() == 1, 10);
        ListView<?> list = robot.lookup("#retro-findings").queryListView();
        waitFor("the finding is listed", () -> list.getItems().size() == 1, 10);
        assertThat(robot.lookup("#retro-finding-title").queryAs(TextField.class).getText())
                .as("the form is cleared for the next one")
                .isEmpty();

        // edit it: select (Home on the list), F2, the form holds its text; change the title, Enter saves
        focus("#retro-findings");
        robot.type(KeyCode.HOME).type(KeyCode.F2);
        TextField title = robot.lookup("#retro-finding-title").queryAs(TextField.class);
        assertThat(title.getText()).isEqualTo("retries hide a slow provider");
        assertThat(title.isFocused()).isTrue();
        robot.write("retries hide slow payments").type(KeyCode.ENTER);
        waitFor("the edit is stored", () -> findings().get(0).title().equals("retries hide slow payments"), 10);
        assertThat(findings().get(0).happened()).isEqualTo("p99 rose to 2 s");

        // link it to the experiment and to the note it came from
        focus("#retro-finding-experiment");
        robot.clickOn("#retro-finding-experiment").clickOn(menuItem(1));
        waitFor("linked to the experiment", () -> findings().get(0).runId().equals("run-1"), 10);
        focus("#retro-finding-note");
        robot.clickOn("#retro-finding-note").clickOn(menuItem(1));
        waitFor("linked to the note", () -> findings().get(0).observationId() != null, 10);
        waitFor(
                "the list shows the links",
                () -> list.getItems().get(0).toString().contains("· payment-outage · HALTED · note 16:30:12"),
                10);

        // an action item with owner and due date, answering the finding; Enter in the ticket field adds it
        focus("#retro-action-title");
        robot.write("Cap payment retries at 2").type(KeyCode.TAB).write("Ada").type(KeyCode.TAB);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("2027-01-08").type(KeyCode.TAB);
        focus("#retro-action-new-finding");
        robot.clickOn("#retro-action-new-finding").clickOn(menuItem(1));
        focus("#retro-action-ticket");
        robot.type(KeyCode.ENTER);
        waitFor("the action item is stored", () -> items().size() == 1, 10);
        ActionItem item = items().get(0);
        assertThat(item.owner()).isEqualTo("Ada");
        assertThat(item.due()).isEqualTo(LocalDate.of(2027, 1, 8));
        assertThat(item.findingId()).isEqualTo(findings().get(0).id());

        // close it from the keyboard
        focus("#retro-actions");
        robot.type(KeyCode.HOME).press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        waitFor("the action item is done", () -> items().get(0).status() == ActionItem.Status.DONE, 10);

        // delete the finding with the Delete key, then bring it back with Ctrl+Z: with its action item
        focus("#retro-findings");
        robot.type(KeyCode.HOME).type(KeyCode.DELETE);
        waitFor("the finding is deleted", () -> findings().isEmpty(), 10);
        Button undo = robot.lookup("#retro-finding-undo").queryButton();
        waitFor("Undo names what it undoes", () -> undo.getText().startsWith("Undo delete of"), 10);
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitFor("the finding is back", () -> findings().size() == 1, 10);
        assertThat(findings().get(0).title()).isEqualTo("retries hide slow payments");
        assertThat(findings().get(0).runId()).isEqualTo("run-1");
        waitFor(
                "its action item answers it again",
                () -> java.util.Objects.equals(
                        findings().get(0).id(), items().get(0).findingId()),
                10);
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1024, 700", "1440, 900"})
    void theReportIsExportedWhileTheScreenStaysUsableAndSaysWhereItWent(int width, int height) throws Exception {
        show(width, height);

        robot.clickOn("#retro-export").clickOn("PDF");

        assertThat(proposed).containsExactly(home.resolve("Documents/payments-2026-12-06-report.pdf"));
        waitFor(
                "the progress shows",
                () -> robot.lookup("#retro-export-progress").query().isVisible(),
                10);
        assertThat(robot.lookup("#retro-export").queryAs(MenuButton.class).isDisabled())
                .isTrue();
        // the FX thread is free while the report is written: the search field takes typing
        robot.clickOn("#retro-search").write("retries");
        assertThat(robot.lookup("#retro-search").queryAs(TextField.class).getText())
                .isEqualTo("retries");
        Path to = home.resolve("handout/payments.pdf");
        assertThat(to).doesNotExist();

        slowDisk.countDown();
        waitFor(
                "Open folder shows",
                () -> robot.lookup("#retro-export-open").query().isVisible(),
                60);
        assertThat(robot.lookup("#retro-status").queryLabeled().getText()).isEqualTo("report written to " + to);
        assertThat(robot.lookup("#retro-export-progress").query().isVisible()).isFalse();
        assertThat(Files.readAllBytes(to)).startsWith("%PDF".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertWithinWidth(robot.lookup("#retro-export-open").query(), width);
        assertThat(errors).isEmpty();
    }

    /** Puts the keyboard focus on a control, as Tab would (the screen scrolls it into view). */
    private void focus(String query) {
        Node n = robot.lookup(query).query();
        // a control for the selected item is enabled once the list, read again after a change, has its selection back
        waitFor(query + " is enabled", () -> !n.isDisabled(), 10);
        robot.interact(n::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(n.isFocused()).as(query + " has the focus").isTrue();
    }

    /** The {@code n}th entry of the open chooser's menu. */
    private Node menuItem(int n) {
        waitFor(
                "the chooser is open",
                () -> robot.lookup(".context-menu .menu-item").queryAll().size() > n,
                5);
        return robot.lookup(".context-menu .menu-item").nth(n).queryAs(Node.class);
    }

    private List<Finding> findings() {
        try {
            return store.retro().findings("gd-1", List.of("run-1"));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<ActionItem> items() {
        try {
            return store.retro().actionItems("gd-1");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertWithinWidth(Node n, int width) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        assertThat(b.getMinX()).as(n.getId() + " starts inside the window").isGreaterThanOrEqualTo(0);
        assertThat(b.getMaxX()).as(n.getId() + " ends inside the window").isLessThanOrEqualTo(width);
    }
}
