package dev.faultline.app.view.settings;

import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
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
import java.util.function.Consumer;
import java.util.function.Function;
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
    private final ReadOnlyStringWrapper environments = new ReadOnlyStringWrapper("");
    private final Path environmentsFile;
    private final Path notifiersFile;
    private final Callable<String> sendTestMessage;
    private final Work work;
    private final BiConsumer<String, Throwable> errors;
    private final StringProperty fileText = new SimpleStringProperty("");
    private final StringProperty yourName = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper problemsShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper slackResult = new ReadOnlyStringWrapper("");
    private final EnvironmentForm form = new EnvironmentForm(fileText);
    private final ReadOnlyStringWrapper connectionResult = new ReadOnlyStringWrapper("");
    private final SlackForm slack;
    private final SharedStoreForm sharedStore;
    private final ReadOnlyStringWrapper databaseResult = new ReadOnlyStringWrapper("");
    private Consumer<Environments> inUse = e -> {};
    private Function<Environment, List<String>> connectionCheck = e -> List.of("no connection check is available here");
    private Callable<String> databaseCheck = () -> "no database check is available here";

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
        this.environments.set(describe(environments));
        this.environmentsFile = environmentsFile;
        this.notifiersFile = notifiersFile;
        this.sendTestMessage = sendTestMessage;
        this.work = work;
        this.errors = errors;
        this.slack = new SlackForm(notifiersFile, work);
        this.sharedStore = new SharedStoreForm(new dev.faultline.engine.env.FaultlineHome(dataFolder), work);
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
                    problems.set("saved " + p + ": in use now");
                    saved.set(true);
                    problemsShown.set(true);
                    use(text);
                },
                err -> errors.accept("Could not save " + environmentsFile, err));
    }

    /** The saved environments go into use at once: the runs, the planner and Home take them from now on. */
    private void use(String text) {
        try {
            Environments envs = problemsOf(text).isEmpty() && !isOnlyComments(text)
                    ? EnvironmentsFile.parse(text, environmentsFile.toString())
                    : Environments.builtIn();
            environments.set(describe(envs.all()));
            inUse.accept(envs);
        } catch (SettingsException e) {
            errors.accept("Could not use " + environmentsFile, e); // checked just before: not expected
        }
    }

    private static boolean isOnlyComments(String text) {
        return text.lines().map(String::strip).allMatch(l -> l.isEmpty() || l.startsWith("#"));
    }

    /** Where saved environments are handed over to be used without a restart. */
    public void onEnvironmentsInUse(Consumer<Environments> use) {
        this.inUse = use;
    }

    /** How an environment's backends are checked: one line each, saying what failed. Blocking. */
    public void connectionCheck(Function<Environment, List<String>> check) {
        this.connectionCheck = check;
    }

    /** How the database is checked: what it holds, or an exception saying what failed. Blocking. */
    public void databaseCheck(Callable<String> check) {
        this.databaseCheck = check;
    }

    /** Checks the backends of the environment in the form; {@link #connectionResultProperty()} says how each went. */
    public void checkConnection() {
        Environment env;
        try {
            env = form.toEnvironment();
        } catch (IllegalArgumentException e) {
            connectionResult.set("not checked: " + e.getMessage());
            return;
        }
        if (env.backends().isEmpty()) {
            connectionResult.set("not checked: the environment has no backends yet; add a setting, e.g. toxiproxy url");
            return;
        }
        connectionResult.set("checking…");
        work.run(
                "check-environment",
                () -> String.join("\n", connectionCheck.apply(env)),
                connectionResult::set,
                err -> connectionResult.set("the check failed: " + Dialogs.message(err)));
    }

    /** Team mode: the shared store's settings and their test. */
    public SharedStoreForm sharedStore() {
        return sharedStore;
    }

    /** Opens the database and says what it holds, or what failed. */
    public void checkDatabase() {
        databaseResult.set("checking…");
        work.run(
                "check-database",
                databaseCheck,
                databaseResult::set,
                err -> databaseResult.set("not reachable: " + Dialogs.message(err)));
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

    /**
     * Your name as people know it: the author of your observations, the leader of the GameDays you
     * start, shown in reports. Kept in the app's settings file (not a secret); blank means your OS
     * user name.
     */
    public StringProperty yourNameProperty() {
        return yourName;
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
        return environments.get();
    }

    public ReadOnlyStringProperty environmentsProperty() {
        return environments.getReadOnlyProperty();
    }

    /** One environment, edited by form. */
    public EnvironmentForm form() {
        return form;
    }

    public ReadOnlyStringProperty connectionResultProperty() {
        return connectionResult.getReadOnlyProperty();
    }

    public SlackForm slack() {
        return slack;
    }

    public ReadOnlyStringProperty databaseResultProperty() {
        return databaseResult.getReadOnlyProperty();
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
