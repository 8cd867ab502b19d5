package dev.faultline.app;

import dev.faultline.app.cli.ExitCodes;
import dev.faultline.app.cli.FaultlineCommand;
import dev.faultline.app.fx.FaultlineApp;
import dev.faultline.engine.env.FaultlineHome;
import dev.faultline.engine.env.HomeException;
import dev.faultline.engine.env.PrivateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point: without arguments the desktop app, with arguments the command line. Not a
 * JavaFX {@code Application} itself, so JavaFX can run from the class path.
 *
 * <p>Before anything is written (the log file first), {@code $FAULTLINE_HOME} is made private to
 * the user, or refused in one line when it is not theirs.
 */
public final class FaultlineLauncher {
    private FaultlineLauncher() {}

    public static void main(String[] args) {
        FaultlineHome home = FaultlineHome.fromEnvironment();
        try {
            home.makePrivate().forEach(w -> System.err.println("faultline: warning: " + w));
            privateLogFile(home.logs().resolve("faultline.log"));
        } catch (HomeException e) {
            System.err.println("faultline: " + e.getMessage());
            System.exit(ExitCodes.COULD_NOT_RUN);
            return;
        }
        System.setProperty("faultline.logdir", home.logs().toString());
        if (args.length == 0) {
            dev.faultline.app.fx.StartupTimer.mark("main");
            FaultlineApp.prepare(home);
            javafx.application.Application.launch(FaultlineApp.class);
            return;
        }
        System.exit(FaultlineCommand.execute(home, args));
    }

    /** The log file, made 0600 before the logger opens it (it appends to what is there). */
    private static void privateLogFile(Path log) throws HomeException {
        try {
            PrivateFiles.createDirectories(log.getParent());
            if (!Files.exists(log)) {
                PrivateFiles.createNew(log).close();
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // another Faultline made it meanwhile
        } catch (IOException e) {
            throw new HomeException(
                    "cannot write the log file " + log + ": " + e.getMessage()
                            + ": FAULTLINE_HOME must be a folder of your own that you can write",
                    e);
        }
    }
}
