package dev.faultline.app.view.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.app.view.common.InPlace;
import dev.faultline.engine.env.Environment;
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
        assertThat(m.problemsProperty().get()).isEqualTo("saved " + file + ": Faultline uses it from its next start");
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
}
