package dev.faultline.app.cli;

import dev.faultline.app.NotifierConfig;
import dev.faultline.engine.spi.NotifierException;
import dev.faultline.engine.spi.NotifierProvider;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code faultline slack test}: sends one test message with the configured Slack settings. */
@Command(name = "slack", description = "Slack notifications.", subcommands = SlackCommand.Test.class)
final class SlackCommand implements Runnable {
    @ParentCommand
    FaultlineCommand root;

    @Override
    public void run() {
        root.err().println("faultline slack: say what, e.g. 'faultline slack test'");
    }

    @Command(
            name = "test",
            description = "Send a test message to the configured Slack (notifiers.properties or"
                    + " FAULTLINE_SLACK_* variables).")
    static final class Test implements Callable<Integer> {
        @ParentCommand
        SlackCommand slack;

        @Override
        public Integer call() throws Exception {
            FaultlineCommand root = slack.root;
            Optional<NotifierProvider> p = root.composition().notifiers.provider("slack");
            if (p.isEmpty()) {
                root.err().println("faultline: the Slack plugin is not installed");
                return ExitCodes.COULD_NOT_RUN;
            }
            try {
                root.out()
                        .println(
                                p.get().sendTest(NotifierConfig.load(root.home().root(), System.getenv())));
                return ExitCodes.OK;
            } catch (NotifierException e) {
                root.err().println("faultline: " + e.getMessage());
                return ExitCodes.COULD_NOT_RUN;
            }
        }
    }
}
