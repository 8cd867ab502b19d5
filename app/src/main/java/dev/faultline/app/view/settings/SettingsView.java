package dev.faultline.app.view.settings;

import dev.faultline.app.view.common.Background;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.spi.SettingsException;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.spi.BackendSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
 * secret is masked in the summary.
 */
public final class SettingsView extends ScrollPane {
    private final TextArea file = new TextArea();
    private final Label problems = new Label();
    private final Path environmentsFile;

    public SettingsView(BooleanProperty dark, javafx.beans.property.IntegerProperty textSize, Path dataFolder, ZoneId zone, Collection<Environment> environments,
                        Path environmentsFile, List<RunbookProblem> startupProblems, Path notifiersFile,
                        java.util.concurrent.Callable<String> sendTestMessage) {
        this.environmentsFile = environmentsFile;
        getStyleClass().add("settings");
        setFitToWidth(true);
        Label heading = new Label("Settings");
        heading.getStyleClass().add("title-3");
        CheckBox darkBox = new CheckBox("Dark theme");
        darkBox.selectedProperty().bindBidirectional(dark);
        darkBox.setTooltip(new Tooltip("Switch between the light and the dark theme (kept for next time)"));
        javafx.scene.control.Spinner<Integer> size = new javafx.scene.control.Spinner<>(11, 24, textSize.get());
        size.setEditable(true);
        size.setAccessibleText("Text size in pixels");
        size.setTooltip(new Tooltip("The size of all text; every screen scales with it (kept for next time)"));
        size.valueProperty().addListener((o, a, b) -> textSize.set(b));
        Label sizeLabel = new Label("Text size");
        sizeLabel.setLabelFor(size);
        GridPane facts = new GridPane();
        facts.setHgap(16);
        facts.setVgap(6);
        facts.addRow(0, bold("Data folder"), new Label(dataFolder.toString()));
        facts.addRow(1, bold("Times shown in"), new Label(zone.getId()));
        facts.addRow(2, bold("Environments file"), new Label(environmentsFile.toString()));
        Label envHeading = new Label("Environments in use");
        envHeading.getStyleClass().add("section");
        TextArea envs = new TextArea(describe(environments));
        envs.setEditable(false);
        envs.setId("environments");
        envs.setAccessibleText("Environments and their backends' settings, secrets masked");
        envs.getStyleClass().add("yaml-text");
        envs.setPrefRowCount(10);
        Label fileHeading = new Label("Edit the environments file");
        fileHeading.getStyleClass().add("section");
        file.getStyleClass().add("yaml-text");
        file.setId("environments-file");
        file.setAccessibleText("The environments file as YAML");
        file.setPrefRowCount(14);
        problems.getStyleClass().add("field-error");
        problems.setWrapText(true);
        show(startupProblems);
        PauseTransition typing = new PauseTransition(Duration.millis(400));
        typing.setOnFinished(e -> show(check(file.getText())));
        file.textProperty().addListener((o, a, b) -> typing.playFromStart());
        Button save = new Button("Save");
        save.setTooltip(new Tooltip("Checked first; takes effect when Faultline starts next"));
        save.setOnAction(e -> save());
        Background.run("read-environments", () -> Files.isRegularFile(environmentsFile)
                ? Files.readString(environmentsFile) : EXAMPLE, file::setText,
                err -> Dialogs.error("Could not read " + environmentsFile, err));
        Label slackHeading = new Label("Slack");
        slackHeading.getStyleClass().add("section");
        Label slackFile = new Label("Webhook or bot token and channel, as references (env:VAR, file:/path), in "
                + notifiersFile + " (docs/plugins/slack.md)");
        slackFile.setWrapText(true);
        Label slackResult = new Label();
        slackResult.setWrapText(true);
        slackResult.setId("slack-test-result");
        Button test = new Button("Send test message");
        test.setTooltip(new Tooltip("Sends one message with the configured Slack settings and says what Slack answered"));
        test.setOnAction(e -> {
            slackResult.setText("sending…");
            Background.run("slack-test", sendTestMessage, slackResult::setText,
                    err -> slackResult.setText("not sent: " + Dialogs.message(err)));
        });
        VBox v = new VBox(14, heading, darkBox, new HBox(10, sizeLabel, size), facts, slackHeading, slackFile,
                new HBox(10, test, slackResult), envHeading, envs, fileHeading, file, problems, new HBox(8, save));
        v.setPadding(new Insets(20, 24, 20, 24));
        setContent(v);
    }

    /** What a new environments file starts as: an example, commented out. */
    static final String EXAMPLE = """
            # Your environments (docs/user-guide.md, "Environments"). Uncomment and adapt, then Save.
            # Credentials are references, never secrets: env:VARIABLE or file:/path.
            # environments:
            #   staging:
            #     production: false
            #     kubernetes: {context: staging, namespaces: [shop]}
            #     prometheus: {url: http://prometheus.staging:9090}
            #     toxiproxy: {url: http://toxiproxy.staging:8474}
            """;

    private static List<RunbookProblem> check(String text) {
        if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
            return List.of();
        }
        try {
            EnvironmentsFile.parse(text, "environments.yaml");
            return List.of();
        } catch (SettingsException e) {
            return e.problems().isEmpty() ? List.of(new RunbookProblem("environments.yaml", 0, 0, "", e.getMessage()))
                    : e.problems();
        }
    }

    private void show(List<RunbookProblem> found) {
        problems.setText(found.stream().map(p -> (p.line() > 0 ? "line " + p.line() + ", " : "") + p.field() + ": "
                + p.message()).collect(Collectors.joining("\n")));
        problems.setVisible(!found.isEmpty());
        problems.setManaged(!found.isEmpty());
    }

    private void save() {
        String text = file.getText();
        List<RunbookProblem> found = check(text);
        show(found);
        if (!found.isEmpty()) {
            return;
        }
        Background.run("save-environments", () -> {
            Files.createDirectories(environmentsFile.getParent());
            Path tmp = environmentsFile.resolveSibling(environmentsFile.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, environmentsFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return environmentsFile;
        }, p -> {
            problems.setText("saved " + p + ": Faultline uses it from its next start");
            problems.getStyleClass().remove("field-error");
            problems.setVisible(true);
            problems.setManaged(true);
        }, err -> Dialogs.error("Could not save " + environmentsFile, err));
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    static String describe(Collection<Environment> environments) {
        StringBuilder b = new StringBuilder();
        for (Environment e : environments) {
            b.append(e.name()).append(e.production() ? "  (PRODUCTION: every run asks for confirmation)" : "")
                    .append(e.sandbox() ? "  (starts the local sandbox)" : "").append('\n');
            for (BackendSettings s : new TreeMap<>(e.backends()).values()) {
                b.append("  ").append(s.backend()).append(":\n");
                for (Map.Entry<String, String> v : new TreeMap<>(s.values().values()).entrySet()) {
                    b.append("    ").append(v.getKey()).append(": ").append(mask(v.getKey(), v.getValue())).append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Settings hold references, never secrets; anything named like one is masked all the same. */
    static String mask(String key, String value) {
        String k = key.toLowerCase(java.util.Locale.ROOT);
        boolean secret = k.contains("token") || k.contains("secret") || k.contains("password") || k.contains("webhook");
        return secret && !value.startsWith("env:") && !value.startsWith("file:") ? "****" : value;
    }
}
