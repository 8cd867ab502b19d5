package dev.faultline.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code faultline release --reason R}: releases the engaged kill switch so runs may start again. */
@Command(name = "release", description = "Release the kill switch, with a reason, so runs may start again.")
final class ReleaseCommand implements Callable<Integer> {
    @ParentCommand
    FaultlineCommand root;

    @Option(names = "--reason", required = true, description = "why it is safe to go on")
    String reason;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            root.err().println("say why the kill switch is released: --reason \"...\"");
            return ExitCodes.INVALID_INPUT;
        }
        boolean was = root.composition().killSwitch.release(reason);
        root.out().println(was ? "kill switch released: " + reason : "the kill switch was not engaged");
        return ExitCodes.OK;
    }
}
