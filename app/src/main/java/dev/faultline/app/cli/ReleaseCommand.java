package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.engine.NamedThreads;
import dev.faultline.engine.safety.HaltAnswer;
import dev.faultline.engine.safety.HaltCaller;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code faultline release --reason R}: releases the kill switch of this home and of every running
 * Faultline of this user (through their halt sockets, each releasing its own home's latch), so runs
 * may start again. A home where nothing runs keeps its latch until released from that home. On a
 * team's shared store the team's kill switch is released too.
 */
@Command(
        name = "release",
        description = "Release the kill switch, with a reason, here and in every running Faultline"
                + " of this user, so runs may start again.")
final class ReleaseCommand implements Callable<Integer> {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

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
        Composition c = root.composition();
        boolean was = c.killSwitch.release(reason);
        root.out().println(was ? "kill switch released: " + reason : "the kill switch was not engaged");
        String team = new dev.faultline.app.TeamSwitchRelay(c)
                .release(TeamCommand.you(root, null), reason)
                .join();
        if (team.startsWith("the team's shared store could not")) {
            root.err().println("faultline: " + team);
        } else if (!team.isEmpty()) {
            root.out().println(team);
        }
        List<HaltAnswer> answers;
        try {
            answers = new HaltCaller(c.rendezvous, ANSWER_WITHIN, NamedThreads.factory("faultline-release-call-"))
                    .release(reason);
        } catch (IOException e) {
            root.err()
                    .println("faultline: could not reach other Faultlines: " + e.getMessage() + "; only this home ("
                            + c.home.root() + ") is released");
            return ExitCodes.OK;
        }
        answers.forEach(a -> root.out()
                .println("pid " + a.peer().pid()
                        + a.home().map(h -> " (home " + h + ")").orElse("") + ": " + a.reply()));
        return ExitCodes.OK;
    }
}
