package dev.faultline.app.cli;

import dev.faultline.app.Composition;
import dev.faultline.engine.store.FaultlineStore;
import dev.faultline.engine.store.RemoteRevert;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code faultline team revert RUN}: a silent runner's faults on backends anyone can reach, reverted from here. */
@Command(
        name = "revert",
        description = "Revert, from this desktop, the faults a run whose runner stopped answering still holds on"
                + " backends anyone can reach (Chaos Mesh, Litmus, Toxiproxy); local faults are reverted by the"
                + " runner's machine when it comes back.")
final class TeamRevertCommand implements Callable<Integer> {
    @ParentCommand
    TeamCommand team;

    @Parameters(index = "0", paramLabel = "RUN", description = "the run id (see faultline team status)")
    String runId = "";

    @Override
    public Integer call() throws Exception {
        Composition c = team.root.composition();
        Optional<FaultlineStore> shared = team.shared();
        if (shared.isEmpty()) {
            return ExitCodes.COULD_NOT_RUN;
        }
        RemoteRevert.Outcome o = new RemoteRevert(c.plugins, c.reverter).revert(shared.get(), runId);
        if (o.refused().isPresent()) {
            team.root.err().println("faultline: " + o.refused().get());
            return ExitCodes.COULD_NOT_RUN;
        }
        for (RemoteRevert.Line line : o.lines()) {
            if (line.problem()) {
                team.root.err().println("faultline: " + line.text());
            } else {
                team.root.out().println(line.text());
            }
        }
        return o.all() ? ExitCodes.OK : ExitCodes.DEVIATED_OR_HALTED;
    }
}
