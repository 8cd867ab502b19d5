package dev.faultline.app.fx;

import dev.faultline.app.Composition;
import dev.faultline.app.NotifierConfig;
import dev.faultline.app.view.common.Dialogs;
import dev.faultline.app.view.common.Work;
import dev.faultline.app.view.settings.SettingsView;
import dev.faultline.app.view.settings.SettingsViewModel;
import dev.faultline.engine.env.Environments;
import java.time.ZoneId;
import java.util.function.Consumer;

/** The Settings screen wired to the composition: what it shows, what its checks ask, what a save changes. */
final class SettingsScreen {
    private SettingsScreen() {}

    /** @param environmentsSaved told of environments saved in Settings, used at once */
    static SettingsView of(
            Composition composition, AppLook look, ZoneId zone, Consumer<Environments> environmentsSaved) {
        SettingsViewModel settings = new SettingsViewModel(
                look.dark(),
                look.textSize(),
                composition.home.root(),
                zone,
                composition.environments.all(),
                composition.home.environments(),
                composition.environmentProblems,
                NotifierConfig.file(composition.home.root()),
                () -> sendSlackTest(composition),
                Work.background(),
                Dialogs::error);
        settings.yourNameProperty().bindBidirectional(look.yourName());
        settings.onEnvironmentsInUse(envs -> {
            composition.useEnvironments(envs); // runs read it when they start: no restart
            environmentsSaved.accept(envs);
        });
        settings.connectionCheck(env -> ConnectionCheck.of(env, composition.plugins.backends()));
        settings.databaseCheck(() -> "reachable: "
                + composition.store().recentRuns(1000).size() + " run(s) recorded (up to 1000 counted) in "
                + composition.store().describe());
        return new SettingsView(settings);
    }

    private static String sendSlackTest(Composition composition) throws Exception {
        var slack = composition
                .notifiers
                .provider("slack")
                .orElseThrow(() -> new IllegalStateException("the Slack plugin is not installed"));
        return slack.sendTest(NotifierConfig.load(composition.home.root(), System.getenv()));
    }
}
