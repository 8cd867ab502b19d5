package dev.faultline.app.cli;

import dev.faultline.engine.env.FaultlineHome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in this JVM and keeps what it printed. */
record Cli(int exit, String out, String err) {

    static Cli run(Path home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = FaultlineCommand.execute(
                new FaultlineHome(home), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** The repository's root, where runbooks/ lives (tests run in app/). */
    static Path repo() {
        return Path.of("..").toAbsolutePath().normalize();
    }

    static String runbook(String name) {
        return repo().resolve("runbooks/sandbox").resolve(name).toString();
    }

    /**
     * A copy of a shipped sandbox runbook, written into {@code dir} under the same name, with each
     * {@code from} text replaced by the {@code to} after it: for tests about something else than the
     * runbook itself (the messages of a run, a GameDay's records, the sandbox's lease), which need not
     * hold a fault as long as the shipped runbook does. The shipped runbooks run as shipped in
     * SandboxRunbooksIT and SandboxRunbooksOnOneSandboxIT.
     */
    static Path shortenedRunbook(Path dir, String name, String... fromTo) throws IOException {
        String text = Files.readString(Path.of(runbook(name)));
        for (int i = 0; i + 1 < fromTo.length; i += 2) {
            if (!text.contains(fromTo[i])) {
                throw new IllegalStateException(name + " no longer contains '" + fromTo[i] + "': update the test");
            }
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        return Files.writeString(dir.resolve(name), text);
    }
}
