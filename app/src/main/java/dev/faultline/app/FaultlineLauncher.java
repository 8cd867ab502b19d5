package dev.faultline.app;

import dev.faultline.app.cli.FaultlineCommand;
import dev.faultline.app.fx.FaultlineApp;
import dev.faultline.engine.env.FaultlineHome;

/**
 * The entry point: without arguments the desktop app, with arguments the command line. Not a
 * JavaFX {@code Application} itself, so JavaFX can run from the class path.
 */
public final class FaultlineLauncher {
    private FaultlineLauncher() {
    }

    public static void main(String[] args) {
        FaultlineHome home = FaultlineHome.fromEnvironment();
        System.setProperty("faultline.logdir", home.root().resolve("logs").toString());
        if (args.length == 0) {
            javafx.application.Application.launch(FaultlineApp.class);
            return;
        }
        System.exit(FaultlineCommand.execute(home, args));
    }
}
