package dev.faultline.app.view.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.env.Environment;
import dev.faultline.engine.env.Environments;
import dev.faultline.engine.env.EnvironmentsFile;
import dev.faultline.engine.model.Params;
import dev.faultline.engine.runbook.RunbookProblem;
import dev.faultline.engine.spi.BackendSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings screen without a window: a real environments file in a temporary folder. */
class SettingsViewModelTest {
    @TempDir
    Path home;

    private final List<String> errors = new ArrayList<>();

    private SettingsViewModel model(
            Collection<Environment> environments, List<RunbookProblem> startupProblems, Callable<String> slack) {
        return new SettingsViewModel(
                new SimpleBooleanProperty(),
                new SimpleIntegerProperty(14),
                home,
                ZoneId.of("Asia/Kolkata"),
                environments,
                home.resolve("environments.yaml"),
                startupProblems,
                home.resolve("notifiers.yaml"),
                slack,
                new InPlace(),
                (what, e) -> errors.add(what + ": " + e.getMessage()));
    }

    private SettingsViewModel model() {
        return model(List.of(), List.of(), () -> "sent");
    }

    @Test
    void aMissingEnvironmentsFileStartsAsTheCommentedExampleWhichHasNoProblems() {
        SettingsViewModel m = model();
        m.load();
        assertThat(m.fileTextProperty().get()).isEqualTo(SettingsViewModel.EXAMPLE);
        m.check();
        assertThat(m.problemsShownProperty().get()).isFalse();
        assertThat(m.zone()).isEqualTo("Asia/Kolkata");
        assertThat(m.environmentsFile())
                .isEqualTo(home.resolve("environments.yaml").toString());
    }

    @Test
    void theFileOnDiskIsReadAsItIs() throws Exception {
        Files.writeString(home.resolve("environments.yaml"), "environments:\n  lab:\n    production: false\n");
        SettingsViewModel m = model();
        m.load();
        assertThat(m.fileTextProperty().get()).isEqualTo("environments:\n  lab:\n    production: false\n");
    }

    @Test
    void problemsFoundAtStartAreShownUntilTheTextIsChecked() {
        SettingsViewModel m = model(
                List.of(),
                List.of(new RunbookProblem(
                        "environments.yaml",
                        4,
                        7,
                        "environments.lab.production",
                        "production is true or false, not 'maybe'")),
                () -> "sent");
        assertThat(m.problemsProperty().get())
                .isEqualTo("line 4, environments.lab.production: production is true or false, not 'maybe'");
        assertThat(m.problemsShownProperty().get()).isTrue();
        assertThat(m.savedProperty().get()).isFalse();
    }

    @Test
    void aWrongFileIsNotSavedAndEachProblemNamesItsLineAndField() {
        SettingsViewModel m = model();
        m.fileTextProperty()
                .set("environments:\n  staging:\n    production: maybe\n    prometheus:\n      tokn: env:X\n");
        m.save();
        assertThat(Files.exists(home.resolve("environments.yaml"))).isFalse();
        assertThat(m.problemsProperty().get().lines())
                .containsExactlyInAnyOrder(
                        "line 3, environments.staging.production: production is true or false, not 'maybe'",
                        "line 5, environments.staging.prometheus.tokn: unknown field 'tokn'; did you mean 'token'?");
        assertThat(m.problemsShownProperty().get()).isTrue();
        assertThat(m.savedProperty().get()).isFalse();
    }

    @Test
    void aGoodFileIsSavedAndTheScreenSaysFromWhenItCounts() throws Exception {
        SettingsViewModel m = model();
        String text = "environments:\n  lab:\n    production: false\n";
        m.fileTextProperty().set(text);
        m.save();
        Path file = home.resolve("environments.yaml");
        assertThat(Files.readString(file)).isEqualTo(text);
        assertThat(EnvironmentsFile.load(file).all())
                .extracting(Environment::name)
                .contains("lab");
        assertThat(m.problemsProperty().get()).isEqualTo("saved " + file + ": in use now");
        assertThat(m.savedProperty().get()).isTrue();
        assertThat(m.problemsShownProperty().get()).isTrue();
        assertThat(errors).isEmpty();
    }

    @Test
    void aSaveThatCannotWriteIsReportedWithTheFile() throws Exception {
        Files.writeString(home.resolve("blocker"), "a file where a folder should be");
        SettingsViewModel m = new SettingsViewModel(
                new SimpleBooleanProperty(),
                new SimpleIntegerProperty(14),
                home,
                ZoneId.of("UTC"),
                List.of(),
                home.resolve("blocker").resolve("environments.yaml"),
                List.of(),
                home.resolve("notifiers.yaml"),
                () -> "",
                new InPlace(),
                (what, e) -> errors.add(what));
        m.fileTextProperty().set("environments:\n  lab:\n    production: false\n");
        m.save();
        assertThat(errors)
                .containsExactly("Could not save " + home.resolve("blocker").resolve("environments.yaml"));
        assertThat(m.savedProperty().get()).isFalse();
    }

    @Test
    void theEnvironmentsInUseAreDescribedWithAnythingNamedLikeASecretMasked() {
        BackendSettings prometheus = new BackendSettings(
                "prometheus",
                new Params(Map.of("url", "http://127.0.0.1:9090", "token", "env:PROM_TOKEN", "password", "in-clear")));
        SettingsViewModel m = model(
                List.of(new Environment("staging", true, false, Map.of("prometheus", prometheus))),
                List.of(),
                () -> "");
        assertThat(m.environments()).isEqualTo("""
                staging  (PRODUCTION: every run asks for confirmation)
                  prometheus:
                    password: ****
                    token: env:PROM_TOKEN
                    url: http://127.0.0.1:9090
                """);
    }

    @Test
    void theSlackTestSaysWhatSlackAnsweredOrWhyItWasNotSent() {
        SettingsViewModel ok = model(List.of(), List.of(), () -> "Slack answered ok in #gameday");
        ok.sendTestMessage();
        assertThat(ok.slackResultProperty().get()).isEqualTo("Slack answered ok in #gameday");

        SettingsViewModel refused = model(List.of(), List.of(), () -> {
            throw new IllegalStateException("the Slack plugin is not installed");
        });
        refused.sendTestMessage();
        assertThat(refused.slackResultProperty().get()).isEqualTo("not sent: the Slack plugin is not installed");
    }

    @Test
    void savedEnvironmentsAreHandedOverToBeUsedWithoutARestart() {
        SettingsViewModel m = model();
        List<Environments> used = new ArrayList<>();
        m.onEnvironmentsInUse(used::add);
        m.fileTextProperty().set("environments:\n  lab:\n    production: true\n");

        m.save();

        assertThat(used)
                .singleElement()
                .satisfies(e -> assertThat(e.find("lab")).isPresent());
        assertThat(m.environments()).contains("lab  (PRODUCTION");
        assertThat(errors).isEmpty();
    }

    @Test
    void anEnvironmentIsAddedEditedRenamedAndRemovedByFormAndTheYamlFollows() throws Exception {
        SettingsViewModel m = model();
        m.load();
        EnvironmentForm form = m.form();
        form.startNew();
        form.nameProperty().set("staging");
        form.productionProperty().set(true);
        form.addSetting("toxiproxy", "url", "http://127.0.0.1:8474");
        form.addSetting("kubernetes", "namespaces", "shop,payments");

        assertThat(form.apply()).as(form.problemProperty().get()).isTrue();

        Environment staging = EnvironmentsFile.parse(m.fileTextProperty().get(), "e.yaml")
                .find("staging")
                .orElseThrow();
        assertThat(staging.production()).isTrue();
        assertThat(staging.settingsFor("toxiproxy").values().get("url")).contains("http://127.0.0.1:8474");
        assertThat(staging.settingsFor("kubernetes").values().get("namespaces")).contains("shop,payments");
        assertThat(form.names()).containsExactly("staging");

        form.edit("staging");
        form.nameProperty().set("stage-2");
        assertThat(form.apply()).isTrue();
        assertThat(form.names()).containsExactly("stage-2");

        form.startNew();
        form.nameProperty().set("lab");
        assertThat(form.apply()).isTrue();
        form.remove("stage-2");
        assertThat(form.names()).containsExactly("lab");
        m.save();
        assertThat(EnvironmentsFile.load(home.resolve("environments.yaml")).find("lab"))
                .isPresent();
    }

    @Test
    void theFormRefusesACredentialInClearAndADuplicateNameSayingWhich() {
        SettingsViewModel m = model();
        EnvironmentForm form = m.form();
        form.startNew();
        form.nameProperty().set("lab");
        form.addSetting("prometheus", "url", "http://127.0.0.1:9090");
        SettingRow token = form.addSetting("prometheus", "token", "s3cr3t");

        assertThat(form.apply()).isFalse();
        assertThat(form.problemProperty().get()).contains("token").contains("env:VARIABLE");
        assertThat(m.fileTextProperty().get()).doesNotContain("s3cr3t");

        token.set("prometheus", "token", "env:PROM_TOKEN");
        assertThat(form.apply()).as(form.problemProperty().get()).isTrue();
        form.startNew();
        form.nameProperty().set("local");
        assertThat(form.apply()).isFalse();
        assertThat(form.problemProperty().get()).isEqualTo("name: there is an environment 'local' already");
    }

    @Test
    void theConnectionCheckSaysWhatFailedForTheEnvironmentInTheForm() {
        SettingsViewModel m = model();
        List<Environment> checked = new ArrayList<>();
        m.connectionCheck(e -> {
            checked.add(e);
            return List.of("toxiproxy: FAILED (connection refused)");
        });
        m.form().startNew();
        m.form().nameProperty().set("lab");
        m.checkConnection();
        assertThat(m.connectionResultProperty().get()).startsWith("not checked: the environment has no backends yet");

        m.form().addSetting("toxiproxy", "url", "http://127.0.0.1:1");
        m.checkConnection();

        assertThat(checked).singleElement().satisfies(e -> assertThat(e.name()).isEqualTo("lab"));
        assertThat(m.connectionResultProperty().get()).isEqualTo("toxiproxy: FAILED (connection refused)");
    }

    @Test
    void slackTakesItsCredentialsAsReferencesOnlyAndKeepsTheFilesOtherSettings() throws Exception {
        Path notifiers = home.resolve("notifiers.yaml");
        Files.writeString(notifiers, "slack.timeoutSeconds=5\n");
        SettingsViewModel m = model();
        SlackForm slack = m.slack();
        slack.load();
        slack.tokenProperty().set("xoxb-1234-in-clear");
        slack.channelProperty().set("#gameday");

        slack.save();

        assertThat(slack.resultProperty().get()).startsWith("bot token: give it as env:VARIABLE or file:/path");
        assertThat(Files.readString(notifiers)).doesNotContain("xoxb");

        slack.tokenProperty().set("env:SLACK_BOT_TOKEN");
        slack.save();

        String saved = Files.readString(notifiers);
        assertThat(saved).contains("slack.token=env\\:SLACK_BOT_TOKEN").contains("slack.timeoutSeconds=5");
        assertThat(slack.resultProperty().get()).startsWith("saved ");
        SettingsViewModel again = model();
        again.slack().load();
        assertThat(again.slack().tokenProperty().get()).isEqualTo("env:SLACK_BOT_TOKEN");
        assertThat(again.slack().channelProperty().get()).isEqualTo("#gameday");
    }
}
