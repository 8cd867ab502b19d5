package dev.faultline.app.view.settings;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Settings: theme, text size, data folder, time zone; the environments and their backends by form
 * (with a connection check) and as YAML, two views of the one file; Slack by form, its credentials
 * as references only ({@code env:VAR}, {@code file:/path}); and the database with a check. Saved
 * environments are used at once, without a restart. State and commands are the
 * {@link SettingsViewModel}'s; this view only lays them out and binds.
 */
public final class SettingsView extends ScrollPane {
    public SettingsView(SettingsViewModel model) {
        getStyleClass().add("settings");
        setFitToWidth(true);
        Label heading = new Label("Settings");
        heading.getStyleClass().add("title-3");
        CheckBox darkBox = new CheckBox("Dark theme");
        darkBox.selectedProperty().bindBidirectional(model.darkProperty());
        darkBox.setTooltip(new Tooltip("Switch between the light and the dark theme (kept for next time)"));
        Spinner<Integer> size = new Spinner<>(11, 24, model.textSizeProperty().get());
        size.setEditable(true);
        size.setAccessibleText("Text size in pixels");
        size.setTooltip(new Tooltip("The size of all text; every screen scales with it (kept for next time)"));
        size.valueProperty().addListener((o, a, b) -> model.textSizeProperty().set(b));
        Label sizeLabel = new Label("Text size");
        sizeLabel.setLabelFor(size);
        sizeLabel.setMinWidth(Region.USE_PREF_SIZE);
        TextField yourName = new TextField();
        yourName.setId("your-name");
        yourName.setPrefColumnCount(24);
        yourName.setAccessibleText("Your name: the author of your notes and the leader of GameDays you plan");
        yourName.setTooltip(new Tooltip("The author of your notes and the leader of new GameDays, as reports show"
                + " it (kept for next time; empty: your user name)"));
        yourName.textProperty().bindBidirectional(model.yourNameProperty());
        Label yourNameLabel = new Label("Your name");
        yourNameLabel.setLabelFor(yourName);
        yourNameLabel.setMinWidth(Region.USE_PREF_SIZE);
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.addRow(0, bold("Data folder"), wrapping(model.dataFolder()));
        facts.addRow(1, bold("Times shown in"), new Label(model.zone()));
        facts.addRow(2, bold("Environments file"), wrapping(model.environmentsFile()));

        TextArea envs = new TextArea();
        envs.textProperty().bind(model.environmentsProperty());
        envs.setEditable(false);
        envs.setId("environments");
        envs.setAccessibleText("Environments in use and their backends' settings, secrets masked");
        envs.getStyleClass().add("yaml-text");
        envs.setPrefRowCount(8);
        TextArea file = new TextArea();
        file.getStyleClass().add("yaml-text");
        file.setId("environments-file");
        file.setAccessibleText("The environments file as YAML");
        file.setPrefRowCount(12);
        file.textProperty().bindBidirectional(model.fileTextProperty());
        Label problems = new Label();
        problems.setId("environments-problems");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsShownProperty());
        problems.managedProperty().bind(model.problemsShownProperty());
        errorStyle(problems, !model.savedProperty().get());
        model.savedProperty().addListener((o, a, saved) -> errorStyle(problems, !saved));
        PauseTransition typing = new PauseTransition(Duration.millis(400));
        typing.setOnFinished(e -> model.check());
        file.textProperty().addListener((o, a, b) -> typing.playFromStart());
        Button save = new Button("Save environments");
        save.setId("save-environments");
        save.setTooltip(new Tooltip("Checked first; used at once by every run started after"));
        save.setOnAction(e -> {
            typing.stop(); // the check it would make is the save's first step; its later answer must not hide "saved"
            model.save();
        });

        VBox v = new VBox(
                14,
                heading,
                darkBox,
                row(sizeLabel, size),
                row(yourNameLabel, yourName),
                facts,
                section("Environments"),
                new Label("Each environment names its backends and how to reach them. Edit one by form, or the file"
                        + " as YAML below: both are the same file."),
                environmentForm(model),
                section("The environments file as YAML"),
                file,
                problems,
                new HBox(8, save),
                section("Environments in use"),
                envs,
                section("Slack"),
                slack(model),
                section("Database"),
                database(model),
                section("Shared store (team mode)"),
                SharedStorePane.of(model.sharedStore()));
        for (Node n : v.getChildren()) {
            if (n instanceof Label l) {
                l.setWrapText(true);
            }
        }
        v.setPadding(new Insets(20, 24, 20, 24));
        setContent(v);
        model.load();
        model.slack().load();
        model.sharedStore().load();
    }

    /** A label and its field on one line, centred on each other. */
    private static HBox row(Label label, Node field) {
        HBox row = new HBox(10, label, field);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private Node environmentForm(SettingsViewModel model) {
        EnvironmentForm form = model.form();
        ListView<String> names = new ListView<>(form.names());
        names.setId("environment-list");
        names.setPrefHeight(150);
        names.setPrefWidth(180);
        names.setMinWidth(150);
        names.setAccessibleText("Your environments: Enter edits the selected one");
        Label noEnv = new Label("none of your own yet: New adds one");
        noEnv.setWrapText(true);
        names.setPlaceholder(noEnv);
        names.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                form.edit(b);
            }
        });
        Button add = new Button("New");
        add.setId("new-environment");
        add.setOnAction(e -> {
            names.getSelectionModel().clearSelection();
            form.startNew();
        });
        Button remove = new Button("Remove");
        remove.disableProperty()
                .bind(names.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> form.remove(names.getSelectionModel().getSelectedItem()));
        VBox left = new VBox(6, names, buttons(add, remove));
        left.setPrefWidth(200);
        left.setMaxWidth(240);

        TextField name = new TextField();
        name.setId("environment-name");
        name.setPromptText("e.g. staging: lower-case letters, digits, dashes");
        name.textProperty().bindBidirectional(form.nameProperty());
        CheckBox production = new CheckBox("Production: every run asks for confirmation");
        production.setId("environment-production");
        production.selectedProperty().bindBidirectional(form.productionProperty());
        TableView<SettingRow> table = new TableView<>(form.settings());
        table.setId("environment-settings");
        table.setPrefHeight(160);
        table.setAccessibleText("The backends' settings: Enter edits the selected one");
        Label none = new Label("No backend yet: Add setting, e.g. toxiproxy url http://127.0.0.1:8474");
        none.setWrapText(true);
        table.setPlaceholder(none);
        table.getColumns().add(column("Backend", r -> r.backend, 130));
        table.getColumns().add(column("Setting", r -> r.key, 130));
        table.getColumns().add(column("Value", r -> r.value, 260));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Button addSetting = new Button("Add setting…");
        addSetting.setId("add-setting");
        addSetting.setOnAction(e -> {
            SettingRow r = form.addSetting("", "", "");
            if (!SettingDialog.edit(r, getScene() == null ? null : getScene().getWindow())) {
                form.removeSetting(r);
            }
        });
        Button editSetting = new Button("Edit…");
        editSetting.setId("edit-setting");
        editSetting
                .disableProperty()
                .bind(table.getSelectionModel().selectedItemProperty().isNull());
        Runnable edit = () -> {
            SettingRow r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                SettingDialog.edit(r, getScene() == null ? null : getScene().getWindow());
                table.refresh();
            }
        };
        editSetting.setOnAction(e -> edit.run());
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                edit.run();
                e.consume();
            }
        });
        Button removeSetting = new Button("Remove setting");
        removeSetting.disableProperty().bind(editSetting.disableProperty());
        removeSetting.setOnAction(
                e -> form.removeSetting(table.getSelectionModel().getSelectedItem()));
        Button apply = new Button("Put into the file");
        apply.setId("apply-environment");
        apply.setTooltip(new Tooltip("Writes the form into the environments file below; Save environments saves it"));
        apply.setOnAction(e -> {
            if (form.apply()) {
                names.getSelectionModel().select(form.nameProperty().get());
            }
        });
        Button check = new Button("Check connection");
        check.setId("check-connection");
        check.setTooltip(
                new Tooltip("Tries each backend of this environment as the form has it, and says what failed"));
        check.setOnAction(e -> model.checkConnection());
        Label formProblem = new Label();
        formProblem.setId("environment-form-problem");
        formProblem.setWrapText(true);
        formProblem.getStyleClass().add("field-error");
        formProblem.textProperty().bind(form.problemProperty());
        Label checked = new Label();
        checked.setId("connection-result");
        checked.setWrapText(true);
        checked.textProperty().bind(model.connectionResultProperty());
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, fieldLabel("Name", name), name);
        g.addRow(1, new Label(), production);
        VBox right = new VBox(
                8,
                g,
                table,
                buttons(addSetting, editSetting, removeSetting),
                buttons(apply, check),
                formProblem,
                checked);
        right.setMinWidth(320);
        HBox.setHgrow(right, Priority.ALWAYS);
        return new HBox(16, left, right);
    }

    private static Node slack(SettingsViewModel model) {
        SlackForm f = model.slack();
        TextField webhook = reference(f.webhookProperty(), "slack-webhook", "env:SLACK_WEBHOOK_URL or file:/path");
        TextField token = reference(f.tokenProperty(), "slack-token", "env:SLACK_BOT_TOKEN or file:/path");
        TextField channel = new TextField();
        channel.setId("slack-channel");
        channel.setPromptText("#gameday or C0123ABCD");
        channel.textProperty().bindBidirectional(f.channelProperty());
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, fieldLabel("Webhook", webhook), webhook);
        g.addRow(1, fieldLabel("or bot token", token), token);
        g.addRow(2, fieldLabel("Channel", channel), channel);
        GridPane.setHgrow(webhook, Priority.ALWAYS);
        Label hint = new Label("Give the webhook or the token as a reference to where it is kept, an environment"
                + " variable (env:NAME) or a file (file:/path): Faultline never stores it in clear. "
                + model.slackHint());
        hint.setWrapText(true);
        hint.getStyleClass().add("muted");
        Button save = new Button("Save Slack settings");
        save.setId("save-slack");
        save.setOnAction(e -> f.save());
        Button test = new Button("Send test message");
        test.setTooltip(new Tooltip("Sends one message with the saved Slack settings and says what Slack answered"));
        test.setOnAction(e -> model.sendTestMessage());
        Label saved = new Label();
        saved.setId("slack-save-result");
        saved.setWrapText(true);
        saved.textProperty().bind(f.resultProperty());
        Label slackResult = new Label();
        slackResult.setWrapText(true);
        slackResult.setId("slack-test-result");
        slackResult.textProperty().bind(model.slackResultProperty());
        return new VBox(8, g, hint, buttons(save, test), saved, slackResult);
    }

    private static Node database(SettingsViewModel model) {
        Label where = new Label("Runs, GameDays and retrospectives are kept in the H2 database in the data folder: "
                + model.dataFolder());
        where.setWrapText(true);
        Button check = new Button("Check the database");
        check.setId("check-database");
        check.setOnAction(e -> model.checkDatabase());
        Label result = new Label();
        result.setId("database-result");
        result.setWrapText(true);
        result.textProperty().bind(model.databaseResultProperty());
        return new VBox(8, where, buttons(check), result);
    }

    private static TextField reference(javafx.beans.property.StringProperty p, String id, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static TableColumn<SettingRow, String> column(
            String name,
            java.util.function.Function<SettingRow, javafx.beans.value.ObservableValue<String>> value,
            double width) {
        TableColumn<SettingRow, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private static FlowPane buttons(Region... nodes) {
        for (Region r : nodes) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane f = new FlowPane(8, 6, nodes);
        f.setPrefWrapLength(180); // as narrow as the window needs; a wider row still holds them all
        return f;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static Label fieldLabel(String text, Node field) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label wrapping(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static void errorStyle(Label l, boolean error) {
        if (error && !l.getStyleClass().contains("field-error")) {
            l.getStyleClass().add("field-error");
        } else if (!error) {
            l.getStyleClass().remove("field-error");
        }
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }
}
