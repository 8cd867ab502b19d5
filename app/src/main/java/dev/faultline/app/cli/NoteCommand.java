package dev.faultline.app.cli;

import dev.faultline.app.view.common.AppPreferences;
import dev.faultline.app.view.common.YourName;
import dev.faultline.engine.report.Observation;
import dev.faultline.engine.store.FaultlineStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline note RUN "text"}: a timestamped observation on a run's (or a GameDay run's) timeline. */
@Command(
        name = "note",
        description = "Record an observation, now, on a run's or a GameDay run's timeline. Text '-'"
                + " reads it from standard input.")
final class NoteCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Parameters(index = "0", paramLabel = "RUN", description = "a run id or a GameDay run id (see faultline runs)")
    String subject;

    @Parameters(index = "1..*", paramLabel = "TEXT", description = "what you saw")
    List<String> words;

    @Option(
            names = "--author",
            description =
                    "who noted it (default: your name as the desktop app's Settings keep it, else your user name)")
    @Nullable
    String author;

    @Override
    public Integer call() throws Exception {
        String text = String.join(" ", words);
        if (text.equals("-")) {
            try {
                text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                root.err().println("faultline: cannot read the note from standard input: " + e.getMessage());
                return ExitCodes.INVALID_INPUT;
            }
        }
        FaultlineStore store = root.composition().store();
        if (store.findRun(subject).isEmpty() && store.gameDays().find(subject).isEmpty()) {
            root.err()
                    .println("faultline: no run or GameDay run is called '" + subject + "' (see faultline runs and"
                            + " faultline gameday list)");
            return ExitCodes.INVALID_INPUT;
        }
        try {
            String by = author != null
                    ? author
                    : YourName.orAccount(
                            new AppPreferences(root.composition().home.root().resolve("app.properties"))
                                    .keptYourName()
                                    .orElse(""));
            Observation o = store.retro()
                    .addObservation(subject, root.composition().clock.instant(), by, text);
            root.out().println("noted (#" + o.id() + ", " + o.text().length() + " characters) on " + subject);
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            root.err().println("faultline: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
