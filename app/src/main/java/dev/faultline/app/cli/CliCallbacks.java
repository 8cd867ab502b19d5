package dev.faultline.app.cli;

import dev.faultline.app.StartupRecovery;
import dev.faultline.app.session.RunRefused;
import dev.faultline.app.session.SessionCallbacks;

/**
 * A run session on the terminal: lines to standard output, warnings to standard error, production
 * confirmed by {@code --yes} or a "yes" typed at the terminal; a refusal becomes an exit code.
 */
class CliCallbacks implements SessionCallbacks {
    private final FaultlineCommand root;
    private final boolean yes;
    /** "run" or "GameDay", for the refusal of an unconfirmed production run. */
    private final String what;

    CliCallbacks(FaultlineCommand root, boolean yes, String what) {
        this.root = root;
        this.yes = yes;
        this.what = what;
    }

    @Override
    public void beforeStart() {
        StartupRecovery.run(root.composition()).forEach(root.err()::println);
    }

    @Override
    public boolean confirmProduction(String environment, Subject subject) {
        return yes
                || Confirmation.ask(
                        root,
                        "'" + environment + "' is a PRODUCTION environment. Run "
                                + (subject.gameDay() ? "GameDay " : "") + subject.name() + " there?");
    }

    @Override
    public void say(String line) {
        root.out().println(line);
    }

    @Override
    public void warn(String line) {
        root.err().println("faultline: " + line);
    }

    /** Says why nothing ran; the exit code. */
    int refused(RunRefused e) {
        switch (e.why()) {
            case INVALID_INPUT -> e.lines().forEach(root.err()::println);
            case NOT_CONFIRMED ->
                root.err().println("not run: production " + what + "s need confirmation (answer yes, or pass --yes)");
            case COULD_NOT_RUN -> e.lines().forEach(l -> root.err().println("faultline: " + l));
        }
        return e.why() == RunRefused.Why.INVALID_INPUT ? ExitCodes.INVALID_INPUT : ExitCodes.COULD_NOT_RUN;
    }
}
