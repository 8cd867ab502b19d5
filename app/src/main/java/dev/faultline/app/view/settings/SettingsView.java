package dev.faultline.app.view.settings;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Settings: theme, data folder, time zone, and the environments file (Kubernetes context and
 * namespaces, Prometheus and Toxiproxy URLs, the production flag), edited as YAML and checked as
 * you type. Credentials are references ({@code env:VAR}, {@code file:/path}); anything named like a
 * secret is masked in the summary. State and commands are the {@link SettingsViewModel}'s; this
 * view only lays them out and binds.
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
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.addRow(0, bold("Data folder"), new Label(model.dataFolder()));
        facts.addRow(1, bold("Times shown in"), new Label(model.zone()));
        facts.addRow(2, bold("Environments file"), new Label(model.environmentsFile()));
        Label envHeading = new Label("Environments in use");
        envHeading.getStyleClass().add("section");
        TextArea envs = new TextArea(model.environments());
        envs.setEditable(false);
        envs.setId("environments");
        envs.setAccessibleText("Environments and their backends' settings, secrets masked");
        envs.getStyleClass().add("yaml-text");
        envs.setPrefRowCount(10);
        Label fileHeading = new Label("Edit the environments file");
        fileHeading.getStyleClass().add("section");
        TextArea file = new TextArea();
        file.getStyleClass().add("yaml-text");
        file.setId("environments-file");
        file.setAccessibleText("The environments file as YAML");
        file.setPrefRowCount(14);
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
        Button save = new Button("Save");
        save.setId("save-environments");
        save.setTooltip(new Tooltip("Checked first; takes effect when Faultline starts next"));
        save.setOnAction(e -> {
            typing.stop(); // the check it would make is the save's first step; its later answer must not hide "saved"
            model.save();
        });
        Label slackHeading = new Label("Slack");
        slackHeading.getStyleClass().add("section");
        Label slackFile = new Label(model.slackHint());
        slackFile.setWrapText(true);
        Label slackResult = new Label();
        slackResult.setWrapText(true);
        slackResult.setId("slack-test-result");
        slackResult.textProperty().bind(model.slackResultProperty());
        Button test = new Button("Send test message");
        test.setTooltip(
                new Tooltip("Sends one message with the configured Slack settings and says what Slack answered"));
        test.setOnAction(e -> model.sendTestMessage());
        VBox v = new VBox(
                14,
                heading,
                darkBox,
                new HBox(10, sizeLabel, size),
                facts,
                slackHeading,
                slackFile,
                new HBox(10, test, slackResult),
                envHeading,
                envs,
                fileHeading,
                file,
                problems,
                new HBox(8, save));
        v.setPadding(new Insets(20, 24, 20, 24));
        setContent(v);
        model.load();
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
        return l;
    }
}
