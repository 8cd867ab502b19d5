package dev.faultline.app.cli;

import dev.faultline.engine.env.FaultlineHome;
import java.io.PrintWriter;
import java.io.StringWriter;
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
}
