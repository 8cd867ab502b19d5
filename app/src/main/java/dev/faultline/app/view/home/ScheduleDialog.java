package dev.faultline.app.view.home;

import dev.faultline.engine.schedule.Days;
import dev.faultline.engine.schedule.MissedRun;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.jspecify.annotations.Nullable;

/**
 * The schedule dialog of the home screen: a runbook run on a cron expression in a time zone, in an
 * environment, with its guards (a time window, days to skip, what to do with a missed time). The
 * next three runs (in the user's zone) show as the fields change; Save (Enter) checks the fields as
 * {@code faultline schedule add} does and keeps the dialog open with the one-line refusal under the
 * fields, Cancel (Esc) leaves the store alone. The fields' rules are {@link ScheduleForm}'s.
 */
final class ScheduleDialog {
    /** What the dialog offers to choose from. */
    record Choices(
            Supplier<List<Path>> runbooks,
            Supplier<List<String>> environments,
            Function<Window, Optional<Path>> browse) {}

    static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final SchedulesModel model;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField name = new TextField();
    private final ComboBox<String> runbook = new ComboBox<>();
    private final TextField cron = new TextField();
    private final ComboBox<String> zone = new ComboBox<>();
    private final ComboBox<String> environment = new ComboBox<>();
    private final TextField window = new TextField();
    private final List<CheckBox> skip = new ArrayList<>();
    private final ComboBox<String> missed = new ComboBox<>();
    private final Label nextRuns = new Label();
    private final Label problem = new Label();

    private ScheduleDialog(SchedulesModel model, ScheduleForm.Fields start, @Nullable String editing, Choices choices) {
        this.model = model;
        dialog.setTitle(editing == null ? "Add a schedule" : "Edit schedule " + editing);
        dialog.setHeaderText(
                editing == null
                        ? "Run an experiment on a schedule: 'faultline scheduler' (or a systemd user unit) starts it"
                        : "Change when and where " + editing + " runs; a paused schedule stays paused");
        dialog.getDialogPane().setId("schedule-dialog");
        dialog.setResizable(true);

        name.setId("schedule-name");
        name.setPromptText("letters, digits, dashes, e.g. weekly-payments");
        name.setText(start.name());

        runbook.setId("schedule-runbook");
        runbook.setEditable(true);
        runbook.getItems()
                .setAll(choices.runbooks().get().stream().map(Path::toString).toList());
        runbook.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(@Nullable String p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : HomeViewModel.runbookLabel(Path.of(p)));
            }
        });
        runbook.getEditor().setText(start.runbook());
        runbook.setPromptText("a runbook file: pick a shipped one or Browse…");
        runbook.setMaxWidth(Double.MAX_VALUE);
        Button browse = new Button("Browse…");
        browse.setId("schedule-browse");
        browse.setTooltip(new Tooltip("Choose a runbook file"));
        browse.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never cut to "Bro…" beside a long path
        browse.setOnAction(e -> choices.browse()
                .apply(dialog.getDialogPane().getScene().getWindow())
                .ifPresent(p -> runbook.getEditor().setText(p.toString())));
        HBox.setHgrow(runbook, Priority.ALWAYS);
        HBox runbookRow = new HBox(6, runbook, browse);

        cron.setId("schedule-cron");
        cron.setPromptText("minute hour day month weekday, e.g. 0 9 * * MON");
        cron.setText(start.cron());
        cron.setTooltip(new Tooltip("Unix cron's five fields: minute hour day-of-month month day-of-week,"
                + "\ne.g. 0 9 * * MON (Mondays at 09:00), 30 6 * * 1-5 (weekdays at 06:30)"));

        zone.setId("schedule-zone");
        zone.setEditable(true);
        zone.getItems().setAll(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.getEditor().setText(start.zone());
        zone.setVisibleRowCount(12);
        zone.setMaxWidth(Double.MAX_VALUE);

        environment.setId("schedule-environment");
        List<String> envs = new ArrayList<>();
        envs.add("");
        envs.addAll(choices.environments().get());
        if (!envs.contains(start.environment())) {
            envs.add(start.environment());
        }
        environment.getItems().setAll(envs);
        environment.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable String env) {
                return env == null || env.isEmpty() ? "the runbook's own" : env;
            }

            @Override
            public String fromString(String text) {
                return text.equals("the runbook's own") ? "" : text;
            }
        });
        environment.setValue(start.environment());
        environment.setMaxWidth(Double.MAX_VALUE);

        window.setId("schedule-window");
        window.setPromptText("only start between, e.g. 09:00-17:00; blank: any time");
        window.setText(start.window());

        Set<DayOfWeek> skipped = start.skipDays().isBlank() ? Set.of() : parseDays(start.skipDays());
        HBox days = new HBox(10);
        for (DayOfWeek d : DayOfWeek.values()) {
            CheckBox c = new CheckBox(d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
            c.setId("schedule-skip-" + d.name().substring(0, 3).toLowerCase(Locale.ROOT));
            c.setAccessibleText("skip " + d.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            c.setSelected(skipped.contains(d));
            c.setUserData(d);
            skip.add(c);
            days.getChildren().add(c);
        }

        missed.setId("schedule-missed");
        missed.getItems().setAll(MissedRun.SKIP.label(), MissedRun.RUN_ONCE.label());
        missed.setConverter(new StringConverter<>() {
            @Override
            public String toString(@Nullable String m) {
                if (m == null) {
                    return "";
                }
                return m.equals(MissedRun.RUN_ONCE.label())
                        ? "run once when the scheduler is back"
                        : "skip it, wait for the next time";
            }

            @Override
            public String fromString(String text) {
                return text.startsWith("run once") ? MissedRun.RUN_ONCE.label() : MissedRun.SKIP.label();
            }
        });
        missed.setValue(start.missed());

        nextRuns.setId("schedule-next-runs");
        nextRuns.setWrapText(true);
        problem.setId("schedule-problem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        problem.managedProperty().bind(problem.visibleProperty());

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        g.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        g.addRow(row++, label("_Name", name), name);
        g.addRow(row++, label("_Runbook", runbook), runbookRow);
        g.addRow(row++, label("_When (cron)", cron), cron);
        g.addRow(row++, label("_Time zone", zone), zone);
        g.addRow(row++, label("_Environment", environment), environment);
        g.addRow(row++, label("Only _between", window), window);
        g.addRow(row++, label("S_kip days", skip.getFirst()), days);
        g.addRow(row++, label("_Missed time", missed), missed);
        Label next = new Label("Next runs (" + model.zone().getId() + ")");
        next.getStyleClass().add("field-label");
        g.addRow(row, next, nextRuns);
        VBox content = new VBox(10, g, problem);
        content.setPrefWidth(620);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(SAVE, ButtonType.CANCEL);

        name.textProperty().addListener((o, a, b) -> preview());
        runbook.getEditor().textProperty().addListener((o, a, b) -> preview());
        runbook.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                runbook.getEditor().setText(b);
            }
        });
        cron.textProperty().addListener((o, a, b) -> preview());
        zone.getEditor().textProperty().addListener((o, a, b) -> preview());
        zone.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                zone.getEditor().setText(b);
            }
        });
        window.textProperty().addListener((o, a, b) -> preview());
        skip.forEach(c -> c.selectedProperty().addListener((o, a, b) -> preview()));
        missed.valueProperty().addListener((o, a, b) -> preview());
        preview();

        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("schedule-save");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // closed once the store took it; a refusal keeps the fields as typed
            save.setDisable(true);
            model.save(
                    fields(),
                    editing,
                    () -> {
                        dialog.setResult(SAVE);
                        dialog.close();
                    },
                    refused -> {
                        save.setDisable(false);
                        say(refused);
                    });
        });
        // Enter saves from every field: on a day's box it would otherwise tick or clear that day
        skip.forEach(c -> c.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                e.consume();
                save.fire();
            }
        }));
        dialog.setOnShown(e -> (editing == null ? name : cron).requestFocus());
    }

    /**
     * Opens the dialog, a new schedule when {@code editing} is null, else that schedule's fields; it
     * saves through {@code model}, which then lists the schedule.
     */
    static Dialog<ButtonType> open(
            @Nullable Window owner,
            SchedulesModel model,
            ScheduleForm.Fields start,
            @Nullable String editing,
            Choices choices) {
        ScheduleDialog d = new ScheduleDialog(model, start, editing, choices);
        if (owner != null) {
            d.dialog.initOwner(owner);
        }
        d.dialog.show();
        return d.dialog;
    }

    /** The fields as typed, as the CLI's options take them. */
    ScheduleForm.Fields fields() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        skip.stream().filter(CheckBox::isSelected).forEach(c -> days.add((DayOfWeek) c.getUserData()));
        String env = environment.getValue();
        String m = missed.getValue();
        return new ScheduleForm.Fields(
                name.getText(),
                runbook.getEditor().getText(),
                cron.getText(),
                zone.getEditor().getText(),
                env == null ? "" : env,
                window.getText(),
                Days.format(days),
                m == null ? MissedRun.SKIP.label() : m);
    }

    private void preview() {
        ScheduleForm.Preview p = model.preview(fields());
        nextRuns.setText(p.nextRuns().isEmpty() ? "none" : String.join("\n", p.nextRuns()));
        say(p.problem());
    }

    private void say(String message) {
        problem.setText(message);
        problem.setVisible(!message.isEmpty());
    }

    private static Set<DayOfWeek> parseDays(String text) {
        try {
            return Days.parse(text);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    private static Label label(String text, Node field) {
        Label l = new Label(text);
        l.setMnemonicParsing(true);
        l.setLabelFor(field);
        l.getStyleClass().add("field-label");
        return l;
    }
}
