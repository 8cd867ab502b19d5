package dev.faultline.app.view.settings;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.spi.BackendSettings;
import dev.faultline.engine.spi.SettingsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings screen's state and commands, without nodes: the facts shown, the environments in
 * use (secrets masked), the environments file being edited with its problems, saving it, and the
 * Slack test message. Blocking work goes through {@link Work}; failures that need a dialog go to
 * {@code errors} (what failed, why).
 */
public final class SettingsViewModel {
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

    private final BooleanProperty dark;
    private final IntegerProperty textSize;
    private final Path dataFolder;
    private final ZoneId zone;
    private final String environments;
    private final Path environmentsFile;
    private final Path notifiersFile;
    private final Callable<String> sendTestMessage;
    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final StringProperty fileText = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problemsShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper slackResult = new ReadOnlyStringWrapper("");

    public SettingsViewModel(
            BooleanProperty dark,
            IntegerProperty textSize,
            Path dataFolder,
            ZoneId zone,
            Collection<Environment> environments,
            Path environmentsFile,
            List<RunbookProblem> startupProblems,
            Path notifiersFile,
            Callable<String> sendTestMessage,
            Work work,
            BiConsumer<String, Throwable> errors) {
        this.dark = dark;
        this.textSize = textSize;
        this.dataFolder = dataFolder;
        this.zone = zone;
        this.environments = describe(environments);
        this.environmentsFile = environmentsFile;
        this.notifiersFile = notifiersFile;
        this.sendTestMessage = sendTestMessage;
        this.work = work;
        this.errors = errors;
        show(startupProblems);
    }

    /** Reads the environments file into {@link #fileTextProperty()} (the example when there is none yet). */
    public void load() {
        work.run(
                "read-environments",
                () -> Files.isRegularFile(environmentsFile) ? Files.readString(environmentsFile) : EXAMPLE,
                fileText::set,
                err -> errors.accept("Could not read " + environmentsFile, err));
    }

    /** Checks the text being edited and shows its problems (the view calls it once typing pauses). */
    public void check() {
        show(problemsOf(fileText.get()));
    }

    /** Saves the text when it has no problems (checked first); says where, and from when it counts. */
    public void save() {
        String text = fileText.get();
        List<RunbookProblem> found = problemsOf(text);
        show(found);
        if (!found.isEmpty()) {
            return;
        }
        work.run(
                "save-environments",
                () -> {
                    Path dir = environmentsFile.toAbsolutePath().getParent();
                    if (dir != null) {
                        Files.createDirectories(dir);
                    }
                    Path tmp = environmentsFile.resolveSibling(environmentsFile.getFileName() + ".tmp");
                    Files.writeString(tmp, text, StandardCharsets.UTF_8);
                    Files.move(tmp, environmentsFile, StandardCopyOption.REPLACE_EXISTING);
                    return environmentsFile;
                },
                p -> {
                    problems.set("saved " + p + ": Faultline uses it from its next start");
                    saved.set(true);
                    problemsShown.set(true);
                },
                err -> errors.accept("Could not save " + environmentsFile, err));
    }

    /** Sends one Slack message with the configured settings; {@link #slackResultProperty()} says what Slack answered. */
    public void sendTestMessage() {
        slackResult.set("sending…");
        work.run(
                "slack-test",
                sendTestMessage,
                slackResult::set,
                err -> slackResult.set("not sent: " + Dialogs.message(err)));
    }

    static List<RunbookProblem> problemsOf(String text) {
        if (text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"))) {
            return List.of();
        }
        try {
            EnvironmentsFile.parse(text, "environments.yaml");
            return List.of();
        } catch (SettingsException e) {
            return e.problems().isEmpty()
                    ? List.of(new RunbookProblem("environments.yaml", 0, 0, "", e.getMessage()))
                    : e.problems();
        }
    }

    private void show(List<RunbookProblem> found) {
        problems.set(found.stream()
                .map(p -> (p.line() > 0 ? "line " + p.line() + ", " : "") + p.field() + ": " + p.message())
                .collect(Collectors.joining("\n")));
        saved.set(false);
        problemsShown.set(!found.isEmpty());
    }

    static String describe(Collection<Environment> environments) {
        StringBuilder b = new StringBuilder();
        for (Environment e : environments) {
            b.append(e.name())
                    .append(e.production() ? "  (PRODUCTION: every run asks for confirmation)" : "")
                    .append(e.sandbox() ? "  (starts the local sandbox)" : "")
                    .append('\n');
            for (BackendSettings s : new TreeMap<>(e.backends()).values()) {
                b.append("  ").append(s.backend()).append(":\n");
                for (Map.Entry<String, String> v : new TreeMap<>(s.values().values()).entrySet()) {
                    b.append("    ")
                            .append(v.getKey())
                            .append(": ")
                            .append(mask(v.getKey(), v.getValue()))
                            .append('\n');
                }
            }
        }
        return b.toString();
    }

    /** Settings hold references, never secrets; anything named like one is masked all the same. */
    static String mask(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean secret = k.contains("token") || k.contains("secret") || k.contains("password") || k.contains("webhook");
        return secret && !value.startsWith("env:") && !value.startsWith("file:") ? "****" : value;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public IntegerProperty textSizeProperty() {
        return textSize;
    }

    public String dataFolder() {
        return dataFolder.toString();
    }

    /** The zone every time on every screen is shown in. */
    public String zone() {
        return zone.getId();
    }

    public String environmentsFile() {
        return environmentsFile.toString();
    }

    /** The environments in use and their backends' settings, secrets masked. */
    public String environments() {
        return environments;
    }

    public String slackHint() {
        return "Webhook or bot token and channel, as references (env:VAR, file:/path), in " + notifiersFile
                + " (docs/plugins/slack.md)";
    }

    /** The environments file as edited; the text area binds to it both ways. */
    public StringProperty fileTextProperty() {
        return fileText;
    }

    /** The file's problems, one a line ("line 3, environments.staging.kubernetes: ..."), or where it was saved. */
    public ReadOnlyStringProperty problemsProperty() {
        return problems.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty problemsShownProperty() {
        return problemsShown.getReadOnlyProperty();
    }

    /** True when {@link #problemsProperty()} says the file was saved, not what is wrong with it. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty slackResultProperty() {
        return slackResult.getReadOnlyProperty();
    }
}
